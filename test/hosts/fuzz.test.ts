// Mutated workbooks, thousands of them: flipped and cut bytes, and parts edited the ways a damaged
// or hostile file is (slices removed or repeated, rows and cells at any address, missing strings,
// entities, a DOCTYPE). Each is read and checked, or refused with a reason in both languages;
// nothing else escapes, and memory stays bounded; what is read is also filled, and the written
// file reads back with the user's sheets as they were. Then some go through `chitieu fill` as a user
// would run it: exit 0, 1 or 2, one line at most on standard error, never a stack trace.
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import { fillTemplate } from "../../src/core/fill";
import { applyPlanToBytes } from "../../src/hosts/xlsx/applyPlan";
import { readWorkbook, WorkbookInputError } from "../../src/hosts/xlsx/readWorkbook";
import { chitieu } from "../helpers/cli";
import { addSheet, tempDir } from "../helpers/files";

async function seedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  addSheet(
    wb,
    "Biểu 01",
    [
      ["KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2021"],
      ["TT", "Chỉ tiêu", "ĐVT", "TH 2020", "KH 2021", "TH 2021", "TH/KH (%)"],
      ["1", "Tổng thu ngân sách nhà nước", "Tỷ đồng", "1.235,6", 1300, 1402.5, 107.9],
      ["2", "Tỷ lệ hộ nghèo", "%", 2.82, "Dưới 2,5", 2.17, null],
      ["", "Trong đó: thu nội địa", "Tỷ đồng", 1000, 1100, 1150, 104.5],
    ],
    ["A1:G1"],
    { D4: "0.00" },
  );
  wb.created = wb.modified = new Date(Date.UTC(2021, 11, 31));
  // Zipped again with fixed entry dates: the same bytes on every run, so the same mutations.
  const written = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const fixed = new JSZip();
  for (const [name, entry] of Object.entries(written.files))
    if (!entry.dir) fixed.file(name, await entry.async("uint8array"), { date: new Date(Date.UTC(2021, 11, 31)) });
  return fixed.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Edits of a part's text that damaged or hostile files show. */
const PIECES = [
  '<row r="4000000000"><c r="A4000000000"><v>1</v></c></row>',
  '<c r="ZZZ9999999" t="s"><v>99</v></c>',
  '<c t="s"><v>-1</v></c>',
  '<c t="d"><v>T25:99</v></c>',
  '<c t="n"><v>1e309</v></c>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  "&#0;&#xD800;&amp;&bogus;",
  "<![CDATA[",
  '<c r="B2"><f>1/0</f></c>',
  "</sheetData>",
  "<sheetData>",
  '<si><t xml:space="preserve">  </t></si>',
];

type Mutation =
  | { kind: "flip"; at: number; byte: number }
  | { kind: "cut"; length: number }
  | { kind: "edit"; part: number; at: number; remove: number; insert: string; repeat: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("cut" as const), length: fc.nat() }),
  fc.record({
    kind: fc.constant("edit" as const),
    part: fc.nat(),
    at: fc.nat(),
    remove: fc.nat({ max: 200 }),
    insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })),
    repeat: fc.integer({ min: 1, max: 3 }),
  }),
);

async function mutate(seed: Uint8Array, zip: JSZip, names: string[], m: Mutation): Promise<Uint8Array> {
  if (m.kind === "flip") {
    const out = seed.slice();
    out[m.at % out.length] ^= m.byte || 1;
    return out;
  }
  if (m.kind === "cut") return seed.subarray(0, m.length % seed.length);
  const name = names[m.part % names.length];
  const text = (await zip.file(name)?.async("string")) ?? "";
  const at = m.at % (text.length + 1);
  const edited = text.slice(0, at) + m.insert.repeat(m.repeat) + text.slice(at + m.remove);
  const copy = new JSZip();
  for (const other of names) copy.file(other, other === name ? edited : ((await zip.file(other)?.async("uint8array")) ?? ""));
  return copy.generateAsync({ type: "uint8array", compression: "STORE" });
}

describe("mutated workbooks", () => {
  let seed: Uint8Array;
  let zip: JSZip;
  let names: string[];
  beforeAll(async () => {
    seed = await seedWorkbook();
    zip = await JSZip.loadAsync(seed);
    names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  });

  it("are read and checked, or refused with a reason: nothing else escapes, memory stays bounded", async () => {
    let refused = 0;
    let filled = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const bytes = await mutate(seed, zip, names, m);
        try {
          const snapshot = await readWorkbook(bytes);
          const analysis = checkWorkbook(snapshot);
          const plan = fillTemplate(snapshot, analysis, "bieu-chi-tieu").plan;
          if (plan === null) return;
          // One reader decides for check and fill: what it reads, the writer writes (never refuses), and reads back the same.
          const written = await readWorkbook(
            await applyPlanToBytes(bytes, plan).catch((error: Error) => {
              throw new Error(`the writer refused: ${error.message}`);
            }),
          );
          expect(written.sheets.slice(0, snapshot.sheets.length)).toEqual(snapshot.sheets);
          filled++;
        } catch (error) {
          if (!(error instanceof WorkbookInputError)) throw error;
          expect(error.reason.length).toBeGreaterThan(5);
          expect(error.reasonEn.length).toBeGreaterThan(5);
          refused++;
        }
      }),
      { numRuns: 5000, seed: 13 },
    );
    expect(refused).toBeGreaterThan(100);
    expect(filled).toBeGreaterThan(1000);
    expect(process.memoryUsage().rss).toBeLessThan(1024 ** 3);
  }, 300_000);

  it("go through `chitieu fill` with exit 0, 1 or 2 and never a stack trace", async () => {
    const dir = tempDir("chitieu-fuzz-");
    const cases = fc.sample(mutation, { numRuns: 40, seed: 14 });
    for (let i = 0; i < cases.length; i++) {
      const file = path.join(dir, `m${i}.xlsx`);
      fs.writeFileSync(file, await mutate(seed, zip, names, cases[i]));
      const r = chitieu(["fill", file, "--template", "bieu-chi-tieu", "--out", path.join(dir, `out${i}.xlsx`)]);
      expect({ i, status: r.status }).toEqual({ i, status: expect.any(Number) });
      expect([0, 1, 2]).toContain(r.status);
      expect(r.stderr.trim().split("\n").length).toBeLessThanOrEqual(1);
      expect(r.stderr).not.toMatch(/\n\s+at |node:internal/);
      // What the reader accepts, the writer either writes or refuses in words: never "unexpected".
      expect(r.stderr).not.toMatch(/lỗi không mong đợi/);
    }
  }, 300_000);
});
