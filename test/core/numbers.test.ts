import fc from "fast-check";
import { formatNumber, parseNumberText, roundTo } from "../../src/core/model/numbers";

describe("parseNumberText", () => {
  it.each([
    ["1.235,6", 1235.6, "vi"],
    ["16.750", 16750, "ambiguous"],
    ["6,56%", 6.56, "vi"],
    ["12,500.0", 12500, "en"],
    ["1.654.200", 1654200, "vi"],
    ["1,654,200", 1654200, "en"],
    ["0,750", 0.75, "vi"],
    ["945.4", 945.4, "en"],
    ["2 715,4", 2715.4, "vi"],
    ["-3,5", -3.5, "vi"],
    ["−0,65", -0.65, "vi"],
    ["(12,5)", -12.5, "vi"],
    ["7966", 7966, "plain"],
  ])("reads %s as %d (%s)", (text, value, style) => {
    const parsed = parseNumberText(text);
    expect(parsed?.value).toBeCloseTo(value, 9);
    expect(parsed?.style).toBe(style);
  });

  it("marks percent and per mille", () => {
    expect(parseNumberText("44,2%")).toMatchObject({ value: 44.2, percent: true, perMille: false });
    expect(parseNumberText("10,8‰")).toMatchObject({ value: 10.8, perMille: true });
  });

  it("reads an ambiguous text by the style it is told, keeping the other reading", () => {
    expect(parseNumberText("108,987", "vi")).toMatchObject({ value: 108.987, alternative: 108987, style: "ambiguous" });
    expect(parseNumberText("108,987", "en")).toMatchObject({ value: 108987, alternative: 108.987 });
    expect(parseNumberText("16.750", "en")).toMatchObject({ value: 16.75, alternative: 16750 });
  });

  it.each(["khoảng 10.000", "#DIV/0!", "n/a", "6,6-6,8", "1.235.6", "1,2,3", "", "  ", "12a", "Xuất siêu", "1..2", ",5"])(
    "refuses %p",
    (text) => {
      expect(parseNumberText(text)).toBeNull();
    },
  );

  it("round-trips any number formatted in Vietnamese or English style", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom("vi" as const, "en" as const),
        (n, decimals, style) => {
          const value = n / 10 ** decimals;
          const text = formatNumber(value, decimals, style);
          const parsed = parseNumberText(text, style);
          expect(parsed).not.toBeNull();
          expect(parsed!.value).toBeCloseTo(value, 6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws and never returns a non-finite value on hostile text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[-+(]?[\d.,\s]{0,30}[%‰)]?$/)), (text) => {
        const parsed = parseNumberText(text);
        if (parsed) expect(Number.isFinite(parsed.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("formatNumber", () => {
  it("writes Vietnamese separators", () => {
    expect(formatNumber(7966, 0)).toBe("7.966");
    expect(formatNumber(1235.6, 1)).toBe("1.235,6");
    expect(formatNumber(44.18, 1)).toBe("44,2");
    expect(formatNumber(-0.65, 2)).toBe("-0,65");
    expect(formatNumber(1235.6, 1, "en")).toBe("1,235.6");
  });

  it("rounds half away from zero despite binary representation", () => {
    expect(formatNumber((10150 / 20000) * 100, 1)).toBe("50,8");
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
  });

  it("leaves numbers too large to have a fraction as they are, never Infinity", () => {
    expect(roundTo(1.7976931348623144e306, 3)).toBe(1.7976931348623144e306);
    expect(roundTo(-1e300, 5)).toBe(-1e300);
    expect(roundTo(2 ** 53 + 2, 1)).toBe(2 ** 53 + 2);
    expect(formatNumber(1.7976931348623144e306, 3)).not.toMatch(/Infinity/);
  });
});
