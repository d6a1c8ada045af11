// The table layouts officials really publish, written as real .xlsx files (ExcelJS), read back by the
// xlsx host (bytes → snapshot) and checked by the one check the CLI and the pane run. Each layout is
// written twice where it matters: figures typed as numbers, and every cell typed as text in the
// Vietnamese style ("1.235,6"). Names, places and figures are invented; only the shapes follow
// published tables.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { checkWorkbook, type CheckOptions, type CheckResult } from "../../src/core/check";
import type { Finding } from "../../src/core/model/findings";
import type { Indicator, SheetReport } from "../../src/core/model/indicator";
import { parseAddress } from "../../src/core/model/snapshot";
import { readWorkbook } from "../../src/hosts/xlsx/readWorkbook";
import { addSheet } from "../helpers/files";
import { numbersOf } from "../helpers/indicators";

type Cell = string | number | null;
type Variant = "numbers" | "text";
const VARIANTS: Variant[] = ["numbers", "text"];

interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
  formats?: Record<string, string>;
}

/** A number as an official types it as text: "1.235,6", "-3,2", "16.750". */
function viText(x: number): string {
  const [int, frac] = String(Math.abs(x)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${x < 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/** The figure writer of a variant: the number itself, or its Vietnamese text. */
const figureOf =
  (variant: Variant) =>
  (x: number): Cell =>
    variant === "numbers" ? x : viText(x);

/** A header year: typed as a number, or as text. */
const yearOf =
  (variant: Variant) =>
  (y: number): Cell =>
    variant === "numbers" ? y : String(y);

/** A stacked cell: one figure per line ("412.580\n\n98.310"), null for an empty line. */
const stackOf =
  (variant: Variant) =>
  (...values: Array<number | null>): string =>
    values.map((v) => (v === null ? "" : variant === "numbers" ? String(v).replace(".", ",") : viText(v))).join("\n");

async function workbookBytes(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) addSheet(wb, s.name, s.rows, s.merges ?? [], s.formats ?? {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Writes the sheets to .xlsx bytes, reads them back with the xlsx host and runs the whole check. */
async function check(sheets: SheetSpec[], options: CheckOptions = {}): Promise<CheckResult> {
  return checkWorkbook(await readWorkbook(await workbookBytes(sheets)), options);
}

/** What a test looks at in a finding. */
const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, cell: f.cell });
const ofRule = (result: CheckResult, rule: string, sheet?: string) =>
  result.findings.filter((f) => f.rule === rule && (sheet === undefined || f.sheet === sheet)).map(brief);
const errors = (result: CheckResult) => result.findings.filter((f) => f.severity === "error").map(brief);
const atCell = (result: CheckResult, cell: string) => result.findings.filter((f) => f.cell === cell).map(brief);
const columnOf = (a1: string) => a1.replace(/\d+$/, "");

function named(result: CheckResult, pattern: RegExp | string, sheet?: string): Indicator {
  const found = result.indicators.filter(
    (i) => (sheet === undefined || i.sheet === sheet) && (typeof pattern === "string" ? i.name === pattern : pattern.test(i.name)),
  );
  if (found.length !== 1) throw new Error(`expected one indicator ${String(pattern)}, found ${found.map((i) => i.name).join(" | ")}`);
  return found[0];
}

function sheetReport(result: CheckResult, name: string): SheetReport {
  const report = result.sheets.find((s) => s.name === name);
  if (!report) throw new Error(`no sheet ${name}`);
  return report;
}

const roles = (report: SheetReport) => Object.fromEntries((report.columns ?? []).map((c) => [c.letter, c.role]));

// ---------------------------------------------------------------------------------------------

describe("published layouts, read from real .xlsx files", () => {
  it.each(VARIANTS)("1. actual before plan, no year in any header, year and period from the title 'ĐẾN THÁNG 9/2022' (%s)", async (v) => {
    const n = figureOf(v);
    const result = await check([
      {
        name: "Nông thôn mới",
        merges: ["A1:E1"],
        rows: [
          ["KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU PHÁT TRIỂN NÔNG THÔN ĐẾN THÁNG 9/2022"],
          [null, "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Mục tiêu năm"],
          [n(1), "Tỷ lệ thôn, bản đạt chuẩn nông thôn mới kiểu mẫu", "%", n(41.5), n(45)],
          [n(2), "Số xã đạt chuẩn nông thôn mới nâng cao", "xã", n(37), n(52)],
          [n(3), "Số hợp tác xã nông nghiệp thành lập mới", "HTX", n(128), n(150)],
          [n(4), "Số sản phẩm OCOP được công nhận mới", "sản phẩm", n(161), n(180)],
        ],
      },
    ]);
    expect(result.reportYear).toBe(2022);
    expect(result.reportYearSource).toBe("title");
    const report = sheetReport(result, "Nông thôn mới");
    expect(report).toMatchObject({ status: "indicators", reportYear: 2022, yearSource: "title", period: { kind: "months", months: 9 } });
    expect(roles(report)).toMatchObject({ B: "indicator", C: "unit", D: "actual", E: "plan" });
    expect(result.indicators.map((i) => i.row)).toEqual([3, 4, 5, 6]);

    const rate = named(result, "Tỷ lệ thôn, bản đạt chuẩn nông thôn mới kiểu mẫu");
    expect(rate).toMatchObject({ unit: "%", kind: "rate", actual: 41.5, plan: 45, planPercent: null, growthPercent: null });
    expect(rate.planGapPoints).toBeCloseTo(-3.5, 9);
    expect(rate.cells).toMatchObject({ actual: "D3", plan: "E3" });

    // Counts in xã, HTX, sản phẩm are absolute: TH/KH is computed.
    for (const [name, unit, actual, plan] of [
      ["Số xã đạt chuẩn nông thôn mới nâng cao", "xã", 37, 52],
      ["Số hợp tác xã nông nghiệp thành lập mới", "HTX", 128, 150],
      ["Số sản phẩm OCOP được công nhận mới", "sản phẩm", 161, 180],
    ] as const) {
      const ind = named(result, name);
      expect(ind).toMatchObject({ unit, kind: "absolute", actual, plan, previous: null });
      expect(ind.planPercent).toBeCloseTo((actual / plan) * 100, 9);
      // Nine months against the year's target: progress, not an evaluation.
      expect(ind.evaluation).toBeNull();
    }
    expect(errors(result)).toEqual([]);
  });

  it.each(VARIANTS)(
    "2. 'Nghị quyết HĐND | Thực hiện năm 2023 | Thực hiện so nghị quyết': the last column is the evaluation, 'Vượt X%' checked (%s)",
    async (v) => {
      const n = figureOf(v);
      const result = await check([
        {
          name: "Chỉ tiêu 2023",
          merges: ["A1:F1"],
          rows: [
            ["TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2023"],
            ["STT", "Chỉ tiêu chủ yếu", "ĐVT", "Nghị quyết HĐND", "Thực hiện năm 2023", "Thực hiện so nghị quyết"],
            ["I", "Nhóm chỉ tiêu kinh tế"],
            ["1", "Tốc độ tăng giá trị sản xuất (giá so sánh 2010)", "%", "7 - 8", n(7.4), "Đạt"],
            ["2", "Thu nhập bình quân đầu người", "Triệu đồng", "70 - 72", n(75.2), "Vượt"],
            ["3", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", n(160), "210 tỷ", "Vượt 31,25%"],
            ["4", "Tổng vốn đầu tư phát triển toàn xã hội", "Tỷ đồng", n(200), n(230), "Vượt 12%"],
            ["5", "Tổng chi ngân sách địa phương", "Tỷ đồng", n(400), n(450), "Vượt 12,5%"],
            [null, "Trong đó chi đầu tư phát triển", "Tỷ đồng", n(42.5), n(51.3), "Vượt"],
            ["II", "Nhóm chỉ tiêu xã hội"],
            ["6", "Tỷ lệ hộ nghèo đa chiều", "%", "Dưới 3%", n(2.4), "Đạt"],
            ["7", "Tỷ lệ trẻ em 5 tuổi đi học mẫu giáo", "%", n(92), n(92.3), "Vượt 0,3%"],
            ["8", "Số trường học được công nhận đạt chuẩn quốc gia mới", "Trường", "5 - 6", n(4), "Không đạt"],
          ],
        },
      ]);
      const report = sheetReport(result, "Chỉ tiêu 2023");
      expect(report).toMatchObject({ status: "indicators", reportYear: 2023 });
      expect(result.indicators.map((i) => i.row)).toEqual([4, 5, 6, 7, 8, 9, 11, 12, 13]);

      const growth = named(result, /^Tốc độ tăng giá trị sản xuất/);
      expect(growth).toMatchObject({ kind: "rate", actual: 7.4, plan: null, evaluation: "Đạt" });
      expect(growth.planTarget).toMatchObject({ qualifier: "range", low: 7, high: 8 });
      expect(named(result, "Thu nhập bình quân đầu người")).toMatchObject({ kind: "absolute", evaluation: "Vượt", planPercent: null });

      // "210 tỷ" in a "Tỷ đồng" row is 210: computed on, and a warning (never an error) at its cell.
      const revenue = named(result, "Tổng thu ngân sách nhà nước trên địa bàn");
      expect(revenue).toMatchObject({ actual: 210, plan: 160, evaluation: "Vượt" });
      expect(revenue.planPercent).toBeCloseTo(131.25, 9);
      expect(atCell(result, "E6")).toEqual([{ rule: "not-a-number", severity: "warning", cell: "E6" }]);

      // "Vượt 12%" where 230/200 = 115%: an error at the stated cell; "Vượt 31,25%" and "Vượt 12,5%" are right.
      expect(ofRule(result, "stated-percent")).toEqual([{ rule: "stated-percent", severity: "error", cell: "F7" }]);
      expect(named(result, "Tổng vốn đầu tư phát triển toàn xã hội").stated.evaluation).toBe("Vượt 12%");

      // "Trong đó" with no STT is a partial component of the row above.
      expect(named(result, "chi đầu tư phát triển")).toMatchObject({ parentRow: 8, breakdown: "partial", breakdownBlock: 1 });

      // Bounds and ranges as plans are evaluated.
      const poverty = named(result, "Tỷ lệ hộ nghèo đa chiều");
      expect(poverty).toMatchObject({ kind: "rate", direction: "lower", plan: 3, evaluation: "Đạt" });
      expect(poverty.planTarget).toMatchObject({ qualifier: "max", high: 3, strict: true });
      expect(named(result, /^Số trường học/)).toMatchObject({ kind: "absolute", actual: 4, evaluation: "Không đạt" });

      // "Vượt 0,3%" about a rate: the gap of a rate is in points.
      expect(ofRule(result, "rate-points")).toEqual([{ rule: "rate-points", severity: "warning", cell: "F12" }]);
      expect(ofRule(result, "stated-evaluation")).toEqual([]);
      expect(errors(result)).toEqual([{ rule: "stated-percent", severity: "error", cell: "F7" }]);
      // The sheet report says what each column was read as: F holds the evaluations read above.
      expect(roles(report)).toEqual({ A: "order", B: "indicator", C: "unit", D: "plan", E: "actual", F: "evaluation" });
    },
  );

  it.each(VARIANTS)("3. a series of years up to 'Sơ bộ 2023', with stacked rows and their breakdown blocks (%s)", async (v) => {
    const n = figureOf(v);
    const y = yearOf(v);
    const s = stackOf(v);
    const result = await check([
      {
        name: "Chuỗi số liệu",
        merges: ["A1:G1"],
        rows: [
          ["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU CỦA HUYỆN BẢN ĐÔNG"],
          [null, "ĐVT", y(2019), y(2020), y(2021), y(2022), "Sơ bộ 2023"],
          [
            "1. Dân số trung bình\nPhân theo thành thị, nông thôn\n   Thành thị\n   Nông thôn\nPhân theo giới tính\n   Nam\n   Nữ",
            "Người",
            s(412580, null, 98310, 314270, null, 203150, 209430),
            s(415960, null, 99870, 316090, null, 204880, 211080),
            // 2021: Thành thị lost a digit (10140 for 101400); Nam + Nữ still make the total.
            s(419120, null, 10140, 317720, null, 206410, 212710),
            s(422350, null, 103050, 319300, null, 208020, 214330),
            s(425870, null, 104760, 321110, null, 209800, 216070),
          ],
          ["2. Mật độ dân số", "Người/km2", n(415), n(419), n(423), n(426), null],
          [
            "3. Tổng sản phẩm trên địa bàn (GRDP)\n(Giá hiện hành)\nTrong đó:\n- Nông, lâm nghiệp và thủy sản\n- Công nghiệp, xây dựng\n- Dịch vụ",
            "Tỷ đồng",
            s(15230.4, null, null, 4120.6, 4890.2, 5410.9),
            s(16105.8, null, null, 4250.3, 5210.7, 5760.4),
            s(17020.5, null, null, 4390.8, 5590.1, 6080.2),
            s(18490.2, null, null, 4560.1, 6120.5, 6610.3),
            s(20015.7, null, null, 4720.4, 6710.8, 7150.6),
          ],
          ["4. Thu ngân sách nhà nước trên địa bàn", null, n(1180.5), n(1254.3), n(1320.8), n(1415.6), n(1502.2)],
          ["5. Tỷ lệ hộ nghèo", "%", n(5.12), n(4.48), n(3.95), n(3.21), n(2.64)],
        ],
      },
    ]);
    expect(result.reportYear).toBe(2023);
    const report = sheetReport(result, "Chuỗi số liệu");
    expect(report).toMatchObject({ status: "indicators", reportYear: 2023, yearSource: "header" });
    expect(roles(report)).toEqual({ B: "unit", C: "history", D: "history", E: "history", F: "previous", G: "actual" });

    const density = named(result, "Mật độ dân số");
    expect(density.series?.map((p) => [p.year, p.value, p.provisional, p.cell])).toEqual([
      [2019, 415, false, "C4"],
      [2020, 419, false, "D4"],
      [2021, 423, false, "E4"],
      [2022, 426, false, "F4"],
      [2023, null, true, "G4"],
    ]);
    expect(density.series?.[4].header).toBe("Sơ bộ 2023");
    // The 2023 figure is not out: no actual, no growth.
    expect(density).toMatchObject({ unit: "Người/km2", actual: null, previous: 426, growthPercent: null });

    const revenue = named(result, "Thu ngân sách nhà nước trên địa bàn");
    expect(revenue).toMatchObject({ actual: 1502.2, previous: 1415.6, unit: "" });
    expect(revenue.growthPercent).toBeCloseTo((1502.2 / 1415.6 - 1) * 100, 9);
    expect(ofRule(result, "missing-unit")).toEqual([{ rule: "missing-unit", severity: "warning", cell: "B6" }]);

    const poverty = named(result, "Tỷ lệ hộ nghèo");
    expect(poverty).toMatchObject({ kind: "rate", actual: 2.64, previous: 3.21, growthPercent: null });
    expect(poverty.changePoints).toBeCloseTo(-0.57, 9);

    // The stacked population row: one indicator per line, two breakdown blocks under line 0.
    const population = result.indicators.filter((i) => i.row === 3);
    expect(population.map((i) => [i.line, i.name, i.parentRow, i.parentLine, i.breakdown, i.breakdownBlock])).toEqual([
      [0, "Dân số trung bình", null, 0, null, null],
      [2, "Thành thị", 3, 0, "exhaustive", 1],
      [3, "Nông thôn", 3, 0, "exhaustive", 1],
      [5, "Nam", 3, 0, "exhaustive", 2],
      [6, "Nữ", 3, 0, "exhaustive", 2],
    ]);
    expect(population[0]).toMatchObject({ unit: "Người", kind: "absolute", actual: 425870, previous: 422350 });
    expect(population[0].series?.map((p) => p.value)).toEqual([412580, 415960, 419120, 422350, 425870]);
    expect(population[0].series?.map((p) => p.provisional)).toEqual([false, false, false, false, true]);
    expect(population[3]).toMatchObject({ actual: 209800, previous: 208020 });
    // Thành thị + Nông thôn ≠ the total in 2021 only: one error, at that year's cell; the Nam/Nữ block is fine.
    expect(ofRule(result, "component-total")).toEqual([{ rule: "component-total", severity: "error", cell: "E3" }]);

    // A bracketed line continues the name above it; "Trong đó:" opens a partial breakdown.
    const grdp = result.indicators.filter((i) => i.row === 5);
    expect(grdp.map((i) => [i.line, i.name, i.parentRow, i.breakdown])).toEqual([
      [0, "Tổng sản phẩm trên địa bàn (GRDP) (Giá hiện hành)", null, null],
      [3, "Nông, lâm nghiệp và thủy sản", 5, "partial"],
      [4, "Công nghiệp, xây dựng", 5, "partial"],
      [5, "Dịch vụ", 5, "partial"],
    ]);
    expect(grdp[0]).toMatchObject({ actual: 20015.7, previous: 18490.2 });
    expect(grdp[3]).toMatchObject({ actual: 7150.6, previous: 6610.3 });
  });

  it.each(VARIANTS)("4. '0.00' placeholders in the last year column: missing, warned once each, one note at the header (%s)", async (v) => {
    const n = figureOf(v);
    const y = yearOf(v);
    // The page writes the placeholder "0.00"; typed as a number it is 0 shown as 0.00.
    const zero: Cell = v === "numbers" ? 0 : "0.00";
    const result = await check([
      {
        name: "CSDL",
        formats: v === "numbers" ? { G3: "0.00", G4: "0.00", G5: "0.00" } : {},
        rows: [
          ["SỐ LIỆU KINH TẾ - XÃ HỘI TOÀN TỈNH"],
          ["Chỉ tiêu", "Đơn vị tính", y(2016), y(2017), y(2018), y(2019), y(2020)],
          ["Giá trị sản xuất nông nghiệp", "Tỷ đồng", n(5120.4), n(5380.2), n(5611.8), n(5902.6), zero],
          ["Số doanh nghiệp đang hoạt động", "Doanh nghiệp", n(1204), n(1310), n(1422), n(1538), zero],
          ["Sản lượng thủy sản", "Tấn", n(38250.5), n(40120.3), n(41870.2), n(43990.1), zero],
          ["Tỷ lệ lao động qua đào tạo", "%", n(52.1), n(55.4), n(58.2), n(61.3), null],
          ["Diện tích gieo trồng lúa", "ha", n(45210.5), n(44870.2), n(44520.8), n(44100.4), null],
        ],
      },
    ]);
    expect(sheetReport(result, "CSDL")).toMatchObject({ status: "indicators", reportYear: 2020 });
    for (const [row, previous] of [
      [3, 5902.6],
      [4, 1538],
      [5, 43990.1],
    ]) {
      const ind = result.indicators.find((i) => i.row === row) as Indicator;
      expect(ind).toMatchObject({ actual: null, previous, growthPercent: null, index: null });
      expect(ind.series?.[4]).toMatchObject({ year: 2020, value: null, placeholder: true, cell: `G${row}` });
      expect(ind.series?.slice(0, 4).every((p) => !p.placeholder && p.value !== null)).toBe(true);
    }
    expect(result.indicators.every((i) => i.growthPercent === null || i.growthPercent > -100)).toBe(true);
    const placeholders = ofRule(result, "not-a-number").filter((f) => f.severity === "warning");
    expect(placeholders).toEqual([
      { rule: "not-a-number", severity: "warning", cell: "G3" },
      { rule: "not-a-number", severity: "warning", cell: "G4" },
      { rule: "not-a-number", severity: "warning", cell: "G5" },
    ]);
    // The 2020 column is empty for every row: one note at its header, no warning per row.
    expect(ofRule(result, "missing-value")).toEqual([{ rule: "missing-value", severity: "info", cell: "G2" }]);
    expect(errors(result)).toEqual([]);
  });

  it.each(VARIANTS)(
    "5a. a year-pair column '2022/2021 (%)' next to the years: a right value gives nothing, a wrong one an error (%s)",
    async (v) => {
      const n = figureOf(v);
      const y = yearOf(v);
      const result = await check([
        {
          name: "Du lịch",
          rows: [
            ["MỘT SỐ CHỈ TIÊU VỀ DU LỊCH"],
            ["Chỉ tiêu", "ĐVT", y(2019), y(2020), y(2021), y(2022), "2022/2021 (%)"],
            ["Lượt khách du lịch", "Nghìn lượt", n(1520.4), n(610.2), n(702.5), n(1345.8), n(191.6)],
            // 2022/2021 written 125,4 where 1.120,6 / 952,3 = 117,7.
            ["Doanh thu du lịch", "Tỷ đồng", n(2410.5), n(880.3), n(952.3), n(1120.6), n(125.4)],
            ["Số cơ sở lưu trú", "Cơ sở", n(412), n(398), n(405), n(431), n(106.4)],
          ],
        },
      ]);
      const report = sheetReport(result, "Du lịch");
      expect(report).toMatchObject({ status: "indicators", reportYear: 2022 });
      expect(roles(report)).toMatchObject({ C: "history", D: "history", E: "previous", F: "actual" });
      expect(named(result, "Lượt khách du lịch")).toMatchObject({ actual: 1345.8, previous: 702.5 });
      const comparisons = result.findings.filter((f) => columnOf(f.cell) === "G" && f.severity !== "info").map(brief);
      // The pair is the actual against the previous year: checked as a stated index (or as a stated percent on the same period).
      expect(comparisons).toEqual([{ rule: expect.stringMatching(/^stated-(index|percent)$/), severity: "error", cell: "G4" }]);
    },
  );

  it.each(VARIANTS)(
    "5b. year-pair columns '2021/2020 (%)', '2022/2021 (%)' beside the years: each checked against its own years (%s)",
    async (v) => {
      const n = figureOf(v);
      const y = yearOf(v);
      const result = await check([
        {
          name: "Doanh nghiệp",
          rows: [
            ["MỘT SỐ CHỈ TIÊU CHỦ YẾU CỦA KHU VỰC DOANH NGHIỆP"],
            ["Chỉ tiêu", "ĐVT", y(2020), y(2021), y(2022), "2021/2020 (%)", "2022/2021 (%)"],
            ["Số doanh nghiệp đang hoạt động", "Doanh nghiệp", n(1850), n(2035), n(2198), n(110.0), n(108.0)],
            // 2021/2020 written 115,3 where 26.950,2 / 24.500,5 = 110,0.
            ["Vốn sản xuất kinh doanh bình quân", "Tỷ đồng", n(24500.5), n(26950.2), n(29100.8), n(115.3), n(108.0)],
            // 2022/2021 written 112,4 where 36.110,2 / 33.870,9 = 106,6.
            ["Doanh thu thuần", "Tỷ đồng", n(31200.4), n(33870.9), n(36110.2), n(108.6), n(112.4)],
            ["Lao động trong doanh nghiệp", "Người", n(41250), n(43880), n(45120), n(106.4), n(102.8)],
          ],
        },
      ]);
      const report = sheetReport(result, "Doanh nghiệp");
      expect(report).toMatchObject({ status: "indicators", reportYear: 2022 });
      expect(roles(report)).toMatchObject({ C: "history", D: "previous", E: "actual" });
      const revenue = named(result, "Doanh thu thuần");
      expect(revenue).toMatchObject({ actual: 36110.2, previous: 33870.9 });
      expect(revenue.series?.map((p) => p.value)).toEqual([31200.4, 33870.9, 36110.2]);

      const comparisons = result.findings.filter((f) => ["F", "G"].includes(columnOf(f.cell)) && f.severity !== "info").map(brief);
      // The history pair is the stated-index rule's; the actual/previous pair may be checked as a stated index or percent.
      expect(comparisons).toEqual([
        { rule: "stated-index", severity: "error", cell: "F4" },
        { rule: expect.stringMatching(/^stated-(index|percent)$/), severity: "error", cell: "G5" },
      ]);
    },
  );

  it.each(VARIANTS)("6. non-consecutive years '2012 | 2017 | 2022': 2017 is no same period, nothing is compared (%s)", async (v) => {
    const n = figureOf(v);
    const y = yearOf(v);
    const result = await check([
      {
        name: "Vùng trung du",
        rows: [
          ["MỘT SỐ CHỈ TIÊU CỦA VÙNG TRUNG DU QUA CÁC THỜI KỲ"],
          ["Chỉ tiêu", "Đơn vị tính", y(2012), y(2017), y(2022)],
          ["Giá trị tăng thêm (giá so sánh 2010)", "tỷ đồng", n(12450.2), n(18930.6), n(26410.3)],
          ["Số lao động đang làm việc", "người", n(215400), n(228900), n(240150)],
          ["Tỷ lệ đô thị hóa", "%", n(18.5), n(22.4), n(27.9)],
        ],
      },
    ]);
    const report = sheetReport(result, "Vùng trung du");
    expect(report).toMatchObject({ status: "indicators", reportYear: 2022 });
    expect(roles(report)).toMatchObject({ C: "history", D: "history", E: "actual" });
    expect(result.indicators).toHaveLength(3);
    for (const [name, actual] of [
      ["Giá trị tăng thêm (giá so sánh 2010)", 26410.3],
      ["Số lao động đang làm việc", 240150],
      ["Tỷ lệ đô thị hóa", 27.9],
    ] as const) {
      const ind = named(result, name);
      expect(ind).toMatchObject({ actual, previous: null, index: null, growthPercent: null, changePoints: null });
      expect(ind.series?.map((p) => p.year)).toEqual([2012, 2017, 2022]);
    }
    expect(result.findings.filter((f) => f.rule === "growth-outlier" || f.rule === "base-year")).toEqual([]);
  });

  it.each(VARIANTS)("7. a statistics-office monthly table: cumulative actual, unit line, caption and components (%s)", async (v) => {
    const n = figureOf(v);
    const table = (communes: number): SheetSpec => ({
      name: communes === 119.4 ? "Vốn NSNN" : "Vốn NSNN (sai)",
      merges: ["A1:F1"],
      rows: [
        ["Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước tháng 6 năm 2024"],
        [
          null,
          "Thực hiện tháng 5 năm 2024",
          "Ước tính tháng 6 năm 2024",
          "Cộng dồn 6 tháng năm 2024",
          "Tháng 6/2024 so với cùng kỳ năm trước (%)",
          "Cộng dồn 6 tháng so với cùng kỳ năm trước (%)",
        ],
        ["Đơn vị tính: Tỷ đồng"],
        ["Tổng số", n(412.6), n(455.3), n(2210.8), n(108.4), n(111.2)],
        ["Phân theo cấp quản lý"],
        ["Vốn ngân sách cấp tỉnh", n(268.1), n(296.4), n(1430.5), n(109.1), n(112.6)],
        ["Vốn ngân sách cấp huyện", n(121.7), n(134.2), n(660.9), n(107.3), n(108.9)],
        ["Vốn ngân sách cấp xã", n(22.8), n(24.7), n(communes), n(104.2), n(106.5)],
      ],
    });
    const result = await check([table(119.4), table(219.4)]);
    const report = sheetReport(result, "Vốn NSNN");
    expect(report).toMatchObject({ status: "indicators", reportYear: 2024, yearSource: "title", dataStartRow: 4 });
    expect(roles(report)).toEqual({ B: "history", C: "history", D: "actual", E: "statedComparison", F: "statedPrevious" });

    const total = named(result, "Tổng số", "Vốn NSNN");
    expect(total).toMatchObject({ row: 4, unit: "Tỷ đồng", actual: 2210.8, previous: null, plan: null, growthPercent: null });
    expect(total.cells).toMatchObject({ actual: "D4", statedPrevious: "F4" });
    expect(total.stated).toMatchObject({ previousComparison: 111.2, previousForm: "index" });
    const parts = result.indicators.filter((i) => i.sheet === "Vốn NSNN" && i.parentRow === 4);
    expect(parts.map((i) => [i.row, i.unit, i.breakdown])).toEqual([
      [6, "Tỷ đồng", "exhaustive"],
      [7, "Tỷ đồng", "exhaustive"],
      [8, "Tỷ đồng", "exhaustive"],
    ]);
    expect(parts.map((i) => i.actual)).toEqual([1430.5, 660.9, 119.4]);
    // The caption is no indicator.
    expect(result.indicators.filter((i) => i.sheet === "Vốn NSNN").map((i) => i.row)).toEqual([4, 6, 7, 8]);
    // "so với cùng kỳ năm trước" names no year: no base-year finding on the headers.
    expect(ofRule(result, "base-year")).toEqual([]);
    // The components add up on the first sheet; on the second, cấp xã is 100 too high: an error at the total.
    expect(ofRule(result, "component-total", "Vốn NSNN")).toEqual([]);
    expect(ofRule(result, "component-total", "Vốn NSNN (sai)")).toEqual([{ rule: "component-total", severity: "error", cell: "D4" }]);
    expect(errors(result).filter((f) => f.rule !== "component-total")).toEqual([]);
    // The figures read as actual are the six months' cumulative: the period they cover is six months, not "tháng 6".
    expect(report.period).toMatchObject({ kind: "months", months: 6 });
  });

  it.each(VARIANTS)("8. a monthly CPI table ('Tháng trước = 100'): every month an index, compared in points (%s)", async (v) => {
    const n = figureOf(v);
    const y = yearOf(v);
    const months: Array<[number, number, number, number]> = [
      [100.52, 101.18, 100.41, 100.63],
      [101.37, 100.85, 100.72, 101.05],
      [99.21, 99.64, 100.33, 99.87],
      [98.47, 100.12, 100.58, 100.21],
      [100.04, 100.27, 100.49, 100.36],
      [100.61, 99.93, 100.68, 100.14],
      [100.45, 100.38, 100.27, 100.52],
      [100.12, 100.26, 99.91, 100.47],
      [100.33, 99.85, 99.96, 100.71],
      [100.09, 100.14, 100.08, 100.26],
      [99.88, 100.42, 100.51, 99.92],
      [100.17, 99.81, 100.22, 100.09],
    ];
    const result = await check([
      {
        name: "CPI",
        merges: ["A1:E1"],
        rows: [
          ["Chỉ số giá tiêu dùng bình quân các tháng"],
          ["%"],
          [null, y(2020), y(2021), y(2022), y(2023)],
          ["Tháng trước = 100"],
          ...months.map((values, i): Cell[] => [`Tháng ${i + 1}`, ...values.map(n)]),
        ],
      },
    ]);
    expect(sheetReport(result, "CPI")).toMatchObject({ status: "indicators", reportYear: 2023 });
    expect(result.indicators.map((i) => i.name)).toEqual(months.map((_, i) => `Tháng ${i + 1}`));
    result.indicators.forEach((ind, i) => {
      expect(ind).toMatchObject({ kind: "index", unit: "%", actual: months[i][3], previous: months[i][2], planPercent: null });
      expect(ind.changePoints).toBeCloseTo(months[i][3] - months[i][2], 9);
    });
    expect(ofRule(result, "rate-range")).toEqual([]);
    expect(errors(result)).toEqual([]);
  });

  it.each(VARIANTS)("9. two bare year columns of growth rates under a title ending '(%)', with group rows (%s)", async (v) => {
    const n = figureOf(v);
    const y = yearOf(v);
    const result = await check([
      {
        name: "Tăng trưởng",
        merges: ["A1:C1"],
        rows: [
          ["Tốc độ tăng tổng sản phẩm trên địa bàn tỉnh năm 2016 theo giá so sánh 2010 (%)"],
          [null, y(2015), y(2016)],
          ["Tổng số", n(7.12), n(7.86)],
          ["A. Theo khu vực kinh tế"],
          ["Nông, lâm nghiệp và thủy sản", n(2.35), n(-0.85)],
          ["Công nghiệp và xây dựng", n(10.42), n(11.85)],
          ["Dịch vụ", n(6.9), n(7.24)],
          ["B. Theo quý"],
          ["Quý I", n(6.45), n(7.02)],
          ["Quý II", n(6.88), n(7.51)],
          ["Quý III", n(7.21), n(8.03)],
          ["Quý IV", n(7.64), n(8.56)],
        ],
      },
    ]);
    const report = sheetReport(result, "Tăng trưởng");
    expect(report).toMatchObject({ status: "indicators", reportYear: 2016 });
    expect(roles(report)).toMatchObject({ B: "previous", C: "actual" });
    expect(result.indicators.map((i) => i.row)).toEqual([3, 5, 6, 7, 9, 10, 11, 12]);
    for (const ind of result.indicators) {
      expect(ind).toMatchObject({ unit: "%", kind: "rate", growthPercent: null, planPercent: null });
      expect(ind.changePoints).toBeCloseTo((ind.actual as number) - (ind.previous as number), 9);
    }
    expect(named(result, "Nông, lâm nghiệp và thủy sản")).toMatchObject({ actual: -0.85, previous: 2.35 });
    expect(named(result, "Quý IV").changePoints).toBeCloseTo(0.92, 9);
    // A fall in a growth rate is no rate outside 0–100%.
    expect(ofRule(result, "rate-range")).toEqual([]);
  });

  it.each(VARIANTS)(
    "10. a growth rate's components are growth rates: '- Nông nghiệp (%)' at −3,2 is no rate-range error (%s)",
    async (v) => {
      const n = figureOf(v);
      const result = await check([
        {
          name: "Kinh tế 2024",
          merges: ["A1:F1"],
          rows: [
            ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ NĂM 2024"],
            ["STT", "Chỉ tiêu", "TH năm 2023", "KH năm 2024", "Ước TH năm 2024", "Đánh giá"],
            ["1", "Tốc độ tăng GRDP (%)", n(6.4), "7 - 7,5", n(7.1), "Đạt"],
            [null, "- Nông nghiệp (%)", n(2.1), n(2.5), n(-3.2), "Không đạt"],
            [null, "- Công nghiệp - xây dựng (%)", n(9.8), n(10.5), n(11.2), "Vượt"],
            [null, "- Dịch vụ (%)", n(6.1), n(6.8), n(7.4), "Vượt"],
            ["2", "Tổng vốn đầu tư toàn xã hội (Tỷ đồng)", n(15400.5), n(16800), n(17250.4), "Vượt"],
          ],
        },
      ]);
      expect(named(result, "Tốc độ tăng GRDP")).toMatchObject({ unit: "%", kind: "rate", measure: "growth", evaluation: "Đạt" });
      const farming = named(result, "Nông nghiệp");
      expect(farming).toMatchObject({ unit: "%", kind: "rate", measure: "growth", parentRow: 3, actual: -3.2, evaluation: "Không đạt" });
      expect(farming.changePoints).toBeCloseTo(-5.3, 9);
      for (const name of ["Công nghiệp - xây dựng", "Dịch vụ"])
        expect(named(result, name)).toMatchObject({ kind: "rate", measure: "growth", parentRow: 3 });
      expect(named(result, "Tổng vốn đầu tư toàn xã hội")).toMatchObject({ unit: "Tỷ đồng", kind: "absolute", parentRow: null });
      expect(ofRule(result, "rate-range")).toEqual([]);
      expect(ofRule(result, "stated-evaluation")).toEqual([]);
      expect(errors(result)).toEqual([]);
    },
  );

  it.each(VARIANTS)(
    "11. an 'Ước TH năm 2025' column in a table dated 05/12/2024: one base-year warning at its header, its cells not each reported (%s)",
    async (v) => {
      const n = figureOf(v);
      const result = await check([
        {
          name: "KH 2025",
          merges: ["A1:F1", "A2:F2"],
          rows: [
            ["CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2025"],
            ["(Kèm theo báo cáo số 12/BC-UBND ngày 05/12/2024)"],
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Ước TH năm 2024", "Ước TH năm 2025", "Ghi chú"],
            ["1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", n(7.2), "7,5 - 8"],
            ["2", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", n(1850.6), "Trên 2.000"],
            ["3", "Tỷ lệ hộ nghèo đa chiều", "%", n(3.1), "Giảm 0,5 - 1 điểm %"],
            ["4", "Số xã đạt chuẩn nông thôn mới", "xã", n(45), "Khoảng 50"],
            ["5", "Số lao động được tạo việc làm mới", "Người", n(2450.5), n(2600)],
          ],
        },
      ]);
      const report = sheetReport(result, "KH 2025");
      expect(report).toMatchObject({ status: "indicators", reportYear: 2025 });
      expect(roles(report)).toMatchObject({ D: "previous", E: "actual" });
      expect(ofRule(result, "base-year")).toEqual([{ rule: "base-year", severity: "warning", cell: "E3" }]);
      const inE = result.findings.filter((f) => f.rule === "not-a-number" && f.severity !== "info" && columnOf(f.cell) === "E");
      expect(inE.map(brief)).toEqual([]);
      expect(errors(result)).toEqual([]);
    },
  );

  it.each(VARIANTS)("12. a table laid across: years down the first column, indicators along the top (%s)", async (v) => {
    const n = figureOf(v);
    const y = yearOf(v);
    const values: Array<[number, number, number, number]> = [
      [2019, 312.5, 286, 41.2],
      [2020, 334.8, 251, 42.05],
      [2021, 352.1, 219, 42.6],
      [2022, 381.4, 187, 43.5],
      [2023, 405.9, 152, 44.1],
    ];
    const result = await check([
      {
        name: "Xã Tân Lập",
        merges: ["A1:D1"],
        rows: [
          ["MỘT SỐ CHỈ TIÊU CHỦ YẾU CỦA XÃ TÂN LẬP GIAI ĐOẠN 2019 - 2023"],
          ["Năm", "Giá trị sản xuất (tỷ đồng)", "Số hộ nghèo (hộ)", "Tỷ lệ che phủ rừng (%)"],
          ...values.map(([year, ...figures]): Cell[] => [y(year), ...figures.map(n)]),
        ],
      },
    ]);
    const report = sheetReport(result, "Xã Tân Lập");
    expect(report).toMatchObject({ status: "indicators", orientation: "columns", reportYear: 2023, indicatorCount: 3 });
    expect(result.indicators.map((i) => [i.row, i.name, i.unit])).toEqual([
      [2, "Giá trị sản xuất", "tỷ đồng"],
      [3, "Số hộ nghèo", "hộ"],
      [4, "Tỷ lệ che phủ rừng", "%"],
    ]);
    const [production, poor, forest] = result.indicators;
    expect(production).toMatchObject({ kind: "absolute", actual: 405.9, previous: 381.4 });
    expect(production.cells).toMatchObject({ name: "B2", actual: "B7", previous: "B6" });
    expect(production.series?.map((p) => [p.year, p.cell])).toEqual([
      [2019, "B3"],
      [2020, "B4"],
      [2021, "B5"],
      [2022, "B6"],
      [2023, "B7"],
    ]);
    expect(production.growthPercent).toBeCloseTo((405.9 / 381.4 - 1) * 100, 9);
    expect(poor).toMatchObject({ kind: "absolute", actual: 152, previous: 187, direction: "lower" });
    expect(poor.cells).toMatchObject({ name: "C2", actual: "C7" });
    expect(poor.growthPercent).toBeCloseTo((152 / 187 - 1) * 100, 9);
    expect(forest).toMatchObject({ kind: "rate", actual: 44.1, previous: 43.5, growthPercent: null });
    expect(forest.cells.actual).toBe("D7");
    expect(forest.changePoints).toBeCloseTo(0.6, 9);
    // Findings point where the official sees the figures: no cell outside the table.
    for (const f of result.findings) {
      const at = parseAddress(f.cell);
      expect(at).not.toBeNull();
      expect(at?.row ?? 99).toBeLessThanOrEqual(6);
      expect(at?.col ?? 99).toBeLessThanOrEqual(3);
    }
  });

  it("13. two indicators stacked in one row under a heading line, with strict bounds as plans", async () => {
    const result = await check([
      {
        name: "Xã hội 2024",
        merges: ["A1:F1"],
        rows: [
          ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU XÃ HỘI NĂM 2024"],
          ["STT", "Chỉ tiêu chủ yếu", "TH năm 2023", "KH năm 2024", "Ước TH năm 2024", "Ghi chú"],
          ["1", "Tỷ lệ dân số tham gia bảo hiểm y tế (%)", "92,4", "94", "94,6", "Vượt"],
          ["2", "Tỷ lệ trẻ em dưới 5 tuổi thấp còi:\n-Theo tuổi (%)\n-Theo giới (%)", "9,8\n12,9", "< 9,5\n<12,0", "9,1\n12,0", "Đạt"],
          ["3", "Số bác sĩ trên một vạn dân (bác sĩ)", "9,2", "10", "10,3", "Vượt"],
        ],
      },
    ]);
    const stacked = result.indicators.filter((i) => i.row === 4);
    expect(stacked.map((i) => i.line)).toEqual([1, 2]);
    const [byAge, bySex] = stacked;
    expect(byAge.name).toMatch(/Theo tuổi/);
    expect(bySex.name).toMatch(/Theo giới/);
    expect(byAge).toMatchObject({ unit: "%", kind: "rate", actual: 9.1, previous: 9.8, plan: 9.5, evaluation: "Đạt" });
    expect(byAge.planTarget).toMatchObject({ qualifier: "max", high: 9.5, strict: true });
    expect(byAge.changePoints).toBeCloseTo(-0.7, 9);
    expect(bySex).toMatchObject({ unit: "%", kind: "rate", actual: 12, previous: 12.9, plan: 12, evaluation: "Không đạt" });
    expect(bySex.planTarget).toMatchObject({ qualifier: "max", high: 12, strict: true });
    // One warning for the row's stacked cells, at the first of them.
    const row4 = result.findings.filter((f) => f.rule === "not-a-number" && f.severity !== "info" && parseAddress(f.cell)?.row === 3);
    expect(row4.map(brief)).toEqual([{ rule: "not-a-number", severity: "warning", cell: "C4" }]);
    // 12,0 against "<12,0" written "Đạt": how many tables write "at most", a warning, not an error.
    expect(ofRule(result, "stated-evaluation")).toEqual([{ rule: "stated-evaluation", severity: "warning", cell: "F4" }]);
    expect(errors(result)).toEqual([]);
  });

  it.each(VARIANTS)(
    "14. unmarked components under a numbered total found by their sums; a 2%% gap in one year is a warning (%s)",
    async (v) => {
      const n = figureOf(v);
      const y = yearOf(v);
      const parts = [
        [3210.5, 3305.2, 3398.7, 3490.1, 3601.4],
        [4120.8, 4380.6, 4650.3, 4980.5, 5320.7],
        [5230.1, 5410.9, 5590.4, 5820.6, 6105.3],
      ];
      const totals = [0, 1, 2, 3, 4].map((i) => Math.round((parts[0][i] + parts[1][i] + parts[2][i]) * 10) / 10);
      // 2021: the total written 2% above its parts.
      totals[2] = Math.round(totals[2] * 1.02 * 10) / 10;
      const result = await check([
        {
          name: "GTTT",
          rows: [
            ["MỘT SỐ CHỈ TIÊU KINH TẾ TỔNG HỢP CỦA THỊ XÃ"],
            ["Chỉ tiêu", "ĐVT", y(2019), y(2020), y(2021), y(2022), y(2023)],
            ["1. Tổng giá trị tăng thêm (giá so sánh 2010)", "Tỷ đồng", ...totals.map(n)],
            ["Nông, lâm nghiệp và thủy sản", "Tỷ đồng", ...parts[0].map(n)],
            ["Công nghiệp và xây dựng", "Tỷ đồng", ...parts[1].map(n)],
            ["Dịch vụ", "Tỷ đồng", ...parts[2].map(n)],
            ["2. Số doanh nghiệp thành lập mới", "Doanh nghiệp", n(320), n(298), n(341), n(365), n(402)],
          ],
        },
      ]);
      expect(result.indicators.map((i) => [i.row, i.parentRow, i.breakdown, i.breakdownInferred])).toEqual([
        [3, null, null, false],
        [4, 3, "exhaustive", true],
        [5, 3, "exhaustive", true],
        [6, 3, "exhaustive", true],
        [7, null, null, false],
      ]);
      expect(ofRule(result, "component-total")).toEqual([{ rule: "component-total", severity: "warning", cell: "E3" }]);
      expect(errors(result)).toEqual([]);
    },
  );

  it.each(VARIANTS)(
    "15. Đạt / Không đạt in 'Ghi chú' is an evaluation; agency names under '… theo dõi, đánh giá' are not (%s)",
    async (v) => {
      const n = figureOf(v);
      const rows = (withNotes: boolean): Cell[][] => {
        const header: Cell[] = [
          "TT",
          "Chỉ tiêu",
          "ĐVT",
          "Kế hoạch năm 2024",
          "Ước thực hiện năm 2024",
          "Cơ quan chủ trì theo dõi, đánh giá",
        ];
        const body: Cell[][] = [
          [n(1), "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", n(2150), n(2284.6), "Sở Tài chính", "Vượt"],
          [n(2), "Tỷ lệ trường học đạt chuẩn quốc gia", "%", n(65), n(62.5), "Sở Giáo dục và Đào tạo", "Đạt"],
          [n(3), "Số lao động được tạo việc làm mới", "Người", n(3200), n(3350), "Sở Nội vụ", "Vượt"],
          [n(4), "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", n(93.5), n(93.1), "Bảo hiểm xã hội tỉnh", "Không đạt"],
        ];
        return [
          ["ĐÁNH GIÁ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2024"],
          withNotes ? [...header, "Ghi chú"] : header,
          ...body.map((r) => (withNotes ? r : r.slice(0, 6))),
        ];
      };
      const result = await check([
        { name: "Biểu 01", rows: rows(true) },
        { name: "Biểu 02", rows: rows(false) },
      ]);
      expect(named(result, "Tỷ lệ trường học đạt chuẩn quốc gia", "Biểu 01")).toMatchObject({
        evaluation: "Không đạt",
        stated: { evaluation: "Đạt" },
      });
      expect(ofRule(result, "stated-evaluation", "Biểu 01")).toEqual([{ rule: "stated-evaluation", severity: "error", cell: "G4" }]);

      expect(result.indicators.filter((i) => i.sheet === "Biểu 02").map((i) => i.stated.evaluation)).toEqual([null, null, null, null]);
      expect(ofRule(result, "stated-evaluation", "Biểu 02")).toEqual([]);
      // The sheet reports say what each column was read as: G on Biểu 01 holds the evaluations read above.
      expect(roles(sheetReport(result, "Biểu 02"))).toMatchObject({ D: "plan", E: "actual", F: "notes" });
      expect(roles(sheetReport(result, "Biểu 01"))).toMatchObject({ D: "plan", E: "actual", F: "notes", G: "evaluation" });
    },
  );

  it("16. sheets with no table say truthfully what they lack: words only, figures with no header, nothing", async () => {
    const result = await check([
      {
        name: "Ghi chú",
        rows: [
          ["Ghi chú:"],
          ["1. Số liệu năm 2023 là số sơ bộ, năm 2024 là số ước tính."],
          ["2. Nguồn: Chi cục Thống kê khu vực, tháng 12/2024."],
        ],
      },
      {
        name: "Số liệu thô",
        rows: [
          ["Giá trị sản xuất", 1250.4, 1380.2],
          ["Số hộ nghèo", 412, 365],
          ["Tỷ lệ che phủ rừng", 41.5, 42.3],
        ],
      },
      { name: "Trống", rows: [] },
      {
        name: "Biểu 01",
        rows: [
          ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện năm 2024"],
          [1, "Giá trị sản xuất nông nghiệp", "Tỷ đồng", 1400, 1380.2],
        ],
      },
    ]);
    expect(result.sheets.map((s) => [s.name, s.status])).toEqual([
      ["Ghi chú", "skipped"],
      ["Số liệu thô", "skipped"],
      ["Trống", "skipped"],
      ["Biểu 01", "indicators"],
    ]);
    const notes = sheetReport(result, "Ghi chú");
    expect(notes.reason).toMatch(/chỉ có chữ/);
    expect(notes.reasonEn).toMatch(/text but no figures/);
    const raw = sheetReport(result, "Số liệu thô");
    expect(raw.reason).toMatch(/có số liệu nhưng không có dòng tiêu đề/);
    expect(raw.reasonEn).toMatch(/no header row/);
    const empty = sheetReport(result, "Trống");
    expect(empty.reason).toMatch(/trống/);
    expect(empty.reasonEn).toMatch(/empty/);
    expect(result.indicators.map((i) => i.sheet)).toEqual(["Biểu 01"]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("random published-looking tables", () => {
  const year = fc.integer({ min: 2015, max: 2026 });
  const strip = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D");
  /** A wording, with or without diacritics, in its case or upper case. */
  const spelled = (wordings: Array<(y: number) => string>) =>
    fc.tuple(fc.constantFrom(...wordings), year, fc.boolean(), fc.boolean()).map(([w, y, plain, upper]) => {
      const text = plain ? strip(w(y)) : w(y);
      return upper ? text.toUpperCase() : text;
    });
  /** A header over figures: plan, actual, previous, a year, a comparison, an evaluation or an agency, or none. */
  const figureHeader: fc.Arbitrary<Cell> = fc.oneof(
    spelled([(y) => `Kế hoạch năm ${y}`, (y) => `KH ${y}`, () => "Nghị quyết HĐND", () => "Mục tiêu năm", (y) => `Dự toán ${y}`]),
    spelled([
      (y) => `Thực hiện năm ${y}`,
      (y) => `Ước TH năm ${y}`,
      (y) => `TH 9T/${y}`,
      () => "Kết quả",
      (y) => `Cộng dồn 6 tháng năm ${y}`,
    ]),
    spelled([(y) => `Cùng kỳ năm ${y}`, (y) => `CK 6T/${y}`, (y) => `Thực hiện tháng 5 năm ${y}`]),
    spelled([(y) => String(y), (y) => `Sơ bộ ${y}`, (y) => `Năm ${y}`, (y) => `Ước tính ${y}`]),
    year.map((y): Cell => y),
    spelled([
      () => "TH/KH (%)",
      () => "So sánh (%)",
      (y) => `${y}/${y - 1} (%)`,
      () => "So với cùng kỳ (%)",
      () => "Thực hiện so nghị quyết",
      (y) => `Tháng 6/${y} so với cùng kỳ năm trước (%)`,
    ]),
    spelled([() => "Đánh giá", () => "Ghi chú", () => "Cơ quan chủ trì theo dõi, đánh giá", () => "Đơn vị thực hiện"]),
    fc.constant<Cell>(null),
  );
  const labelHeader = (wordings: string[]): fc.Arbitrary<Cell> => fc.oneof(spelled(wordings.map((w) => () => w)), fc.constant<Cell>(null));
  const header: fc.Arbitrary<Cell> = fc.oneof(figureHeader, labelHeader(["STT", "Chỉ tiêu", "Chỉ tiêu chủ yếu", "ĐVT", "Đơn vị tính"]));
  const figureText = fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((x) => viText(Math.round(x * 100) / 100));
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1000, max: 100000 }),
    figureText,
    fc.constantFrom<Cell>(
      "5 - 6",
      "Dưới 3%",
      "Trên 90",
      "Khoảng 24",
      "< 9,5\n<12,0",
      "9,1\n12,3",
      "575 (tăng 15%)",
      "136 tỷ",
      "0.00",
      "0",
      "Vượt 12,5%",
      "Đạt",
      "Không đạt",
      "Nhập siêu",
      "#DIV/0!",
      "-",
      "Sở Tài chính",
      "%",
      "Tỷ đồng",
      "Trong đó:",
      "Phân theo giới tính",
      "1. Dân số\nPhân theo giới tính\n Nam\n Nữ",
      "1000\n\n480\n520",
      "Tỷ lệ trẻ em thấp còi:\n-Theo tuổi (%)\n-Theo giới (%)",
      "I",
      "- Dịch vụ (%)",
      "Đơn vị tính: Tỷ đồng",
      "Tháng trước = 100",
      "",
    ),
    fc.constant<Cell>(null),
  );
  const title = fc.oneof(
    fc.constant<Cell[]>([]),
    year.map((y): Cell[] => [`KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ĐẾN THÁNG 9/${y}`]),
    year.map((y): Cell[] => [`(Kèm theo báo cáo số 12/BC-UBND ngày 05/12/${y})`]),
    fc.constant<Cell[]>(["Chỉ số giá tiêu dùng (%)"]),
  );

  const name: fc.Arbitrary<Cell> = fc.oneof(
    fc.constantFrom<Cell>(
      "Tổng thu ngân sách trên địa bàn",
      "Tỷ lệ hộ nghèo đa chiều",
      "Tốc độ tăng GRDP (%)",
      "- Nông nghiệp (%)",
      "Trong đó: Thu nội địa",
      "Trong đó:",
      "Chia ra:",
      "Phân theo giới tính",
      "I. Kinh tế",
      "A. Theo khu vực",
      "Tháng 3",
      "Quý II",
      "Tháng trước = 100",
      "Đơn vị tính: Tỷ đồng",
      "1. Dân số trung bình\nPhân theo giới tính\n   Nam\n   Nữ",
      "GRDP\n(Giá hiện hành)\nTrong đó:\n- Dịch vụ",
      "Tỷ lệ trẻ em thấp còi:\n-Theo tuổi (%)\n-Theo giới (%)",
      "Ghi chú: số ước thực hiện",
      "Số xã đạt chuẩn nông thôn mới",
    ),
    fc.string({ maxLength: 12 }),
    fc.constant<Cell>(null),
  );
  const unit: fc.Arbitrary<Cell> = fc.constantFrom<Cell>("Tỷ đồng", "%", "‰", "Người", "xã", "HTX", "Triệu đồng", "", null, "1000\n\n480");
  const order: fc.Arbitrary<Cell> = fc.constantFrom<Cell>("1", "I", "-", "a", "2.1", null, 3);
  /** A table: title, header (order, indicator, unit, figure columns) and rows in the same columns. */
  const structured = fc
    .record({
      title,
      withOrder: fc.boolean(),
      indicatorHeader: labelHeader(["Chỉ tiêu", "Chỉ tiêu chủ yếu", "Nội dung"]),
      withUnit: fc.boolean(),
      figures: fc.array(figureHeader, { minLength: 1, maxLength: 6 }),
      rows: fc.array(fc.tuple(order, name, unit, fc.array(cell, { minLength: 0, maxLength: 7 })), { minLength: 1, maxLength: 12 }),
    })
    .map(({ title: t, withOrder, indicatorHeader, withUnit, figures, rows }): Cell[][] => {
      const head: Cell[] = [...(withOrder ? ["STT"] : []), indicatorHeader, ...(withUnit ? ["ĐVT"] : []), ...figures];
      const body = rows.map(([o, n, u, cells]): Cell[] => [...(withOrder ? [o] : []), n, ...(withUnit ? [u] : []), ...cells]);
      return [...(t.length > 0 ? [t] : []), head, ...body];
    });
  /** Anything: a header row of any wordings over rows of any cells. */
  const chaotic = fc
    .tuple(
      title,
      fc.array(header, { minLength: 2, maxLength: 7 }),
      fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 10 }),
    )
    .map(([t, head, rows]): Cell[][] => [...(t.length > 0 ? [t] : []), head, ...rows]);

  const finiteOrNull = (x: number | null | undefined) => x === null || x === undefined || Number.isFinite(x);

  it("17. never throw, and every number an indicator or finding carries is finite or null", async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: structured, weight: 4 }, { arbitrary: chaotic, weight: 1 }), async (rows) => {
        const result = await check([{ name: "Ngẫu nhiên", rows }]);
        if (result.indicators.length > 0) read++;
        for (const ind of result.indicators) {
          for (const x of numbersOf(ind)) expect(finiteOrNull(x)).toBe(true);
        }
        for (const f of result.findings) {
          for (const x of [f.expected, f.actual, f.imbalance]) expect(finiteOrNull(x)).toBe(true);
          expect(parseAddress(f.cell)).not.toBeNull();
        }
      }),
      { numRuns: 150 },
    );
    // The property says something only if many of the random tables are read as tables.
    expect(read).toBeGreaterThan(40);
  });
});
