import fc from "fast-check";
import { analyzeWorkbook } from "../../src/core/analyze";
import { RULES, comparisonYearIssues } from "../../src/core/rules";
import { parseAddress } from "../../src/core/snapshot";
import { hostileSheet } from "../helpers/hostile";

describe("the rule catalogue", () => {
  it("has the rule ids SPEC.md names, each documented in Vietnamese and English", () => {
    const ids = RULES.map((r) => r.id);
    for (const id of ["base-year", "stated-percent", "component-total", "share-total", "rate-range", "not-a-number", "unit-scale", "growth-outlier", "plan-outlier", "cumulative-decrease"]) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.name.length).toBeGreaterThan(5);
      expect(r.nameEn.length).toBeGreaterThan(5);
      expect(r.description.length).toBeGreaterThan(30);
    }
  });
});

describe("comparisonYearIssues", () => {
  it.each([
    ["tăng 5% so với cùng kỳ năm 2029", 2020, "error", 2029],
    ["tăng 5% so với cùng kỳ năm 2020", 2020, "error", 2020],
    ["tăng 5% so với cùng kỳ năm 2018", 2020, "warning", 2018],
    ["CK 2022", 2021, "error", 2022],
    ["giảm 3% so với năm 2023", 2021, "error", 2023],
  ])("%s in a %d report → %s", (text, year, severity, found) => {
    expect(comparisonYearIssues(text, year)).toEqual([expect.objectContaining({ severity, year: found })]);
  });

  it.each([
    "tăng 6% so với cùng kỳ năm 2019",
    "đến năm 2025, tầm nhìn đến năm 2045",
    "giai đoạn 2021-2025",
    "Kế hoạch sử dụng đất 5 năm (2021 - 2025)",
    "theo giá so sánh 2010",
    "cao nhất kể từ năm 2011",
    "kế hoạch năm 2021",
    "năm học 2020-2021",
  ])("%s is fine in a 2020 report", (text) => {
    expect(comparisonYearIssues(text, 2020)).toEqual([]);
  });
});

describe("rules on hostile sheets", () => {
  it("never throw, and every finding points to a cell that exists on its sheet", () => {
    fc.assert(
      fc.property(fc.array(hostileSheet, { minLength: 1, maxLength: 3 }), fc.option(fc.integer({ min: 1990, max: 2035 }), { nil: null }), (sheets, year) => {
        const named = sheets.map((s, i) => ({ ...s, name: `S${i}` }));
        const a = analyzeWorkbook({ sheets: named }, { reportYear: year });
        for (const f of a.findings) {
          const sheet = named.find((s) => s.name === f.sheet);
          const at = parseAddress(f.cell);
          expect(sheet).toBeDefined();
          expect(at).not.toBeNull();
          const width = Math.max(1, ...sheet!.values.map((r) => r.length), ...sheet!.merges.map((m) => m.right + 1));
          expect(at!.row).toBeLessThan(Math.max(sheet!.values.length, 1));
          expect(at!.col).toBeLessThan(width);
          expect(["error", "warning", "info"]).toContain(f.severity);
          expect(f.message).not.toMatch(/NaN|undefined|Infinity/);
        }
      }),
      { numRuns: 600 },
    );
  });
});
