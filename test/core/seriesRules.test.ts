// The rules on tables of years and on whole rows (src/core/rules/series.ts), on indicators built by
// hand: each planted fault is found at its cell with its severity, and clean shapes (steady growth,
// a real fall, a real doubling, missing years, rates, indices, components that share a base-year
// figure) give nothing. Names and figures are invented.
import fc from "fast-check";
import type { Finding } from "../../src/core/model/findings";
import type { Indicator, IndicatorSheet } from "../../src/core/model/indicator";
import { RULES, type Rule } from "../../src/core/rules";
import {
  coreName,
  copiedComponents,
  countFraction,
  seriesBaseYear,
  seriesGrowth,
  seriesScale,
  statedIndex,
} from "../../src/core/rules/series";
import { column, contextOf, indicator, series, table, yearColumns, type IndicatorSpec } from "../helpers/indicators";

const SERIES_RULES: Rule[] = [seriesScale, seriesGrowth, seriesBaseYear, countFraction, statedIndex, copiedComponents];
const Y8 = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019];

function run(rule: Rule, sheets: IndicatorSheet[], config = {}): Finding[] {
  return rule.check(contextOf(sheets, config));
}

/** What a test looks at in a finding. */
const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, cell: f.cell });

/** A row of a table of years 2012…2019 in columns C…J. */
function row(spec: Omit<IndicatorSpec, "series"> & { values: Array<number | null>; years?: number[]; placeholders?: number[] }): Indicator {
  const { values, years, placeholders, ...rest } = spec;
  return indicator({ ...rest, series: series(spec.row, years ?? Y8, values, { placeholders }) });
}

/** Levels compounded from a start by yearly growth in percent, rounded to one decimal. */
function compound(start: number, growth: number[]): number[] {
  const out = [start];
  for (const g of growth) out.push(Math.round(out[out.length - 1] * (1 + g / 100) * 10) / 10);
  return out;
}

describe("the series rules in the catalogue", () => {
  it("are registered in RULES with documented records", () => {
    const ids = RULES.map((r) => r.id);
    for (const r of SERIES_RULES) {
      expect(ids).toContain(r.id);
      expect(r.description.length).toBeGreaterThan(60);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(SERIES_RULES.map((r) => [r.id, r.severity])).toEqual([
      ["series-scale", "error"],
      ["series-growth", "warning"],
      ["series-base-year", "error"],
      ["count-fraction", "warning"],
      ["stated-index", "error"],
      ["copied-components", "warning"],
    ]);
  });
});

describe("coreName", () => {
  it.each([
    ["Tốc độ tăng trưởng kinh tế GRDP", "grdp"],
    ["GRDP (giá so sánh 2010)", "grdp"],
    ["1. Tổng giá trị gia tăng (Giá 2010)", "tong gia tri gia tang"],
    ["2. Tổng giá trị gia tăng (Giá hiện hành)", "tong gia tri gia tang"],
    ["- Công nghiệp - Xây Dựng", "cong nghiep xay dung"],
    ["Công nghiệp-Xây dựng", "cong nghiep xay dung"],
    ["Nông, lâm nghiệp và thuỷ sản", "nong lam nghiep va thuy san"],
    ["Tốc độ tăng giá trị sản xuất công nghiệp (%)", "gia tri san xuat cong nghiep"],
    ["Giá trị sản xuất công nghiệp theo giá SS 2010", "gia tri san xuat cong nghiep"],
    ["*.GRDP bình quân đầu người", "grdp binh quan dau nguoi"],
  ])("%s → %s", (name, core) => expect(coreName(name)).toBe(core));
});

describe("series-scale", () => {
  const unitSwitch = [12.41, 14.02, 16.3, 18.95, 21.07, 26150.4, 29870.2, 33420.9];

  it("finds the year the unit switched in a run (triệu → nghìn đồng), as an error at the first figure of the new run", () => {
    const ind = row({ name: "GRDP bình quân đầu người", row: 6, unit: "Triệu đồng", measure: "ratio", values: unitSwitch });
    const found = run(seriesScale, [table([ind], { columns: yearColumns(Y8) })]);
    expect(found.map(brief)).toEqual([{ rule: "series-scale", severity: "error", cell: "H6" }]);
    expect(found[0].actual).toBe(26150.4);
    expect(found[0].expected).toBeCloseTo(26.1504, 6);
    expect(found[0].message).toContain("năm 2017");
    expect(found[0].message).toContain("năm 2016");
    expect(found[0].message).toContain("H6");
    expect(found[0].message).toContain("G6");
    expect(found[0].messageEn).toMatch(/unit changed/);
  });

  it("finds one odd figure in the middle, off against both neighbours", () => {
    const ind = row({ name: "Sản lượng chè búp tươi", row: 7, unit: "Tấn", values: [8120, 8460, 8710, 9.02, 9310, 9655, 9980, 10240] });
    const found = run(seriesScale, [table([ind])]);
    expect(found.map(brief)).toEqual([{ rule: "series-scale", severity: "error", cell: "F7" }]);
    expect(found[0].message).toMatch(/năm 2014.*năm 2016/);
  });

  it("finds a lone figure at either end when the trend of the rest confirms it", () => {
    const last = row({
      name: "Vốn đầu tư phát triển",
      row: 8,
      unit: "Tỷ đồng",
      values: [410.2, 455.6, 498.1, 540.3, 601.7, 655.2, 702.8, 761400],
    });
    const first = row({
      name: "Kim ngạch xuất khẩu",
      row: 9,
      unit: "Triệu USD",
      values: [51300, 55.8, 60.1, 66.4, 70.2, 77.9, 83.5, 90.1],
    });
    const found = run(seriesScale, [table([last, first])]);
    expect(found.map(brief)).toEqual([
      { rule: "series-scale", severity: "error", cell: "J8" },
      { rule: "series-scale", severity: "error", cell: "C9" },
    ]);
  });

  it("finds a switch to a thousandth (nghìn → triệu) and skips missing years and placeholders between", () => {
    const ind = row({
      name: "Doanh thu dịch vụ lưu trú",
      row: 10,
      unit: "Triệu đồng",
      values: [5210, null, 5880, 6320, null, 6.95, 7.41, 8.02],
      placeholders: [2016],
    });
    const found = run(seriesScale, [table([ind])]);
    expect(found.map(brief)).toEqual([{ rule: "series-scale", severity: "error", cell: "H10" }]);
  });

  it("flags the second of two figures ×1000 apart, and leaves to unit-scale a slip between the actual and the previous", () => {
    const two = row({ name: "Thu từ xổ số", row: 11, unit: "Tỷ đồng", values: [12.5, 13100], years: [2018, 2019] });
    expect(run(seriesScale, [table([two])]).map(brief)).toEqual([{ rule: "series-scale", severity: "error", cell: "D11" }]);
    const both = { ...two, row: 12, series: series(12, [2018, 2019], [12.5, 13100]), actual: 13100, previous: 12.5 };
    both.cells = { ...both.cells, actual: "D12", previous: "C12" };
    expect(run(seriesScale, [table([both])])).toEqual([]);
    expect(run(seriesScale, [table([both])], { disabled: ["unit-scale"] }).map(brief)).toEqual([
      { rule: "series-scale", severity: "error", cell: "D12" },
    ]);
  });

  it("reads a table that lists the latest year first in time order", () => {
    const years = [2019, 2018, 2017, 2016, 2015];
    const ind = row({
      name: "Thu nhập bình quân đầu người",
      row: 14,
      unit: "Triệu đồng",
      measure: "ratio",
      years,
      values: [41500, 38900, 36.2, 33.8, 31.1],
    });
    const found = run(seriesScale, [table([ind])]);
    expect(found.map(brief)).toEqual([{ rule: "series-scale", severity: "error", cell: "D14" }]);
    expect(found[0].message).toMatch(/từ năm 2018 .* đến năm 2019/);
  });

  it("gives nothing on clean series", () => {
    const clean = [
      row({ name: "Thu ngân sách trên địa bàn", row: 5, unit: "Tỷ đồng", values: compound(1210.5, [8, 9, 7.5, 10, 6, 8.2, 9.1]) }),
      row({ name: "Sản lượng cà phê nhân", row: 6, unit: "Tấn", values: [20500, 21300, 14910, 15600, 16800, 17100, 17900, 18650] }),
      row({ name: "Vốn FDI thực hiện", row: 7, unit: "Triệu USD", values: [85.2, 170.9, 352.1, 711.4, 1420.6, 2880.3, 5701.2, 11390.5] }),
      row({ name: "Số khách quốc tế", row: 8, unit: "Lượt", values: [null, 15200, null, null, 16900, 17350, null, 18010] }),
      row({
        name: "Tỷ lệ đô thị hóa",
        row: 9,
        unit: "%",
        kind: "rate",
        measure: "level",
        values: [0.02, 21.5, 22.3, 23.1, 24.0, 24.9, 25.8, 26.4],
      }),
      row({
        name: "Chỉ số sản xuất công nghiệp",
        row: 10,
        unit: "%",
        kind: "index",
        measure: "index",
        values: [0.1, 108, 112, 109, 111, 110, 107, 113],
      }),
      row({ name: "Hệ số ICOR", row: 11, unit: "", kind: "coefficient", values: [4.1, 4.5, 4100, 5.2, 4.8, 5.0, 4.6, 4.9] }),
      row({ name: "Lợi nhuận doanh nghiệp nhà nước", row: 12, unit: "Tỷ đồng", values: [120, -35, 0, 0.04, 150, 166, 171, 180] }),
      row({ name: "Vốn của một dự án mới", row: 13, unit: "Tỷ đồng", values: [2.1, 2150], years: [2005, 2019] }),
    ];
    expect(run(seriesScale, [table(clean)])).toEqual([]);
  });
});

describe("series-growth", () => {
  const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016];
  const totalGrowth = [null, 8.1, 7.6, 8.8, 9.2, 8.5, 9.0];
  const parts = [
    { name: "Nông, lâm nghiệp và thủy sản", growth: [null, 3.1, 2.8, 3.4, 2.9, 3.3, 3.0], start: 6410.3 },
    { name: "Công nghiệp - Xây dựng", growth: [null, 14.2, 13.1, 15.0, 15.8, 14.3, 15.1], start: 7012.8 },
    { name: "Dịch vụ", growth: [null, 7.3, 7.0, 7.6, 8.1, 7.5, 7.8], start: 8530.4 },
  ];
  const levels = (start: number, g: Array<number | null>) => compound(start, g.slice(1) as number[]);

  /** Growth rows 4–7, levels at 2010 prices 8–11, at current prices 12–15; `plant` changes one level row's figures. */
  function sheet(plant: (rows: Indicator[]) => void = () => undefined): IndicatorSheet {
    const t = (r: number, name: string, values: Array<number | null>, extra: Partial<IndicatorSpec> = {}) =>
      row({ name, row: r, values, years, ...extra });
    const totalLevels = levels(21953.5, totalGrowth);
    const rows = [
      t(4, "Tốc độ tăng trưởng kinh tế GRDP", totalGrowth, { unit: "%", kind: "rate", measure: "growth", catalogueId: "grdp-growth" }),
      ...parts.map((p, i) => t(5 + i, `- ${p.name}`, p.growth, { unit: "%", kind: "rate", measure: "level", parentRow: 4 })),
      t(8, "1. Tổng giá trị gia tăng (Giá 2010)", totalLevels, { unit: "Tỷ đồng" }),
      ...parts.map((p, i) => t(9 + i, p.name, levels(p.start, p.growth), { unit: "Tỷ đồng", parentRow: 8 })),
      t(12, "2. Tổng giá trị gia tăng (Giá hiện hành)", compound(21953.5, [18, 17, 19, 16, 15, 17]), { unit: "Tỷ đồng" }),
      ...parts.map((p, i) => t(13 + i, p.name, compound(p.start, [20, 21, 19, 22, 18, 20]), { unit: "Tỷ đồng", parentRow: 12 })),
    ];
    plant(rows);
    return table(rows, { columns: yearColumns(years) });
  }

  it("gives nothing when the growth rows agree with the levels at 2010 prices (current prices are not compared)", () => {
    expect(run(seriesGrowth, [sheet()])).toEqual([]);
  });

  it("warns at the level of the year whose fall contradicts a stated growth, for the total and a component", () => {
    const found = run(seriesGrowth, [
      sheet((rows) => {
        const total = rows[4].series!;
        total[4] = { ...total[4], value: Math.round(total[3].value! * 0.844 * 10) / 10 };
        for (let i = 5; i < total.length; i++) total[i] = { ...total[i], value: Math.round(total[i - 1].value! * 1.085 * 10) / 10 };
        const farm = rows[5].series!;
        farm[4] = { ...farm[4], value: Math.round((farm[3].value! / 2) * 10) / 10 };
        for (let i = 5; i < farm.length; i++) farm[i] = { ...farm[i], value: Math.round(farm[i - 1].value! * 1.031 * 10) / 10 };
      }),
    ]);
    expect(found.map(brief)).toEqual([
      { rule: "series-growth", severity: "warning", cell: "G8" },
      { rule: "series-growth", severity: "warning", cell: "G9" },
    ]);
    expect(found[0].message).toMatch(/năm 2014.*G8.*năm 2013.*F8.*giảm 15,6%.*Tốc độ tăng trưởng kinh tế GRDP.*tăng 9,2%.*G4/);
    expect(found[1].message).toContain("Nông, lâm nghiệp và thủy sản");
  });

  it("matches a growth row to its level by name and warns on a gap over 5 points", () => {
    const t = (r: number, name: string, values: number[], extra: Partial<IndicatorSpec> = {}) =>
      row({ name, row: r, values, years: [2018, 2019, 2020, 2021], ...extra });
    const rows = [
      t(4, "Tốc độ tăng giá trị sản xuất công nghiệp (%)", [9.5, 10.2, 7.1, 11.0], { unit: "%", kind: "rate", measure: "growth" }),
      t(5, "Giá trị sản xuất công nghiệp (giá so sánh 2010)", [30150.2, 33225.5, 35584.5, 42701.4], { unit: "Tỷ đồng" }),
      t(6, "Giá trị sản xuất công nghiệp (giá hiện hành)", [41230.9, 47415.5, 54527.8, 62707]),
    ];
    const found = run(seriesGrowth, [table(rows)]);
    expect(found.map(brief)).toEqual([{ rule: "series-growth", severity: "warning", cell: "F5" }]);
    expect(found[0].expected).toBeCloseTo(35584.5 * 1.11, 3);
    expect(found[0].actual).toBe(42701.4);
  });

  it("matches by catalogue id, warns on growths of opposite signs even when close, and reads an index-form row as one", () => {
    const t = (r: number, name: string, values: number[], extra: Partial<IndicatorSpec> = {}) =>
      row({ name, row: r, values, years: [2019, 2020, 2021, 2022], ...extra });
    const rows = [
      t(4, "Tăng trưởng kinh tế", [6.8, 2.0, 5.1, 7.0], { unit: "%", kind: "rate", measure: "growth", catalogueId: "grdp-growth" }),
      t(5, "Tổng sản phẩm trên địa bàn theo giá so sánh 2010", [18000, 17730, 18634.2, 19938.6], { unit: "Tỷ đồng", catalogueId: "grdp" }),
      t(8, "Tốc độ phát triển giá trị sản xuất nông nghiệp", [103.1, 102.7, 103.4, 102.9], { unit: "%", kind: "rate", measure: "growth" }),
      t(9, "Giá trị sản xuất nông nghiệp (giá SS 2010)", [5000, 5135, 5309.6, 5463.6], { unit: "Tỷ đồng" }),
    ];
    const found = run(seriesGrowth, [table(rows)]);
    expect(found.map(brief)).toEqual([{ rule: "series-growth", severity: "warning", cell: "D5" }]);
    expect(found[0].message).toContain("ngược chiều");
  });

  it("compares nothing where the level of the year before is missing or the name matches two levels", () => {
    const t = (r: number, name: string, values: Array<number | null>, extra: Partial<IndicatorSpec> = {}) =>
      row({ name, row: r, values, years: [2018, 2019, 2020, 2021], ...extra });
    const rows = [
      t(4, "Tốc độ tăng giá trị sản xuất dịch vụ", [8, 30, 8, 30], { unit: "%", kind: "rate", measure: "growth" }),
      t(5, "Giá trị sản xuất dịch vụ (giá 2010)", [1000, null, 1166, null], { unit: "Tỷ đồng" }),
      t(8, "Tốc độ tăng giá trị xuất khẩu", [50, 50, 50, 50], { unit: "%", kind: "rate", measure: "growth" }),
      t(9, "Giá trị xuất khẩu (giá so sánh 2010)", [100, 101, 102, 103], { unit: "Triệu USD" }),
      t(10, "Giá trị xuất khẩu (giá so sánh 1994)", [90, 91, 92, 93], { unit: "Triệu USD" }),
      t(12, "Tốc độ tăng GRDP (giá hiện hành)", [14, 15, 13, 16], { unit: "%", kind: "rate", measure: "growth" }),
      t(13, "GRDP (giá so sánh 2010)", [20000, 21200, 22400, 23700], { unit: "Tỷ đồng" }),
    ];
    expect(run(seriesGrowth, [table(rows)])).toEqual([]);
  });
});

describe("series-base-year", () => {
  const years = [2010, 2011, 2012];
  const t = (r: number, name: string, values: number[], extra: Partial<IndicatorSpec> = {}) =>
    row({ name, row: r, values, years, unit: "Tỷ đồng", ...extra });
  /**
   * Value added at constant (2010) and current prices, by sector, 2010–2012; the components of
   * agriculture differ in the base year (14.002,5 against 6.602,0). `total2010`: the constant-price
   * total of 2010.
   */
  const valueAdded = (total2010: number) => [
    t(4, "1. Tổng giá trị tăng thêm (Giá 2010)", [total2010, 32900.2, 35410.5]),
    t(5, "Nông, lâm nghiệp và thủy sản", [14002.5, 14400.1, 14810.9], { parentRow: 4 }),
    t(6, "Công nghiệp-Xây dựng", [7101.4, 8000.3, 8900.2], { parentRow: 4 }),
    t(7, "Dịch vụ", [9306.7, 10499.8, 11699.4], { parentRow: 4 }),
    t(8, "2. Tổng giá trị tăng thêm (Giá hiện hành)", [23010.1, 27400.3, 32100.6]),
    t(9, "Nông, lâm nghiệp và thủy sản", [6602.0, 7500.2, 8400.5], { parentRow: 8 }),
    t(10, "Công nghiệp-Xây dựng", [7101.4, 9100.1, 11300.8], { parentRow: 8 }),
    t(11, "Dịch vụ", [9306.7, 10800.0, 12399.3], { parentRow: 8 }),
  ];
  it("errs at the constant-price cell of the component whose base year differs, not at the total its gap explains", () => {
    const rows = valueAdded(30410.6);
    const found = run(seriesBaseYear, [table(rows, { columns: yearColumns(years) })]);
    expect(found.map(brief)).toEqual([{ rule: "series-base-year", severity: "error", cell: "C5" }]);
    expect(found[0].expected).toBe(6602.0);
    expect(found[0].actual).toBe(14002.5);
    expect(found[0].message).toMatch(/năm 2010.*C5.*14\.002,5.*Giá hiện hành|năm 2010.*C5.*14\.002,5/);
  });

  it("errs at the total too when its own gap is more than its components explain", () => {
    const rows = valueAdded(40410.6);
    const found = run(seriesBaseYear, [table(rows, { columns: yearColumns(years) })]);
    expect(found.map(brief)).toEqual([
      { rule: "series-base-year", severity: "error", cell: "C4" },
      { rule: "series-base-year", severity: "error", cell: "C5" },
    ]);
    expect(found[0].expected).toBe(23010.1);
    expect(found[0].message).toMatch(/năm 2010.*C4.*40\.410,6.*Giá hiện hành.*23\.010,1.*C8/);
  });

  it("gives nothing when the base year agrees within 1% (units converted), or is not in the series, or the basis names no year", () => {
    const rows = [
      t(4, "GRDP (giá so sánh 2010)", [21.95, 23.7, 25.6], { unit: "Nghìn tỷ đồng" }),
      t(5, "GRDP (giá hiện hành)", [21953.5, 25904.1, 30309.8], { unit: "Tỷ đồng" }),
      t(6, "Giá trị sản xuất nông nghiệp (giá SS 2010)", [5010, 5200, 5400]),
      t(7, "Giá trị sản xuất nông nghiệp (giá HH)", [5040, 5900, 6800]),
      row({ name: "Giá trị sản xuất công nghiệp (giá 2010)", row: 8, unit: "Tỷ đồng", years: [2015, 2016], values: [900, 950] }),
      row({ name: "Giá trị sản xuất công nghiệp (giá hiện hành)", row: 9, unit: "Tỷ đồng", years: [2015, 2016], values: [1200, 1300] }),
      t(10, "Vốn đầu tư (giá so sánh)", [500, 520, 540]),
      t(11, "Vốn đầu tư (giá hiện hành)", [800, 900, 1000]),
    ];
    expect(run(seriesBaseYear, [table(rows)])).toEqual([]);
  });
});

describe("count-fraction", () => {
  it("warns at every figure of a count that has a fraction: plan, actual, previous and series points", () => {
    const ind = indicator({
      name: "Số hộ được hỗ trợ nhà ở",
      row: 5,
      unit: "Hộ",
      plan: 120,
      actual: 10.98,
      previous: 98,
      cells: { plan: "D5", actual: "F5", previous: "E5" },
    });
    const byYear = row({
      name: "Số doanh nghiệp thành lập mới",
      row: 6,
      unit: "Doanh nghiệp",
      values: [410, 455, 472.5, 510, 498, 530, 561, 602],
    });
    const found = run(countFraction, [table([ind, byYear])]);
    expect(found.map(brief)).toEqual([
      { rule: "count-fraction", severity: "warning", cell: "F5" },
      { rule: "count-fraction", severity: "warning", cell: "E6" },
    ]);
    expect(found[0].message).toMatch(/10,98 Hộ.*F5/);
    expect(found[0].expected).toBe(11);
  });

  it("suggests a scale word when every figure of the row has a fraction", () => {
    const ind = row({
      name: "Dân số",
      row: 7,
      unit: "Người",
      measure: "stock",
      values: [801.2, 806.5, 811.9, 816.4, 821, 826.3, 830.8, 835.2],
    });
    const found = run(countFraction, [table([ind])]);
    expect(found).toHaveLength(7);
    expect(found[0].message).toContain("nghìn Người");
  });

  it("leaves scaled units, averages, non-count units, rates and figures shown whole alone", () => {
    const rows = [
      row({ name: "Dân số trung bình", row: 5, unit: "Nghìn người", values: [801.2, 806.5, 811.9, 816.4, 821, 826.3, 830.8, 835.2] }),
      row({ name: "Số người bình quân một hộ", row: 6, unit: "Người", values: [3.9, 3.8, 3.8, 3.7, 3.7, 3.6, 3.6, 3.5] }),
      row({ name: "Lượt khách du lịch", row: 7, unit: "Triệu lượt", values: [1.2, 1.4, 1.5, 1.7, 1.9, 2.1, 2.3, 2.6] }),
      row({ name: "Sản lượng lúa", row: 8, unit: "Tấn", values: [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5] }),
      row({ name: "Tỷ lệ hộ nghèo", row: 9, unit: "%", kind: "rate", measure: "level", values: [9.1, 8.2, 7.4, 6.5, 5.1, 4.2, 3.3, 2.5] }),
      row({ name: "Mật độ dân số", row: 10, unit: "Người/km2", values: [120.5, 121.3, 122, 123.4, 124, 125.6, 126, 127.1] }),
      row({ name: "Số lao động có việc làm", row: 11, unit: "Người", values: [5120.4, 5200, 5310, 5402, 5500, 5610, 5702, 5800] }),
      row({ name: "Số giường bệnh trên vạn dân", row: 12, unit: "Giường", values: [28.5, 29.1, 29.8, 30.2, 31, 31.4, 32.2, 32.9] }),
      row({ name: "Tuổi thọ trung bình", row: 13, unit: "Tuổi", values: [72.5, 72.8, 73, 73.1, 73.3, 73.5, 73.6, 73.8] }),
    ];
    expect(run(countFraction, [table(rows, { formats: { C11: "#,##0" } })])).toEqual([]);
  });
});

describe("stated-index", () => {
  const years = [2018, 2019, 2020, 2021, 2022, 2023];
  const headers = { 2023: "Sơ bộ 2023" };
  const columns = [
    ...yearColumns(years, headers),
    column("I", "2019/2018 (%)", "statedPrevious", { form: "index" }),
    column("J", "Sơ bộ 2023 so với 2020 (%)", "statedComparison", { form: "growth" }),
    column("K", "Bình quân 2018-2023 (%)", "unknown"),
    column("L", "Năm 2021 (so với năm 2020)", "unknown"),
  ];
  const t = (r: number, name: string, values: number[], extra: Partial<IndicatorSpec> = {}) =>
    indicator({ name, row: r, unit: "Tỷ đồng", series: series(r, years, values, { headers }), ...extra });

  it("errs where the stated comparison of two series years matches neither the index nor the growth", () => {
    const rows = [
      t(5, "Thu ngân sách trên địa bàn", [2500, 2750, 2890, 3120, 3400, 3700]),
      t(6, "Chi ngân sách địa phương", [8000, 8400, 8800, 9300, 9900, 10500]),
      t(7, "Tổng mức bán lẻ hàng hóa", [12000, 13380, 14000, 15120, 16800, 18200]),
    ];
    const cells = {
      I5: 110.0, // 2750/2500 = 110,0: index form, right
      J5: 28.0, // 3700/2890 = 128,03: growth form, right
      K5: 8.2,
      I6: 5.0, // 8400/8000 = 105: growth form, right
      J6: 125.0, // 10500/8800 = 119,3: wrong
      I7: 1.115, // shown as 111,5% under a percent format: right (111,50)
      J7: 30.0, // 18200/14000 = 130: index 130 or growth 30: right
      L5: 107.96, // 3120/2890 = 107,958…: right
      L7: "108,0", // 15120/14000 = 108: right, typed as text
      L6: "115,7", // 9300/8800 = 105,7: wrong
    };
    const found = run(statedIndex, [table(rows, { columns, cells, formats: { I7: "0.0%", J6: "0.0" } })]);
    expect(found.map(brief)).toEqual([
      { rule: "stated-index", severity: "error", cell: "J6" },
      { rule: "stated-index", severity: "error", cell: "L6" },
    ]);
    expect(found[0].expected).toBeCloseTo((10500 / 8800) * 100, 6);
    expect(found[0].actual).toBe(125);
    expect(found[0].message).toMatch(/Sơ bộ 2023 so với 2020.*125.*J6.*Sơ bộ 2023 10\.500.*H6.*năm 2020 8\.800.*E6.*119,3%/);
  });

  it("accepts the rounding of the levels shown, leaves the actual/previous pair to stated-percent, and skips zeros and missing years", () => {
    const cols = [
      ...yearColumns([2018, 2019]),
      column("E", "2019/2018 (%)", "statedComparison"),
      column("F", "Năm 2019", "actual", { year: 2019 }),
      column("G", "Năm 2018", "previous", { year: 2018 }),
    ];
    const rows = [
      indicator({ name: "Giá trị sản xuất thủy sản", row: 5, unit: "Tỷ đồng", series: series(5, [2018, 2019], [99.6, 100.4]) }),
      indicator({ name: "Doanh thu du lịch", row: 6, unit: "Tỷ đồng", series: series(6, [2018, 2019], [500, null]) }),
      indicator({ name: "Vốn đầu tư công", row: 7, unit: "Tỷ đồng", series: series(7, [2018, 2019], [700, 910]) }),
    ];
    const clean = table(rows, { columns: cols, cells: { E5: 100.89, E6: 150, E7: 0 }, formats: { C5: "0.0", D5: "0.0", E5: "0.00" } });
    expect(run(statedIndex, [clean])).toEqual([]);
    const pair = [...cols.slice(0, 4), { ...cols[4], header: "2019/2018 (%)" }, cols[5], cols[6]];
    const wrong = table(rows, { columns: pair, cells: { E7: 555 } });
    expect(run(statedIndex, [wrong]).map(brief)).toEqual([]);
  });
});

describe("copied-components", () => {
  it("warns at a component whose figures repeat another component's in every column", () => {
    const rows = [
      row({ name: "Giá trị sản xuất nông nghiệp", row: 4, unit: "Tỷ đồng", values: [900, 960, 1010, 1080, 1150, 1200, 1270, 1350] }),
      row({
        name: "Trồng trọt",
        row: 5,
        unit: "Tỷ đồng",
        parentRow: 4,
        breakdown: "exhaustive",
        values: [500, 530, 560, 590, 620, 650, 690, 720],
      }),
      row({
        name: "Chăn nuôi",
        row: 6,
        unit: "Tỷ đồng",
        parentRow: 4,
        breakdown: "exhaustive",
        values: [300, 320, 330, 360, 390, 400, 420, 460],
      }),
      row({
        name: "Dịch vụ nông nghiệp",
        row: 7,
        unit: "Tỷ đồng",
        parentRow: 4,
        breakdown: "exhaustive",
        values: [300, 320, 330, 360, 390, 400, 420, 460],
      }),
    ];
    const found = run(copiedComponents, [table(rows)]);
    expect(found.map(brief)).toEqual([{ rule: "copied-components", severity: "warning", cell: "C7" }]);
    expect(found[0].message).toMatch(/Dịch vụ nông nghiệp.*dòng 7.*Chăn nuôi.*dòng 6.*C7…J7 và C6…J6: 300; 320/);
  });

  it("warns at a component equal to its parent where another component of the block has figures", () => {
    const parent = indicator({ name: "Thu nội địa", row: 4, unit: "Tỷ đồng", plan: 1500, actual: 1620, previous: 1410 });
    parent.cells = { ...parent.cells, plan: "D4", actual: "F4", previous: "E4" };
    const child = (r: number, name: string, plan: number, actual: number, previous: number) =>
      indicator({
        name,
        row: r,
        unit: "Tỷ đồng",
        parentRow: 4,
        breakdown: "partial",
        plan,
        actual,
        previous,
        cells: { plan: `D${r}`, actual: `F${r}`, previous: `E${r}` },
      });
    const rows = [
      parent,
      child(5, "Thu từ khu vực doanh nghiệp nhà nước", 1500, 1620, 1410),
      child(6, "Thu tiền sử dụng đất", 300, 280, 310),
    ];
    expect(run(copiedComponents, [table(rows)]).map(brief)).toEqual([{ rule: "copied-components", severity: "warning", cell: "D5" }]);
  });

  it("gives nothing on components sharing a base-year figure, zeros, rates at 100, a lone 'Trong đó' or another block", () => {
    const years = [2010, 2011, 2012];
    const t = (r: number, name: string, values: number[], extra: Partial<IndicatorSpec> = {}) =>
      row({ name, row: r, values, years, unit: "Tỷ đồng", ...extra });
    const rows = [
      t(4, "Tổng giá trị tăng thêm (giá hiện hành)", [22000, 26000, 31000]),
      t(5, "Công nghiệp-Xây dựng", [6901.2, 8100.5, 9900.1], { parentRow: 4 }),
      t(6, "Dịch vụ", [6901.2, 8800.3, 10400.6], { parentRow: 4 }),
      t(7, "Thuế sản phẩm", [0, 0, 0], { parentRow: 4 }),
      t(8, "Trợ cấp sản phẩm", [0, 0, 0], { parentRow: 4 }),
      t(10, "Tỷ lệ trường đạt chuẩn", [100, 100, 100], { unit: "%", kind: "rate", measure: "level" }),
      t(11, "Mầm non", [100, 100, 100], { unit: "%", kind: "rate", measure: "level", parentRow: 10 }),
      t(12, "Tiểu học", [100, 100, 100], { unit: "%", kind: "rate", measure: "level", parentRow: 10 }),
      t(13, "Sản lượng lương thực có hạt", [5100, 5230, 5400], { unit: "Tấn" }),
      t(14, "Lúa", [5100, 5230, 5400], { unit: "Tấn", parentRow: 13, breakdown: "partial" }),
      t(15, "Dân số trung bình", [64000, 64500, 65100], { unit: "Người" }),
      t(16, "Thành thị", [0, 0, 0], { unit: "Người", parentRow: 15, breakdownBlock: 1 }),
      t(17, "Nông thôn", [64000, 64500, 65100], { unit: "Người", parentRow: 15, breakdownBlock: 1 }),
      t(18, "Nam", [31800, 32000, 32350], { unit: "Người", parentRow: 15, breakdownBlock: 2 }),
      t(19, "Nữ", [32200, 32500, 32750], { unit: "Người", parentRow: 15, breakdownBlock: 2 }),
    ];
    expect(run(copiedComponents, [table(rows)])).toEqual([]);
  });
});

describe("every series rule on clean shapes together", () => {
  it("gives no finding on a table of steady, falling, doubling and gapped series with components", () => {
    const rows = [
      row({ name: "Tổng sản phẩm (giá hiện hành)", row: 4, unit: "Tỷ đồng", values: compound(30000, [9, 10, 8, 11, 9, 10, 12]) }),
      row({ name: "Nông nghiệp", row: 5, unit: "Tỷ đồng", parentRow: 4, values: compound(9000, [3, 4, 2, 3, 4, 3, 2]) }),
      row({ name: "Phi nông nghiệp", row: 6, unit: "Tỷ đồng", parentRow: 4, values: compound(21000, [12, 13, 10, 14, 11, 12, 15]) }),
      row({ name: "Số xã đạt chuẩn nông thôn mới", row: 7, unit: "Xã", values: [12, 19, 25, 33, 40, 48, 55, 61] }),
      row({ name: "Khách du lịch", row: 8, unit: "Lượt", values: [150000, 210000, 56000, 61000, 140000, null, 250000, 300000] }),
      row({
        name: "Tốc độ tăng dân số",
        row: 9,
        unit: "%",
        kind: "rate",
        measure: "growth",
        values: [1.1, 1.0, 0.9, 1.2, 1.1, 0.8, 0.9, 1.0],
      }),
    ];
    const sheet = table(rows, { columns: yearColumns(Y8) });
    for (const rule of SERIES_RULES) expect({ rule: rule.id, found: run(rule, [sheet]) }).toEqual({ rule: rule.id, found: [] });
  });
});

describe("the series rules on random series", () => {
  const figure = fc.oneof(
    { weight: 5, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 3, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
    { weight: 2, arbitrary: fc.constantFrom(0, -0, 1e308, -1e308, Number.MIN_VALUE, 2 ** 53 + 1, 0.001, 1000, 1e6) },
    { weight: 2, arbitrary: fc.constant(null) },
  );
  const years = [2010, 2011, 2012, 2013, 2014, 2015];
  const rowValues = fc.array(figure, { minLength: 6, maxLength: 6 });

  it("never throw and never give NaN or Infinity in a finding", () => {
    fc.assert(
      fc.property(
        fc.array(rowValues, { minLength: 12, maxLength: 12 }),
        fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(0), fc.string()), {
          minLength: 12,
          maxLength: 12,
        }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (values, stated, placeholders) => {
          const ph = years.filter((_, i) => placeholders[i]);
          const t = (r: number, name: string, extra: Partial<IndicatorSpec> = {}) =>
            row({ name, row: r, years, values: values[r - 4], placeholders: ph, unit: "Tỷ đồng", ...extra });
          const rows = [
            t(4, "Tốc độ tăng trưởng kinh tế GRDP", { unit: "%", kind: "rate", measure: "growth", catalogueId: "grdp-growth" }),
            t(5, "- Công nghiệp", { unit: "%", kind: "rate", measure: "level", parentRow: 4 }),
            t(6, "- Dịch vụ", { unit: "%", kind: "rate", measure: "level", parentRow: 4 }),
            t(7, "Tổng giá trị tăng thêm (giá 2010)", { catalogueId: "grdp" }),
            t(8, "Công nghiệp", { parentRow: 7 }),
            t(9, "Dịch vụ", { parentRow: 7 }),
            t(10, "Tổng giá trị tăng thêm (giá hiện hành)"),
            t(11, "Công nghiệp", { parentRow: 10 }),
            t(12, "Dịch vụ", { parentRow: 10 }),
            t(13, "Số hộ", { unit: "Hộ" }),
            t(14, "Số doanh nghiệp", { unit: "Doanh nghiệp", parentRow: 13 }),
            t(15, "Số hợp tác xã", { unit: "Doanh nghiệp", parentRow: 13 }),
          ];
          const cells: Record<string, string | number> = {};
          stated.forEach((s, i) => (cells[`I${4 + i}`] = s));
          const columns = [...yearColumns(years), column("I", "2015/2012 (%)", "statedComparison")];
          const sheet = table(rows, { columns, cells });
          for (const rule of SERIES_RULES) {
            for (const f of run(rule, [sheet])) {
              for (const k of ["expected", "actual", "imbalance"] as const) {
                const v = f[k];
                if (v !== undefined && v !== null)
                  expect({ rule: f.rule, k, finite: Number.isFinite(v) }).toEqual({ rule: f.rule, k, finite: true });
              }
              expect(f.message + f.messageEn).not.toMatch(/NaN|undefined|Infinity/);
              expect(f.cell).toMatch(/^[A-Z]+\d+$/);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
