// Every text pattern runs in linear time: on runs of spaces, digits, dots, commas, brackets, line
// breaks and repeated words, eight times the text takes about eight times as long. The assertion
// is on the ratio, never on a time (how fast it is is measured by `npm run bench`): linear gives
// 8× (up to about 16× with the collector's share under Jest), quadratic 64×, cubic 512×.
import fc from "fast-check";
import { checkText } from "../../src/core/narrative/check";

/** The least of three runs, in milliseconds: the other two absorb a busy machine's pauses. */
function fastest(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    checkText(text, { reportYear: 2021 });
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

const unit = fc.constantFrom(
  " ",
  "\u00a0",
  "\t",
  "1",
  ".",
  ",",
  "1,",
  "1.",
  ", ",
  "(",
  "-",
  "%",
  "\n",
  "tăng ",
  "giảm ",
  "mạnh ",
  "hơn ",
  "trong đó ",
  "so với ",
  "cùng kỳ ",
  "thị ",
  "lần ",
  "1.200 tỷ đồng ",
  "tăng 5% ",
);
const frame = fc.constantFrom(
  ["Giá trị", "tăng 5%"],
  ["tăng", "5%"],
  ["", "giảm 3,2% so với cùng kỳ năm 2020."],
  ["Tổng thu 1.200 tỷ đồng", ""],
);

describe("check-text in linear time", () => {
  it("takes about eight times as long on eight times the text, whatever is repeated", () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 3 }), frame, (units, [before, after]) => {
        const piece = units.join("");
        const text = (n: number) => before + piece.repeat(Math.ceil(n / piece.length)) + after;
        fastest(text(1_000)); // warm the engine up on this shape
        const small = fastest(text(25_000));
        const large = fastest(text(200_000));
        // Below a few milliseconds the clock's grain and the collector dominate: nothing to compare.
        if (large < 20) return;
        expect(large / Math.max(small, 1)).toBeLessThan(32);
      }),
      { numRuns: 25, seed: 20261201 },
    );
  }, 120_000);
});
