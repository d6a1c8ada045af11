// A report against the ones before it: a year's 6- and 9-month reports, and last year's 6-month
// report; the planted slips are found at both cells, a clean series gives nothing.
import { checkWorkbook } from "../../src/core/check";
import { compareReports, sameFileName, type ComparedReport } from "../../src/core/compare";
import { DEFAULT_RULE_CONFIG, mergeRuleConfig } from "../../src/core/rules";
import type { CellValue } from "../../src/core/model/snapshot";
import { sheet } from "../helpers/grid";
import { periodRows, Y2019_6, Y2019_9, Y2020_6, Y2020_9, type Figures } from "../helpers/periods";

/** A report of `months` months of `year`, with last year's same period beside it. */
function report(
  file: string,
  year: number,
  months: number,
  now: Figures,
  before: Figures,
  planHeader?: string,
  estimate?: Figures,
): ComparedReport {
  const snapshot = { sheets: [sheet("Biểu 01", periodRows(year, months, now, before, planHeader, estimate))] };
  return { file, snapshot, analysis: checkWorkbook(snapshot) };
}

const [y2019, six2020, nine2020, nine2019] = [Y2019_6, Y2020_6, Y2020_9, Y2019_9];

describe("the same year, an earlier period", () => {
  test("a clean series: the 9-month report against the 6-month one gives nothing", () => {
    const result = compareReports(report("9t.xlsx", 2020, 9, nine2020, nine2019), [report("6t.xlsx", 2020, 6, six2020, y2019)]);
    expect(result.earlier).toMatchObject([
      { file: "6t.xlsx", reportYear: 2020, period: "6 tháng", relation: "earlier-period", matched: 3 },
    ]);
    // What was compared with what is shown: each pair by its rows and names.
    expect(result.earlier[0].pairs.map((p) => [p.current.row, p.earlier.row])).toEqual([
      [4, 4],
      [5, 5],
      [6, 6],
    ]);
    expect(result.findings).toEqual([]);
  });

  test("a cumulative flow below the earlier period's is found at both cells; a rate may fall", () => {
    const slip = { ...nine2020, budget: 951.1, forest: 64.2 };
    const result = compareReports(report("9t.xlsx", 2020, 9, slip, nine2019), [report("6t.xlsx", 2020, 6, six2020, y2019)]);
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f).toMatchObject({
      rule: "period-decrease",
      severity: "warning",
      places: [
        { file: "9t.xlsx", sheet: "Biểu 01", cell: "F5" },
        { file: "6t.xlsx", sheet: "Biểu 01", cell: "F5" },
      ],
      current: 951.1,
      earlier: 961.1,
    });
    expect(f.message).toBe(
      'Thu ngân sách nhà nước trên địa bàn: 9 tháng là 951,1 Tỷ đồng (9t.xlsx, ô F5), nhỏ hơn 6 tháng (961,1, tệp "6t.xlsx", ô F5) — số cộng dồn không thể giảm.',
    );
  });

  test("a year plan that moved is noted, unless the workbook says it was adjusted; rounding is no change", () => {
    const earlier = [report("6t.xlsx", 2020, 6, six2020, y2019)];
    const moved = compareReports(report("9t.xlsx", 2020, 9, { ...nine2020, budgetPlan: 2410 }, nine2019), earlier);
    expect(moved.findings.map((f) => [f.rule, f.places[0].cell, f.current, f.earlier])).toEqual([["plan-changed", "D5", 2410, 2310]]);
    const adjusted = report("9t.xlsx", 2020, 9, { ...nine2020, budgetPlan: 2410 }, nine2019, "Kế hoạch năm 2020 (điều chỉnh)");
    expect(compareReports(adjusted, earlier).findings).toEqual([]);
    expect(compareReports(report("9t.xlsx", 2020, 9, { ...nine2020, budgetPlan: 2310.4 }, nine2019), earlier).findings).toEqual([]);
  });

  test("indicators are matched by catalogue id across spellings, and by name and unit otherwise", () => {
    const earlier = [report("6t.xlsx", 2020, 6, six2020, y2019)];
    // "Tổng thu NSNN trên địa bàn" is the catalogue's state budget revenue, as the 6-month report's wording is.
    const renamed = compareReports(
      report("9t.xlsx", 2020, 9, { ...nine2020, budget: 951.1, budgetName: "Tổng thu NSNN trên địa bàn" }, nine2019),
      earlier,
    );
    expect(renamed.findings.map((f) => [f.rule, f.current])).toEqual([["period-decrease", 951.1]]);
    expect(renamed.earlier[0].pairs.find((p) => p.current.row === 5)).toEqual({
      current: { sheet: "Biểu 01", row: 5, line: 0, name: "Tổng thu NSNN trên địa bàn" },
      earlier: { sheet: "Biểu 01", row: 5, line: 0, name: "Thu ngân sách nhà nước trên địa bàn" },
      by: "catalogue",
    });
    // A name the catalogue does not know pairs only with the same name and unit: here with none.
    const unknown = compareReports(
      report("9t.xlsx", 2020, 9, { ...nine2020, budget: 951.1, budgetName: "Thu từ quỹ đất" }, nine2019),
      earlier,
    );
    expect([unknown.earlier[0].matched, unknown.findings]).toEqual([2, []]);
  });
});

describe("what is not compared", () => {
  test("a quarter or a month alone holds no earlier cumulative period: no decrease is claimed", () => {
    const quarter = report("q3.xlsx", 2020, 9, { ...nine2020, budget: 420.5 }, nine2019);
    // The same rows under a quarter's title: the third quarter alone, below the 6 months' figure.
    quarter.snapshot.sheets[0].values[0] = ["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU QUÝ III NĂM 2020"];
    quarter.snapshot.sheets[0].values[2] = [
      "STT",
      "Chỉ tiêu",
      "Đơn vị tính",
      "Kế hoạch năm 2020",
      "Quý III năm 2019",
      "Ước thực hiện quý III năm 2020",
    ];
    quarter.analysis = checkWorkbook(quarter.snapshot);
    const result = compareReports(quarter, [report("6t.xlsx", 2020, 6, six2020, y2019)]);
    // It came after the 6-month report (an estimate could have moved), but its figures are not cumulative.
    expect([result.period, result.earlier[0].relation, result.findings]).toEqual(["quý III", "earlier-period", []]);
  });

  test("the first quarter is the first three months: a 6-month figure below it is a decrease", () => {
    const first = report("q1.xlsx", 2020, 3, { ...six2020, budget: 980 }, y2019);
    first.snapshot.sheets[0].values[0] = ["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU QUÝ I NĂM 2020"];
    first.analysis = checkWorkbook(first.snapshot);
    const result = compareReports(report("6t.xlsx", 2020, 6, six2020, y2019), [first]);
    expect(result.earlier[0]).toMatchObject({ period: "quý I", relation: "earlier-period" });
    expect(result.findings.map((f) => [f.rule, f.current, f.earlier])).toEqual([["period-decrease", 961.1, 980]]);
  });

  test("the same indicator in another unit is not paired; a name twice in the current report pairs neither", () => {
    const earlier = [report("6t.xlsx", 2020, 6, six2020, y2019)];
    const millions = report("9t.xlsx", 2020, 9, nine2020, nine2019);
    millions.snapshot.sheets[0].values[4][2] = "Triệu đồng";
    millions.snapshot.sheets[0].values[4][5] = 951100;
    millions.analysis = checkWorkbook(millions.snapshot);
    expect(compareReports(millions, earlier).earlier[0].pairs.map((p) => p.current.row)).toEqual([4, 6]);
    const twice = report("9t.xlsx", 2020, 9, { ...nine2020, budget: 951.1 }, nine2019);
    twice.snapshot.sheets[0].values.push(["4", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 2310, 1490.7, 1534.2]);
    twice.analysis = checkWorkbook(twice.snapshot);
    expect(compareReports(twice, earlier).findings).toEqual([]);
  });
});

describe("the previous year, the same period", () => {
  test("a same-period figure that is not last year's published actual is a revision, named with both cells", () => {
    const last = report("6t-2019.xlsx", 2019, 6, y2019, { industry: 7000, budget: 950, forest: 64.5 });
    const revised = report("6t-2020.xlsx", 2020, 6, six2020, { ...y2019, budget: 1013.5 });
    const result = compareReports(revised, [last]);
    expect(result.earlier[0].relation).toBe("previous-year");
    expect(result.findings.map((f) => [f.rule, f.places, f.current, f.earlier])).toEqual([
      [
        "same-period-revision",
        [
          { file: "6t-2020.xlsx", sheet: "Biểu 01", cell: "E5" },
          { file: "6t-2019.xlsx", sheet: "Biểu 01", cell: "F5" },
        ],
        1013.5,
        1003.5,
      ],
    ]);
    expect(compareReports(report("6t-2020.xlsx", 2020, 6, six2020, y2019), [last]).findings).toEqual([]);
  });

  test("reports of other periods are listed, not compared; the configuration switches rules off", () => {
    const other = report("9t-2019.xlsx", 2019, 9, nine2019, nine2019);
    const result = compareReports(report("6t-2020.xlsx", 2020, 6, six2020, { ...y2019, budget: 1013.5 }), [other]);
    expect(result.earlier[0].relation).toBe("unrelated");
    expect(result.findings).toEqual([]);
    const last = report("6t-2019.xlsx", 2019, 6, y2019, y2019);
    const off = mergeRuleConfig(DEFAULT_RULE_CONFIG, { disabled: ["same-period-revision"] });
    expect(
      compareReports(report("6t-2020.xlsx", 2020, 6, six2020, { ...y2019, budget: 1013.5 }), [last], { config: off }).findings,
    ).toEqual([]);
  });
});

describe("the whole-year estimate", () => {
  // The 6-month report estimated the year; the 9-month report estimates it again.
  const sixWithEstimate = report("6t.xlsx", 2020, 6, six2020, y2019, undefined, { industry: 16500, budget: 2100, forest: 65 });

  test("an estimate that moves beyond the band is noted at both estimate cells; within the band, or a rate, is not", () => {
    const nine = (estimate: Figures) => report("9t.xlsx", 2020, 9, nine2020, nine2019, undefined, estimate);
    const moved = compareReports(nine({ industry: 16900, budget: 1800, forest: 60 }), [sixWithEstimate]);
    expect(moved.findings.map((f) => [f.rule, f.places.map((p) => p.cell), f.current, f.earlier])).toEqual([
      ["estimate-moved", ["G5", "G5"], 1800, 2100],
    ]);
    expect(moved.findings[0].message).toContain("thay đổi -14,3%, quá ngưỡng 10%");
    // The band is an option of the rule, set in the configuration like any other.
    const wide = mergeRuleConfig(DEFAULT_RULE_CONFIG, { defaults: { estimateBand: 15 } });
    expect(compareReports(nine({ industry: 16900, budget: 1800, forest: 60 }), [sixWithEstimate], { config: wide }).findings).toEqual([]);
  });

  test("the whole year's actual is held against the estimate the 9-month report gave", () => {
    const nineWithEstimate = report("9t.xlsx", 2020, 9, nine2020, nine2019, undefined, { industry: 16900, budget: 2100, forest: 65 });
    const year = report(
      "nam-2020.xlsx",
      2020,
      12,
      { industry: 17100, budget: 2450, forest: 65.2 },
      { industry: 15900, budget: 1990, forest: 64.9 },
    );
    const result = compareReports(year, [nineWithEstimate]);
    expect(result.earlier[0].relation).toBe("earlier-period");
    expect(result.findings.map((f) => [f.rule, f.places.map((p) => p.cell), f.current, f.earlier])).toEqual([
      ["estimate-moved", ["F5", "G5"], 2450, 2100],
    ]);
  });

  test("last year's figure in this year's whole-year report is last year's estimate, unless a note says it was revised", () => {
    const nine2020WithEstimate = report("9t-2020.xlsx", 2020, 9, nine2020, nine2019, undefined, {
      industry: 16900,
      budget: 2100,
      forest: 65,
    });
    const plan = (before: Figures, planHeader?: string) =>
      report("nam-2021.xlsx", 2021, 12, { industry: 18500, budget: 2300, forest: 65.3 }, before, planHeader);
    const clean = compareReports(plan({ industry: 16900, budget: 2100, forest: 65 }), [nine2020WithEstimate]);
    expect([clean.earlier[0].relation, clean.findings]).toEqual(["baseline", []]);
    const slipped = compareReports(plan({ industry: 19600, budget: 2100, forest: 65 }), [nine2020WithEstimate]);
    expect(slipped.findings.map((f) => [f.rule, f.places, f.current, f.earlier])).toEqual([
      [
        "baseline-differs",
        [
          { file: "nam-2021.xlsx", sheet: "Biểu 01", cell: "E4" },
          { file: "9t-2020.xlsx", sheet: "Biểu 01", cell: "G4" },
        ],
        19600,
        16900,
      ],
    ]);
  });
});

describe("pairs set by hand", () => {
  const earlier = [report("6t.xlsx", 2020, 6, six2020, y2019)];
  const renamed = () => report("9t.xlsx", 2020, 9, { ...nine2020, budget: 951.1, budgetName: "Thu từ quỹ đất" }, nine2019);

  test("an indicator the matching leaves alone is compared when the official pairs it, and shown as paired by hand", () => {
    const pairs = [{ current: { name: "thu tu quy dat" }, earlier: { name: "Thu ngân sách nhà nước trên địa bàn" } }];
    const result = compareReports(renamed(), earlier, { pairs });
    expect(result.findings.map((f) => [f.rule, f.current, f.earlier])).toEqual([["period-decrease", 951.1, 961.1]]);
    expect(result.earlier[0].pairs.filter((p) => p.by === "override").map((p) => [p.current.row, p.earlier.row])).toEqual([[5, 5]]);
    // A pair for another earlier file does not apply here.
    expect(compareReports(renamed(), earlier, { pairs: [{ ...pairs[0], file: "khac.xlsx" }] }).findings).toEqual([]);
  });

  test("a pair to nothing takes an indicator out of the comparison; a row pairs as well as a name", () => {
    const slip = report("9t.xlsx", 2020, 9, { ...nine2020, budget: 951.1 }, nine2019);
    const unpaired = compareReports(slip, earlier, { pairs: [{ current: { sheet: "Biểu 01", row: 5 }, earlier: null }] });
    expect([unpaired.findings, unpaired.earlier[0].matched]).toEqual([[], 2]);
    // The budget row paired by hand with the industry row: a decrease that the automatic pairing would not see.
    const crossed = compareReports(report("9t.xlsx", 2020, 9, nine2020, nine2019), earlier, {
      pairs: [{ current: { row: 5 }, earlier: { row: 4 } }],
    });
    expect(crossed.findings.map((f) => [f.rule, f.places.map((p) => p.cell)])).toEqual([
      ["period-decrease", ["F5", "F4"]],
      ["plan-changed", ["D5", "D4"]],
    ]);
    // The earlier row taken by hand pairs with nothing else: the current industry row is left unpaired.
    expect(crossed.earlier[0].pairs.map((p) => [p.current.row, p.earlier.row, p.by])).toEqual([
      [5, 4, "override"],
      [6, 6, "catalogue"],
    ]);
  });
});

describe("a unit formed by a merger", () => {
  // Since 1 July 2025: two former provinces' 6-month reports of 2025, and the merged province's of 2026.
  const [former, otherFormer] = [
    { industry: 7000, budget: 900.4, forest: 50 },
    { industry: 1500, budget: 300.2, forest: 72 },
  ];
  const formers = () => [
    { unit: "Thái Nguyên (cũ)", report: report("thai-nguyen-6t-2025.xlsx", 2025, 6, former, former) },
    { unit: "Bắc Kạn", report: report("bac-kan-6t-2025.xlsx", 2025, 6, otherFormer, otherFormer) },
  ];
  const merged = (previous: Figures) =>
    report("thai-nguyen-6t-2026.xlsx", 2026, 6, { industry: 9300, budget: 1320, forest: 58.5 }, previous);

  test("a same-period figure equal to the former units' sum agrees; a rate is not summed", () => {
    const result = compareReports(merged({ industry: 8500, budget: 1200.6, forest: 58 }), [], {
      merged: { unit: "Thái Nguyên", formers: formers() },
    });
    expect(result.findings).toEqual([]);
    expect(result.merged?.formers.map((f) => f.relation)).toEqual(["previous-year", "previous-year"]);
    expect(result.merged?.sums.map((s) => [s.name, s.status, s.sum])).toEqual([
      ["Giá trị sản xuất công nghiệp", "agrees", 8500],
      ["Thu ngân sách nhà nước trên địa bàn", "agrees", 1200.6],
    ]);
  });

  test("a figure that is not the sum is a finding naming the stated cell and every source", () => {
    const result = compareReports(merged({ industry: 8500, budget: 1250, forest: 58 }), [], {
      merged: { unit: "Thái Nguyên", formers: formers() },
    });
    expect(result.findings.map((f) => [f.rule, f.places, f.current, f.earlier])).toEqual([
      [
        "merged-previous",
        [
          { file: "thai-nguyen-6t-2026.xlsx", sheet: "Biểu 01", cell: "E5" },
          { file: "thai-nguyen-6t-2025.xlsx", sheet: "Biểu 01", cell: "F5" },
          { file: "bac-kan-6t-2025.xlsx", sheet: "Biểu 01", cell: "F5" },
        ],
        1250,
        1200.6,
      ],
    ]);
    expect(result.findings[0].message).toContain("tổng của Thái Nguyên (cũ) + Bắc Kạn là 1.200,6");
  });

  test("a missing figure is proposed as the sum, with its sources; a former unit without the indicator leaves it incomplete", () => {
    const current = merged({ industry: 8500, budget: 1200.6, forest: 58 });
    current.snapshot.sheets[0].values[4][4] = null;
    current.analysis = checkWorkbook(current.snapshot);
    const units = formers();
    units[1].report.snapshot.sheets[0].values[3][1] = "Giá trị sản xuất nông nghiệp";
    units[1].report.analysis = checkWorkbook(units[1].report.snapshot);
    const result = compareReports(current, [], { merged: { unit: "Thái Nguyên", since: "2025-07-01", formers: units } });
    expect(result.findings).toEqual([]);
    const [industry, budget] = result.merged?.sums ?? [];
    expect(industry).toMatchObject({ status: "incomplete", sum: null, missing: ["Bắc Kạn"] });
    expect(budget).toMatchObject({ status: "proposed", cell: "E5", stated: null, sum: 1200.6 });
    expect(budget.sources).toEqual([
      { unit: "Thái Nguyên (cũ)", file: "thai-nguyen-6t-2025.xlsx", sheet: "Biểu 01", cell: "F5", value: 900.4 },
      { unit: "Bắc Kạn", file: "bac-kan-6t-2025.xlsx", sheet: "Biểu 01", cell: "F5", value: 300.2 },
    ]);
  });

  test("a pair set by hand for a former unit's report pairs its figure there, or is listed as not made", () => {
    const units = formers();
    // Bắc Kạn's report names industry differently: paired by hand, it still counts in the sum.
    units[1].report.snapshot.sheets[0].values[3][1] = "GTSX công nghiệp (giá SS 2010)";
    units[1].report.analysis = checkWorkbook(units[1].report.snapshot);
    const pairs = [
      { current: { name: "Giá trị sản xuất công nghiệp" }, earlier: { row: 4 }, file: "bac-kan-6t-2025.xlsx" },
      { current: { row: 5 }, earlier: { row: 40 }, file: "thai-nguyen-6t-2025.xlsx" },
    ];
    const result = compareReports(merged({ industry: 8500, budget: 1200.6, forest: 58 }), [], {
      pairs,
      merged: { unit: "Thái Nguyên", formers: units },
    });
    expect(result.merged?.sums.map((s) => [s.name, s.status, s.sum])).toEqual([
      ["Giá trị sản xuất công nghiệp", "agrees", 8500],
      ["Thu ngân sách nhà nước trên địa bàn", "agrees", 1200.6],
    ]);
    expect(result.merged?.formers.map((f) => [f.unit, f.unresolved.map((u) => [u.pair, u.reasonEn])])).toEqual([
      ["Thái Nguyên (cũ)", [[pairs[1], "no such indicator"]]],
      ["Bắc Kạn", []],
    ]);
  });

  test("a former unit's report of another period is listed and left out of the sums", () => {
    const units = formers();
    units[1] = { unit: "Bắc Kạn", report: report("bac-kan-9t-2025.xlsx", 2025, 9, otherFormer, otherFormer) };
    const result = compareReports(merged({ industry: 8500, budget: 1250, forest: 58 }), [], {
      merged: { unit: "Thái Nguyên", formers: units },
    });
    expect(result.merged?.formers.map((f) => f.relation)).toEqual(["previous-year", "unrelated"]);
    expect(result.merged?.sums.map((s) => [s.status, s.missing])).toEqual([
      ["incomplete", ["Bắc Kạn"]],
      ["incomplete", ["Bắc Kạn"]],
    ]);
  });
});

describe("figures stacked in one cell", () => {
  test("a same-period rate typed in a stacked row is held to the decimals it shows", () => {
    const at = (file: string, year: number, rates: [string, string, string]): ComparedReport => {
      const snapshot = {
        sheets: [
          sheet("Biểu 01", [
            [`MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 6 THÁNG ĐẦU NĂM ${year}`],
            [],
            [
              "STT",
              "Chỉ tiêu",
              "Đơn vị tính",
              `Kế hoạch năm ${year}`,
              `Thực hiện 6 tháng đầu năm ${year - 1}`,
              `Ước thực hiện 6 tháng đầu năm ${year}`,
            ],
            ["1", "Tỷ lệ hộ nghèo\nTỷ lệ hộ cận nghèo", "%\n%", ...rates],
          ]),
        ],
      };
      return { file, snapshot, analysis: checkWorkbook(snapshot) };
    };
    const published = at("6t-2020.xlsx", 2020, ["7,0\n10,0", "8,0\n11,0", "7,6\n10,4"]);
    const result = compareReports(at("6t-2021.xlsx", 2021, ["6,5\n9,8", "7,2\n10,4", "7,0\n10,1"]), [published]);
    expect(result.findings.map((f) => [f.rule, f.current, f.earlier])).toEqual([["same-period-revision", 7.2, 7.6]]);
  });
});

describe("of several reports before, the one that counts", () => {
  test("a plan or an estimate is held against the latest earlier report, not one it superseded", () => {
    // The plan moved between the 3- and the 6-month reports: the 9-month report only kept it.
    const plans = (plan: number) => ({ ...six2020, budgetPlan: plan });
    const nine = report("9t.xlsx", 2020, 9, { ...nine2020, budgetPlan: 2400 }, nine2019);
    const planned = compareReports(nine, [report("3t.xlsx", 2020, 3, plans(2310), y2019), report("6t.xlsx", 2020, 6, plans(2400), y2019)]);
    expect(planned.findings).toEqual([]);
    // The year's actual against the 9-month estimate (2.5 % off), not the 6-month one (20 % off).
    const estimate = (budget: number) => ({ ...nine2020, budget });
    const year = report("nam.xlsx", 2020, 12, { ...nine2020, budget: 2050 }, nine2019);
    const moved = compareReports(year, [
      report("6t.xlsx", 2020, 6, six2020, y2019, undefined, estimate(1700)),
      report("9t.xlsx", 2020, 9, nine2020, nine2019, undefined, estimate(2000)),
    ]);
    expect(moved.findings).toEqual([]);
    const alone = compareReports(year, [report("6t.xlsx", 2020, 6, six2020, y2019, undefined, estimate(1700))]);
    expect(alone.findings.map((f) => [f.rule, f.current, f.earlier])).toEqual([["estimate-moved", 2050, 1700]]);
  });

  test("this year's baseline is last year's latest estimate", () => {
    const estimate = (budget: number) => ({ ...nine2019, budget });
    const year = report("nam-2020.xlsx", 2020, 12, nine2020, { ...nine2019, budget: 2000 });
    const [six, nine] = [
      report("6t-2019.xlsx", 2019, 6, y2019, y2019, undefined, estimate(1900)),
      report("9t-2019.xlsx", 2019, 9, nine2019, nine2019, undefined, estimate(2000)),
    ];
    expect(compareReports(year, [six, nine]).findings).toEqual([]);
    expect(compareReports(year, [six]).findings.map((f) => [f.rule, f.current, f.earlier])).toEqual([["baseline-differs", 2000, 1900]]);
  });

  test("a sub-item is not paired with one of the same name under another total", () => {
    const rows = (year: number, months: number, total: string, figures: [number, number]): CellValue[][] => [
      [`MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI ${months} THÁNG ĐẦU NĂM ${year}`],
      [],
      ["STT", "Chỉ tiêu", "Đơn vị tính", `Kế hoạch năm ${year}`, `Ước thực hiện ${months} tháng đầu năm ${year}`],
      ["1", total, "Tỷ đồng", figures[0], figures[0] / 2],
      [null, "Trong đó:"],
      ["-", "Khu vực nhà nước", "Tỷ đồng", figures[1], figures[1] / 2],
    ];
    const at = (file: string, grid: CellValue[][]) => {
      const snapshot = { sheets: [sheet("Biểu 01", grid)] };
      return { file, snapshot, analysis: checkWorkbook(snapshot) };
    };
    const nine = at("9t.xlsx", rows(2020, 9, "Vốn đầu tư phát triển", [10000, 20000]));
    const result = compareReports(nine, [at("6t.xlsx", rows(2020, 6, "Tổng mức bán lẻ hàng hoá", [5000, 45000]))]);
    expect(result.earlier[0].pairs).toEqual([]);
    expect(result.findings).toEqual([]);
    // Under the same total, it is the same sub-item.
    const same = compareReports(nine, [at("6t.xlsx", rows(2020, 6, "Vốn đầu tư phát triển", [10000, 18000]))]);
    expect(same.findings.map((f) => [f.rule, f.current, f.earlier])).toEqual([["plan-changed", 20000, 18000]]);
  });
});

describe("what a comparison must not claim", () => {
  const [former, otherFormer] = [
    { industry: 7000, budget: 900.4, forest: 50 },
    { industry: 1500, budget: 300.2, forest: 72 },
  ];
  const merged = () =>
    report("hop-nhat-6t-2026.xlsx", 2026, 6, { industry: 9300, budget: 1320, forest: 58.5 }, { industry: 8500, budget: 1250, forest: 58 });

  test("a former unit with no report leaves every sum incomplete; a second report of a unit is not added twice", () => {
    const a = { unit: "Thái Nguyên (cũ)", report: report("tn-6t-2025.xlsx", 2025, 6, former, former) };
    const alone = compareReports(merged(), [], { merged: { unit: "Thái Nguyên", units: ["Thái Nguyên (cũ)", "Bắc Kạn"], formers: [a] } });
    expect([alone.findings, alone.merged?.unreported]).toEqual([[], ["Bắc Kạn"]]);
    expect(alone.merged?.sums.map((s) => [s.status, s.missing])).toEqual([
      ["incomplete", ["Bắc Kạn"]],
      ["incomplete", ["Bắc Kạn"]],
    ]);
    const b = { unit: "Bắc Kạn", report: report("bk-6t-2025.xlsx", 2025, 6, otherFormer, otherFormer) };
    const copy = { unit: "Bắc Kạn", report: report("bk-6t-2025-ban-2.xlsx", 2025, 6, otherFormer, otherFormer) };
    const twice = compareReports(merged(), [], { merged: { unit: "Thái Nguyên", formers: [a, b, copy] } });
    expect(twice.merged?.formers.map((f) => f.used)).toEqual([true, true, false]);
    expect(twice.merged?.sums.map((s) => s.sum)).toEqual([8500, 1200.6]);
  });

  test("last year's whole-year report, once given, is the baseline instead of the estimate made before it", () => {
    const nine = report("9t-2020.xlsx", 2020, 9, nine2020, nine2019, undefined, { industry: 16900, budget: 2100, forest: 65 });
    const year = report(
      "nam-2020.xlsx",
      2020,
      12,
      { industry: 17150, budget: 2180, forest: 65.1 },
      { industry: 15900, budget: 1990, forest: 64.9 },
    );
    const plan = report(
      "nam-2021.xlsx",
      2021,
      12,
      { industry: 18500, budget: 2300, forest: 65.3 },
      { industry: 17150, budget: 2180, forest: 65.1 },
    );
    expect(compareReports(plan, [nine]).findings.map((f) => f.rule)).toEqual(["baseline-differs", "baseline-differs"]);
    expect(compareReports(plan, [nine, year]).findings).toEqual([]);
  });

  test("a pair by hand that names nothing, names two, takes an indicator already taken, or crosses units is refused and changes nothing", () => {
    const earlier = [report("6t.xlsx", 2020, 6, six2020, y2019)];
    const slip = report("9t.xlsx", 2020, 9, { ...nine2020, budget: 951.1 }, nine2019);
    const result = compareReports(slip, earlier, {
      pairs: [
        { current: { row: 5 }, earlier: { name: "Thu ngân sách (gõ nhầm)" } },
        { current: { row: 4 }, earlier: { sheet: "Biểu 01" } },
        { current: { row: 6 }, earlier: { row: 5 } },
      ],
    });
    expect(result.earlier[0].unresolved.map((u) => u.reasonEn)).toEqual([
      "no such indicator",
      "3 indicators match: give the sheet and row",
      "units differ (% and Tỷ đồng)",
    ]);
    // The typo took nothing out: the planted decrease is still found.
    expect(result.findings.map((f) => f.rule)).toEqual(["period-decrease"]);
    const taken = compareReports(slip, earlier, {
      pairs: [
        { current: { row: 4 }, earlier: { row: 5 } },
        { current: { row: 5 }, earlier: { row: 5 } },
      ],
    });
    expect(taken.earlier[0].unresolved.map((u) => u.reasonEn)).toEqual(["the earlier indicator is already paired"]);
  });

  test("a pair's file names a report by its file name, whatever folder it was read from", () => {
    expect(sameFileName("xa-a.xlsx", "units/xa-a.xlsx")).toBe(true);
    expect(sameFileName("2025/XA-A.xlsx", "nop\\2025\\xa-a.xlsx")).toBe(true);
    expect(sameFileName("xa-a.xlsx", "units/xa-ab.xlsx")).toBe(false);
    expect(sameFileName("2024/xa-a.xlsx", "2025/xa-a.xlsx")).toBe(false);
    expect(sameFileName("./2025/xa-a.xlsx", "nop/2025/./xa-a.xlsx")).toBe(true);
  });

  test("a pair's file may name a report with its folder; one naming no report given is listed, not dropped", () => {
    const six = { ...report("6t.xlsx", 2020, 6, six2020, y2019), path: "bao-cao/2020/6t.xlsx" };
    const nine = report("9t.xlsx", 2020, 9, { ...nine2020, budgetPlan: 2400 }, nine2019);
    const out = { current: { row: 5 }, earlier: null };
    const kept = compareReports(nine, [six], { pairs: [{ ...out, file: "2020/6t.xlsx" }] });
    expect(kept.findings).toEqual([]);
    const typo = { ...out, file: "6t-2021.xlsx" };
    const listed = compareReports(nine, [six], { pairs: [typo] });
    expect(listed.findings.map((f) => f.rule)).toEqual(["plan-changed"]);
    expect(listed.unresolved).toEqual([
      { pair: typo, reason: "không có báo cáo nào mang tên tệp này", reasonEn: "no report has this file name" },
    ]);
  });
});
