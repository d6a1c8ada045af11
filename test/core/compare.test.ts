// A report against the ones before it: a year's 6- and 9-month reports, and last year's 6-month
// report; the planted slips are found at both cells, a clean series gives nothing.
import { checkWorkbook } from "../../src/core/check";
import { compareReports, type ComparedReport } from "../../src/core/compare";
import { DEFAULT_RULE_CONFIG, mergeRuleConfig } from "../../src/core/rules";
import { sheet } from "../helpers/grid";
import { periodRows, Y2019_6, Y2019_9, Y2020_6, Y2020_9, type Figures } from "../helpers/periods";

/** A report of `months` months of `year`, with last year's same period beside it. */
function report(file: string, year: number, months: number, now: Figures, before: Figures, planHeader?: string): ComparedReport {
  const snapshot = { sheets: [sheet("Biểu 01", periodRows(year, months, now, before, planHeader))] };
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
      current: { sheet: "Biểu 01", row: 5, name: "Tổng thu NSNN trên địa bàn" },
      earlier: { sheet: "Biểu 01", row: 5, name: "Thu ngân sách nhà nước trên địa bàn" },
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
    expect([result.period, result.earlier[0].relation, result.findings]).toEqual(["quý III", "unrelated", []]);
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
    expect(compareReports(report("6t-2020.xlsx", 2020, 6, six2020, { ...y2019, budget: 1013.5 }), [last], off).findings).toEqual([]);
  });
});
