import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import { readIndicators } from "../../src/core/reading/workbook";
import { INDICATOR_KINDS, type IndicatorKind } from "../../src/core/model/catalogue";
import { DEFAULT_CATALOGUE } from "../../src/core/model/catalogueData";
import { DEFAULT_RULE_CONFIG, RULES, comparisonYearIssues, ruleContext } from "../../src/core/rules";
import { parseAddress } from "../../src/core/model/snapshot";
import { hostileSheet } from "../helpers/hostile";

describe("the rule catalogue", () => {
  it("runs a one-indicator check only on the kinds it names: on any other kind it finds nothing", () => {
    // Every indicator of a hostile sheet, given each kind a rule leaves out, must raise nothing from that rule.
    fc.assert(
      fc.property(hostileSheet, fc.constantFrom(...INDICATOR_KINDS), (sheet, kind: IndicatorKind) => {
        const reading = readIndicators({ sheets: [sheet] }, { catalogue: DEFAULT_CATALOGUE });
        const ctx = ruleContext(reading, DEFAULT_RULE_CONFIG, DEFAULT_CATALOGUE);
        for (const rule of RULES.filter((r) => r.each && r.kinds && !r.kinds.includes(kind)))
          for (const table of reading.tables)
            for (const ind of table.indicators) expect(rule.each!({ ...ind, kind }, table, ctx)).toHaveLength(0);
      }),
      { numRuns: 60 },
    );
  });

  it("has the rule ids docs/cli.md names, each documented in Vietnamese and English", () => {
    const ids = RULES.map((r) => r.id);
    for (const id of [
      "base-year",
      "stated-percent",
      "component-total",
      "share-total",
      "rate-range",
      "not-a-number",
      "unit-scale",
      "growth-outlier",
      "plan-outlier",
      "cumulative-decrease",
    ])
      expect(ids).toContain(id);
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
      fc.property(
        fc.array(hostileSheet, { minLength: 1, maxLength: 3 }),
        fc.option(fc.integer({ min: 1990, max: 2035 }), { nil: null }),
        (sheets, year) => {
          const named = sheets.map((s, i) => ({ ...s, name: `S${i}` }));
          const a = checkWorkbook({ sheets: named }, { reportYear: year });
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
        },
      ),
      { numRuns: 600 },
    );
  });

  it("figures at the edge of what a double holds never give Infinity or NaN in a finding or a computed figure", () => {
    const extreme = fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 1e300, -1e300, Number.MIN_VALUE, 0, -0, 2 ** 53 + 1, 18029);
    fc.assert(
      fc.property(fc.array(extreme, { minLength: 14, maxLength: 14 }), fc.constantFrom(null, "0.0%"), (x, format) => {
        const values = [
          ["BÁO CÁO 6 THÁNG NĂM 2020"],
          ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2020", "TH 6 tháng 2019", "Ước TH 6 tháng 2020", "TH/KH (%)", "So với cùng kỳ (%)"],
          ["1", "Tổng sản phẩm (GRDP)", "Tỷ đồng", x[0], x[1], x[2], x[3], x[4]],
          ["", "Chia ra:"],
          ["a", "Nông nghiệp", "Tỷ đồng", x[5], x[6], x[7]],
          ["b", "Công nghiệp", "Nghìn tỷ đồng", x[8], x[9], x[10]],
          ["2", "Tỷ lệ hộ nghèo", "%", x[11], x[12], x[13]],
        ];
        const a = checkWorkbook(
          { sheets: [{ name: "S", values, numberFormats: values.map((r) => r.map(() => format)), merges: [] }] },
          { reportYear: 2020 },
        );
        for (const f of a.findings) expect(f.message + f.messageEn).not.toMatch(/NaN|undefined|Infinity/);
        for (const i of a.indicators) for (const v of Object.values(i)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
