// The units mapping and the pairs file (`compare --units`, `--pairs`): checked on any JSON, and
// the reports placed as the merged unit's own or a former unit's.
import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import type { ComparedReport } from "../../src/core/compare";
import { pairsProblems, placeUnits, unitMappingProblems, UnitError, unitsMissing, type UnitMapping } from "../../src/core/mergedUnits";
import { sheet } from "../helpers/grid";
import { periodRows, Y2019_6, Y2020_6 } from "../helpers/periods";

function report(file: string, year: number, issuer?: string): ComparedReport {
  const rows = [...(issuer ? [[issuer]] : []), ...periodRows(year, 6, Y2020_6, Y2019_6)];
  const snapshot = { sheets: [sheet("Biểu 01", rows)] };
  return { file, snapshot, analysis: checkWorkbook(snapshot) };
}

const mapping: UnitMapping = {
  merged: [
    { unit: "Tỉnh Thái Nguyên", since: "2025-07-01", from: ["Tỉnh Thái Nguyên", "Tỉnh Bắc Kạn"] },
    { unit: "Tỉnh Tuyên Quang", from: ["Tỉnh Tuyên Quang", "Tỉnh Hà Giang"] },
  ],
};

describe("the units mapping", () => {
  test("the example in docs is a valid mapping; malformed ones are named by their place", () => {
    const example = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "docs", "don-vi.mau.json"), "utf8"));
    expect(unitMappingProblems(example)).toEqual([]);
    expect(unitMappingProblems({ merged: [{ unit: "A", from: ["B"], since: "1/7/2025" }, { from: ["C"] }] })).toEqual([
      "merged[0]: 'since' phải có dạng 2025-07-01 / 'since' must read like 2025-07-01",
      "merged[1]: thiếu 'unit' / missing 'unit'",
    ]);
    expect(unitMappingProblems([])).toHaveLength(1);
  });

  test("any JSON value is checked without throwing, and what passes has the mapping's shape", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const problems = unitMappingProblems(value);
        if (problems.length === 0) {
          const m = value as unknown as UnitMapping;
          expect(m.merged.every((e) => typeof e.unit === "string" && e.from.length > 0)).toBe(true);
        }
        expect(() => pairsProblems(value)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  test("a pairs file names indicators by sheet, row or name; an empty reference is refused", () => {
    expect(
      pairsProblems({
        pairs: [
          { current: { row: 5 }, earlier: null },
          { current: { name: "x" }, earlier: { sheet: "B" }, file: "a.xlsx" },
        ],
      }),
    ).toEqual([]);
    expect(
      pairsProblems({
        pairs: [
          { current: {}, earlier: null },
          { current: { row: 0 }, earlier: null },
        ],
      }),
    ).toHaveLength(2);
  });
});

describe("placing the reports", () => {
  const current = report("thai-nguyen-6t-2026.xlsx", 2026);

  test("last year's reports go to the former units they name; the successor's own reports of this year stay earlier reports", () => {
    const a = report("bao-cao-6t-2025.xlsx", 2025, "UBND TỈNH THÁI NGUYÊN");
    const b = report("bac-kan-6-thang-2025.xlsx", 2025);
    const own = report("thai-nguyen-3-thang-2026.xlsx", 2026);
    const other = report("ha-giang-6t-2025.xlsx", 2025);
    const placed = placeUnits(mapping, current, [a, b, own, other]);
    expect(placed.merged?.unit).toBe("Tỉnh Thái Nguyên");
    expect(placed.merged?.formers.map((f) => [f.unit, f.report.file])).toEqual([
      ["Tỉnh Thái Nguyên", "bao-cao-6t-2025.xlsx"],
      ["Tỉnh Bắc Kạn", "bac-kan-6-thang-2025.xlsx"],
    ]);
    // Hà Giang merged into another province: not one of these sums.
    expect(placed.others.map((r) => r.file)).toEqual(["thai-nguyen-3-thang-2026.xlsx", "ha-giang-6t-2025.xlsx"]);
  });

  test("a report naming two former units is refused unless the mapping's files say whose it is", () => {
    const both = report("thai-nguyen-bac-kan-2025.xlsx", 2025);
    expect(() => placeUnits(mapping, current, [both])).toThrow(UnitError);
    const listed = placeUnits({ ...mapping, files: { "THAI-NGUYEN-BAC-KAN-2025.xlsx": "Tỉnh Bắc Kạn" } }, current, [both]);
    expect(listed.merged?.formers.map((f) => f.unit)).toEqual(["Tỉnh Bắc Kạn"]);
  });

  test("the mapping's files name reports with their folders, and units however their tier is written", () => {
    const at = (file: string, where: string) => ({ ...report(file, 2025), path: where });
    const [tn, bk] = [at("tn/6t-2025.xlsx", "nop/tn/6t-2025.xlsx"), at("bk/6t-2025.xlsx", "nop/bk/6t-2025.xlsx")];
    const files = { "bk/6t-2025.xlsx": "Bắc Kạn", "tn/6t-2025.xlsx": "tỉnh Thái Nguyên", "6t-2025.xlsx": "Tỉnh Hà Giang" };
    const placed = placeUnits({ ...mapping, files }, current, [tn, bk]);
    expect(placed.merged?.formers.map((f) => [f.unit, f.report.file])).toEqual([
      ["Tỉnh Thái Nguyên", "tn/6t-2025.xlsx"],
      ["Tỉnh Bắc Kạn", "bk/6t-2025.xlsx"],
    ]);
    // A unit the mapping does not have would place nothing: the file is refused.
    expect(unitMappingProblems({ ...mapping, files: { "bk/6t-2025.xlsx": "Bắc Cạn" } })).toEqual([
      `files["bk/6t-2025.xlsx"]: "Bắc Cạn" không có trong 'merged' / "Bắc Cạn" is no unit of 'merged'`,
    ]);
  });

  test("a former unit's report of the merger's own year, from before it, is the former unit's", () => {
    const nine = report("thai-nguyen-9t-2025.xlsx", 2025);
    nine.analysis.sheets = nine.analysis.sheets.map((s) => ({ ...s, period: { kind: "months" as const, months: 9, label: "9 tháng" } }));
    const placed = placeUnits(mapping, nine, [report("bac-kan-6t-2025.xlsx", 2025)]);
    expect(placed.merged?.formers.map((f) => [f.unit, f.report.file])).toEqual([["Tỉnh Bắc Kạn", "bac-kan-6t-2025.xlsx"]]);
    expect(placed.others).toEqual([]);
    // Without the merger's date, a report of the same year is the successor's own.
    const undated = { merged: [{ ...mapping.merged[0], since: undefined }] };
    expect(placeUnits(undated, nine, [report("bac-kan-6t-2025.xlsx", 2025)]).merged?.formers).toEqual([]);
  });

  test("a current report that names no unit of a mapping of several is no merger", () => {
    expect(placeUnits(mapping, report("bao-cao-2026.xlsx", 2026), [report("bac-kan-2025.xlsx", 2025)]).merged).toBeNull();
  });
});

describe("units expected in a consolidation", () => {
  test("the units that make up the table's unit and sent no report are named; a mapping not about it says nothing", () => {
    const province = report("bieu-tinh-tuyen-quang.xlsx", 2026);
    const sent = [report("tuyen-quang-cu-6t.xlsx", 2026), report("bao-cao.xlsx", 2026, "UBND TỈNH HÀ GIANG")];
    expect(unitsMissing(mapping, province, sent)).toEqual({
      unit: "Tỉnh Tuyên Quang",
      expected: ["Tỉnh Tuyên Quang", "Tỉnh Hà Giang"],
      missing: [],
      twice: [],
    });
    expect(unitsMissing(mapping, province, sent.slice(0, 1))?.missing).toEqual(["Tỉnh Hà Giang"]);
    expect(unitsMissing(mapping, report("bieu.xlsx", 2026), sent)).toBeNull();
  });
});

describe("naming units", () => {
  const units = (names: string[], ...reports: ComparedReport[]) =>
    unitsMissing({ merged: [{ unit: "Tỉnh", from: names }] }, report("bieu-tinh.xlsx", 2026), reports)?.missing;

  test("a name is found whole, however its tier and punctuation are written; a number alone is no name", () => {
    expect(units(["TP. Hồ Chí Minh"], report("bao-cao-thanh-pho-ho-chi-minh.xlsx", 2026))).toEqual([]);
    expect(units(["Thành phố Hồ Chí Minh"], report("bao-cao.xlsx", 2026, "UBND TP.HỒ CHÍ MINH"))).toEqual([]);
    // "Biểu 1" and "1/7" in a title are no report of "Phường 1".
    expect(units(["Phường 1"], report("bieu-1.xlsx", 2026, "Biểu 1 - số liệu đến 1/7"))).toEqual(["Phường 1"]);
    expect(units(["Phường 1"], report("bao-cao-phuong-1.xlsx", 2026))).toEqual([]);
  });

  test("of two names one holds, the report is the longer one's", () => {
    expect(units(["Xã Tân", "Xã Tân Cương"], report("xa-tan-cuong.xlsx", 2026))).toEqual(["Xã Tân"]);
  });

  test("a report of a period ending after the merger is the successor's own, though it bears a former unit's name", () => {
    const current = report("thai-nguyen-6t-2026.xlsx", 2026);
    const since = { merged: [{ unit: "Tỉnh Thái Nguyên", since: "2025-07-01", from: ["Tỉnh Thái Nguyên", "Tỉnh Bắc Kạn"] }] };
    const before = report("thai-nguyen-6t-2025.xlsx", 2025);
    const after = { ...report("thai-nguyen-9t-2025.xlsx", 2025), analysis: { ...before.analysis } };
    after.analysis.sheets = before.analysis.sheets.map((s) => ({ ...s, period: { kind: "months" as const, months: 9, label: "9 tháng" } }));
    const placed = placeUnits(since, current, [before, after]);
    expect(placed.merged?.formers.map((f) => f.report.file)).toEqual(["thai-nguyen-6t-2025.xlsx"]);
    expect(placed.others.map((r) => r.file)).toEqual(["thai-nguyen-9t-2025.xlsx"]);
  });
});
