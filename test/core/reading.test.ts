import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import { parseAddress, type CellValue } from "../../src/core/model/snapshot";
import { sheet } from "../helpers/grid";
import { numbersOf } from "../helpers/indicators";
import { statedReportYear } from "../../src/core/reading/workbook";
import { PART_YEAR_ROWS } from "../fill/narrativeCases";

const annual: CellValue[][] = [
  ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2021"],
  ["TT", "Chỉ tiêu", "ĐVT", "TH năm 2020", "KH năm 2021", "Ước TH năm 2021", "Đánh giá", "KH năm 2022"],
  ["A", "KINH TẾ"],
  ["1", "Tốc độ tăng trưởng GRDP", "%", "3,13", "6,5-7", "6,56", "Đạt", "7"],
  ["2", "Tổng thu NSNN trên địa bàn", "Tỷ đồng", "15.132", "15.600", "16.750", "Vượt", "17.200"],
  ["", "Trong đó:"],
  ["-", "Thu nội địa", "Tỷ đồng", "12.100,5", "13.000", "14.020,7", "Vượt", ""],
  ["B", "XÃ HỘI"],
  ["3", "Tỷ lệ hộ nghèo", "%", "2,82", "2,5", "2,17", "Vượt", "1,9"],
  ["4", "Tỷ lệ thất nghiệp khu vực thành thị", "%", 2.9, "Dưới 4", 3.1, "Đạt"],
  ["5", "Chỉ số sản xuất công nghiệp (IIP)", "%", 104.1, "Khoảng 108", 108.6],
  ["6", "Cân đối thương mại", "", "Nhập siêu", "Xuất siêu", "Xuất siêu"],
  [],
  ["Ghi chú: số ước thực hiện."],
  ["7", "Dòng sau ghi chú không được đọc", "%", 1, 2, 3],
];

describe("checkWorkbook", () => {
  const analysis = checkWorkbook({ sheets: [sheet("Phụ lục", annual, ["A1:H1"])] });
  const byName = (name: string) => analysis.indicators.find((i) => i.name === name)!;

  it("infers the report year from the title and reads every indicator row", () => {
    expect(analysis.reportYear).toBe(2021);
    expect(analysis.reportYearSource).toBe("title");
    expect(analysis.indicators.map((i) => i.row)).toEqual([4, 5, 7, 9, 10, 11, 12]);
    expect(analysis.sheets[0]).toMatchObject({
      status: "indicators",
      headerRows: [2],
      numberRow: null,
      dataStartRow: 3,
      numberStyle: "vi",
    });
  });

  it("reads numbers typed as text and computes on them (seed 000)", () => {
    const budget = byName("Tổng thu NSNN trên địa bàn");
    expect(budget).toMatchObject({
      plan: 15600,
      actual: 16750,
      previous: 15132,
      kind: "absolute",
      catalogueId: "state-budget-revenue",
      evaluation: "Vượt",
      group: "KINH TẾ",
    });
    expect(budget.planPercent).toBeCloseTo(107.37, 2);
    expect(budget.growthPercent).toBeCloseTo(10.69, 2);
    expect(budget.textNumbers).toEqual(["D5", "E5", "F5"]);
    expect(budget.cells).toEqual({
      name: "B5",
      unit: "C5",
      plan: "E5",
      actual: "F5",
      previous: "D5",
      statedPlanPercent: null,
      statedPrevious: null,
      evaluation: "G5",
    });
  });

  it("keeps the breakdown under the row above", () => {
    expect(byName("Thu nội địa")).toMatchObject({ parentRow: 5, breakdown: "partial", level: 2 });
    expect(byName("Tổng thu NSNN trên địa bàn")).toMatchObject({ parentRow: null, breakdown: null, level: 1 });
  });

  it("compares rates in points and evaluates by direction and range plans", () => {
    const growth = byName("Tốc độ tăng trưởng GRDP");
    expect(growth).toMatchObject({
      kind: "rate",
      plan: null,
      planText: "6,5-7",
      evaluation: "Đạt",
      planPercent: null,
      growthPercent: null,
    });
    expect(growth.planTarget).toMatchObject({ qualifier: "range", low: 6.5, high: 7 });
    expect(growth.changePoints).toBeCloseTo(3.43, 9);
    const poverty = byName("Tỷ lệ hộ nghèo");
    expect(poverty).toMatchObject({ direction: "lower", evaluation: "Vượt", planPercent: null });
    expect(poverty.changePoints).toBeCloseTo(-0.65, 9);
    expect(byName("Tỷ lệ thất nghiệp khu vực thành thị")).toMatchObject({ evaluation: "Đạt", planText: "Dưới 4", plan: 4 });
    // 108,6 is more than half a point above "Khoảng 108".
    expect(byName("Chỉ số sản xuất công nghiệp (IIP)")).toMatchObject({ kind: "index", measure: "index", evaluation: "Vượt" });
  });

  it("keeps a figure written in words as text and computes nothing from it", () => {
    expect(byName("Cân đối thương mại")).toMatchObject({
      actual: null,
      actualText: "Xuất siêu",
      planText: "Xuất siêu",
      planTarget: null,
      evaluation: null,
      planPercent: null,
    });
  });

  it("keeps the stated evaluation and stops at the notes under the table", () => {
    expect(byName("Tổng thu NSNN trên địa bàn").stated.evaluation).toBe("Vượt");
    expect(analysis.indicators.some((i) => i.name.startsWith("Dòng sau"))).toBe(false);
  });

  it("lets --year override the inferred year, turning columns around", () => {
    const other = checkWorkbook({ sheets: [sheet("Phụ lục", annual, ["A1:H1"])] }, { reportYear: 2022 });
    expect(other.reportYear).toBe(2022);
    expect(other.reportYearSource).toBe("option");
    // In 2022 the plan is the "KH năm 2022" column and no actual column belongs to the year.
    expect(other.indicators.find((i) => i.row === 5)).toMatchObject({ plan: 17200, actual: null });
  });

  it("does not evaluate a part-year figure against the annual plan", () => {
    const half: CellValue[][] = [
      ["6 THÁNG ĐẦU NĂM 2020"],
      ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2020", "TH 6 tháng 2019", "Ước TH 6 tháng 2020"],
      ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 18029, 7515.1, 7966],
    ];
    const ind = checkWorkbook({ sheets: [sheet("B", half)] }).indicators[0];
    expect(ind.evaluation).toBeNull();
    expect(ind.planPercent).toBeCloseTo(44.18, 2);
    expect(ind.growthPercent).toBeCloseTo(6.0, 2);
  });

  it("reads percent-formatted ratios as percentages", () => {
    const values: CellValue[][] = [
      ["Chỉ tiêu", "KH 2020", "TH 9T/2019", "ƯTH 9T/2020", "% KH", "% CK"],
      ["Số xã đạt chuẩn NTM (xã)", 21, 15, 19, 0.905, 1.267],
    ];
    const formats = [[], [null, null, null, null, "0.0%", "0.0%"]];
    const ind = checkWorkbook({ sheets: [sheet("9T", values, [], formats)] }, { reportYear: 2020 }).indicators[0];
    expect(ind).toMatchObject({ name: "Số xã đạt chuẩn NTM", unit: "xã", stated: { planPercent: 90.5 } });
    expect(ind.stated.previousComparison).toBeCloseTo(126.7, 9);
  });

  it("does not scale a percent-formatted number past the largest double into Infinity", () => {
    const values: CellValue[][] = [
      ["Chỉ tiêu", "KH 2020", "TH 9T/2019", "ƯTH 9T/2020"],
      ["Tỷ lệ che phủ rừng", 55, 54.5, -1.797693134862316e306],
    ];
    const formats = [[], [null, "0.0%", "0.0%", "0.0%"]];
    const ind = checkWorkbook({ sheets: [sheet("9T", values, [], formats)] }, { reportYear: 2020 }).indicators[0];
    expect(ind.plan).toBeCloseTo(5500, 9);
    expect(ind.actual).toBeNull();
  });

  it("reports ambiguous numbers: one note when the sheet shows its style, a warning per cell when it does not", () => {
    const withEvidence = checkWorkbook({
      sheets: [
        sheet("S", [
          ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2021", "TH năm 2021"],
          ["1", "Xuất khẩu", "Tỷ USD", "28,5", "28,845"],
          ["2", "Thu NS", "Tỷ đồng", "1.200,5", "1.300,7"],
        ]),
      ],
    });
    const formatNotes = withEvidence.findings.filter((f) => f.rule === "number-format");
    expect(formatNotes).toHaveLength(1);
    expect(formatNotes[0]).toMatchObject({ severity: "info", cell: "E2" });
    expect(withEvidence.indicators[0].actual).toBeCloseTo(28.845, 9);

    const noEvidence = checkWorkbook({
      sheets: [
        sheet("S", [
          ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2021", "TH năm 2020", "TH năm 2021"],
          ["1", "Thu NS", "Tỷ đồng", 100000, 95500, "108,987"],
        ]),
      ],
    });
    expect(noEvidence.findings.find((f) => f.rule === "number-format")).toMatchObject({ severity: "warning", cell: "F2" });
    // Beside 100.000 and 95.500 the figure is 108.987, read by magnitude.
    expect(noEvidence.indicators[0].actual).toBe(108987);
    expect(noEvidence.findings.find((f) => f.rule === "number-format")?.message).toMatch(/108\.987 hoặc 108,987/);
  });

  it("reports skipped sheets with a reason and reads the others", () => {
    const a = checkWorkbook({ sheets: [sheet("Bìa", [["BÁO CÁO KT-XH"]]), sheet("Biểu", annual)] });
    expect(a.sheets.map((s) => [s.name, s.status])).toEqual([
      ["Bìa", "skipped"],
      ["Biểu", "indicators"],
    ]);
    // The reason says what the sheet lacks, truthfully: a cover has words and no figure.
    expect(a.sheets[0].reason).toMatch(/chỉ có chữ, không có số liệu/);
    const bare = checkWorkbook({
      sheets: [
        sheet("Số", [
          ["Thu ngân sách", 1200, 1350],
          ["Chi ngân sách", 900, 950],
        ]),
      ],
    });
    expect(bare.sheets[0].reason).toMatch(/có số liệu nhưng không có dòng tiêu đề cột/);
    expect(checkWorkbook({ sheets: [sheet("Trống", [])] }).sheets[0].reason).toBe("trang trống");
  });

  it("never throws, and every figure is finite and every finding points to a cell, on random sheets", () => {
    const cell = fc.oneof(
      fc.constantFrom(
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "KH năm 2020",
        "TH 6T/2020",
        "CK",
        "TH/KH",
        "Trong đó:",
        "Chia ra:",
        "I",
        "1",
        "-",
        "108,987",
        "16.750",
        "6,6-6,8",
        "Dưới 4",
        "%",
        "Tỷ đồng",
      ),
      fc.string({ maxLength: 20 }),
      fc.double(),
      fc.constant(null),
      fc.record({ error: fc.constant("#DIV/0!") }),
    );
    const header = fc.constant([
      "STT",
      "Chỉ tiêu",
      "ĐVT",
      "KH năm 2020",
      "TH 6 tháng 2019",
      "TH 6 tháng 2020",
      "So sánh (%)",
    ] as CellValue[]);
    const rows = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 30 });
    fc.assert(
      fc.property(header, rows, (h, body) => {
        const a = checkWorkbook({ sheets: [sheet("S", [h, ...body])] });
        for (const ind of a.indicators) {
          for (const v of numbersOf(ind)) if (v !== null) expect(Number.isFinite(v)).toBe(true);
        }
        for (const f of a.findings) expect(parseAddress(f.cell)).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

describe("checkWorkbook on a very long sheet", () => {
  it("reads 150,000 indicator rows without running out of call arguments", () => {
    const values: CellValue[][] = [["STT", "Chỉ tiêu", "ĐVT", "KH năm 2020", "TH năm 2020"]];
    for (let i = 0; i < 150_000; i++) values.push([String(i + 1), `Chỉ tiêu ${i}`, "tấn", 100, 90 + (i % 20)]);
    const a = checkWorkbook({ sheets: [sheet("Dài", values)] });
    expect(a.indicators).toHaveLength(150_000);
    expect(a.indicators[149_999]).toMatchObject({ row: 150_001, evaluation: "Vượt" });
    expect(a.indicators[149_999].planPercent).toBeCloseTo(109, 9);
  });
});

describe("statedReportYear", () => {
  it("is the year the workbook states itself, whatever year the reading was asked for; null without an indicator sheet", () => {
    const workbook = { sheets: [sheet("Biểu 01", PART_YEAR_ROWS)] };
    expect(statedReportYear(workbook)).toBe(2020);
    expect(statedReportYear(workbook, { reportYear: 2015 })).toBe(2020);
    expect(statedReportYear({ sheets: [sheet("Bìa", [["Báo cáo năm 2020"]])] })).toBeNull();
  });
});
