// Consolidation: twenty communes into the province's table. Flows and stocks summed, the poverty
// rate weighted by households (and refused without weights), a growth rate never summed; a
// commune missing a figure, and a table figure that is not the total, are found.
import { checkWorkbook } from "../../src/core/check";
import type { ComparedReport } from "../../src/core/compare";
import { checkConsolidated, consolidate, isConsolidated, otherPeriods } from "../../src/core/fill/consolidate";
import type { CellValue, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { communeFigures, communeRows, provinceRows } from "../helpers/communes";
import { sheet } from "../helpers/grid";

function report(file: string, snapshot: WorkbookSnapshot, blankForm = false): ComparedReport {
  return { file, snapshot, analysis: checkWorkbook(snapshot, { blankForm }) };
}

const communes = Array.from({ length: 20 }, (_, i) => report(`xa-${i + 1}.xlsx`, { sheets: [sheet("Biểu", communeRows(i + 1))] }));
// The province's table is a blank form: its header is found by the indicators named below it.
const province = () => report("tinh.xlsx", { sheets: [sheet("Biểu 01", provinceRows())] }, true);
const figuresOf = Array.from({ length: 20 }, (_, i) => communeFigures(i + 1));
const sum = (pick: (n: number) => number) => figuresOf.reduce((t, _, i) => t + pick(i), 0);

describe("twenty communes into the province's table", () => {
  test("flows and stocks are summed into formulas over the trace sheet, each source traced", () => {
    const result = consolidate(province(), communes);
    const actual = result.figures.find((f) => f.name === "Giá trị sản xuất công nghiệp" && f.field === "actual");
    expect(actual).toMatchObject({ cell: "F4", method: "sum", written: true, missing: [] });
    expect(actual?.value).toBeCloseTo(
      sum((i) => figuresOf[i].actual.industry),
      6,
    );
    expect(actual?.sources).toHaveLength(20);
    expect(actual?.sources[0]).toEqual({ file: "xa-1.xlsx", sheet: "Biểu", cell: "F4", value: figuresOf[0].actual.industry });
    const write = result.plan.writes?.[0].cells.find((c) => c.address === "F4");
    expect(write?.formula).toMatch(/^SUM\('Nguồn tổng hợp'!H\d+:H\d+\)$/);
    const [from, to] = (write?.formula?.match(/H(\d+):H(\d+)/) ?? []).slice(1).map(Number);
    expect(to - from + 1).toBe(20);
    // The trace sheet's rows name each commune's file and cell, as text.
    const trace = result.plan.sheets[0];
    expect(trace.name).toBe("Nguồn tổng hợp");
    expect(trace.cells.find((c) => c.address === `E${from}`)?.value).toBe("xa-1.xlsx");
    expect(trace.cells.find((c) => c.address === `G${from}`)?.value).toBe("F4");
    // The table as written reads back with the totals, and the checks run on it.
    const read = checkWorkbook(result.snapshot).indicators.find((i) => i.name === "Giá trị sản xuất công nghiệp");
    expect(read?.actual).toBeCloseTo(actual?.value as number, 6);
    expect(read?.previous).toBeCloseTo(
      sum((i) => figuresOf[i].previous.industry),
      6,
    );
  });

  test("the poverty rate is weighted by households, never averaged; without weights it is refused and listed", () => {
    const weighted = consolidate(province(), communes, { weights: { "Tỷ lệ hộ nghèo": "Số hộ dân cư" } });
    const rate = weighted.figures.find((f) => f.name === "Tỷ lệ hộ nghèo" && f.field === "actual");
    const households = sum((i) => figuresOf[i].actual.households);
    const expected = sum((i) => figuresOf[i].actual.poverty * figuresOf[i].actual.households) / households;
    const plainMean = sum((i) => figuresOf[i].actual.poverty) / 20;
    expect(rate?.method).toBe("weighted");
    expect(rate?.value).toBeCloseTo(expected, 9);
    expect(Math.abs(expected - plainMean)).toBeGreaterThan(0.01);
    expect(weighted.plan.writes?.[0].cells.find((c) => c.address === rate?.cell)?.formula).toMatch(
      /^SUMPRODUCT\('Nguồn tổng hợp'!H\d+:H\d+,'Nguồn tổng hợp'!I\d+:I\d+\)\/SUM\('Nguồn tổng hợp'!I\d+:I\d+\)$/,
    );
    const refused = consolidate(province(), communes);
    expect(refused.figures.some((f) => f.name === "Tỷ lệ hộ nghèo")).toBe(false);
    expect(refused.findings.filter((f) => f.rule === "consolidation-refused").map((f) => [f.places[0].cell, f.message])).toEqual([
      ["F7", expect.stringContaining("Tỷ lệ hộ nghèo (%) là tỷ lệ hoặc số bình quân: không tổng hợp vì chưa có trọng số")],
      ["F8", expect.stringContaining("Tốc độ tăng trưởng kinh tế (%) là tốc độ tăng hoặc chỉ số: tính lại từ các số đã tổng hợp")],
    ]);
  });

  test("a commune missing a figure, and a table figure that is not the total, are found; the table's figure is kept", () => {
    const gap = communeFigures(3);
    gap.actual.budget = null;
    const units = communes.map((c, i) => (i === 2 ? report("xa-3.xlsx", { sheets: [sheet("Biểu", communeRows(3, gap))] }) : c));
    const table = province();
    table.snapshot.sheets[0].values[3][3] = 1234.5;
    const result = consolidate(report("tinh.xlsx", table.snapshot, true), units);
    const budget = result.figures.find((f) => f.name === "Thu ngân sách nhà nước trên địa bàn" && f.field === "actual");
    expect([budget?.missing, budget?.sources.length]).toEqual([["xa-3.xlsx"], 19]);
    const plan = result.figures.find((f) => f.name === "Giá trị sản xuất công nghiệp" && f.field === "plan");
    expect(plan?.written).toBe(false);
    expect(result.plan.writes?.[0].cells.some((c) => c.address === "D4")).toBe(false);
    expect(
      result.findings.filter((f) => f.rule !== "consolidation-refused").map((f) => [f.rule, f.places[0].cell, f.places.length]),
    ).toEqual([
      ["consolidated-differs", "D4", 21],
      ["consolidation-missing", "F5", 20],
    ]);
  });

  test("a clean consolidation gives no finding but the rates it cannot sum", () => {
    const result = consolidate(province(), communes, { weights: { "Tỷ lệ hộ nghèo": "Số hộ dân cư" } });
    expect(result.findings.map((f) => [f.rule, f.places[0].cell])).toEqual([["consolidation-refused", "F8"]]);
  });
});

describe("what a consolidation must not do", () => {
  test("the table's own formulas are kept: not written over, not taken as stated figures, not checked", () => {
    const table = province();
    const form = table.snapshot.sheets[0];
    // F4 holds the user's formula, its cached result 0 from before any figure was there.
    form.values[3][5] = 0;
    form.formulas = ["F4"];
    const result = consolidate(report("tinh.xlsx", table.snapshot, true), communes);
    expect(result.plan.writes?.[0].cells.some((c) => c.address === "F4")).toBe(false);
    expect(result.figures.some((f) => f.cell === "F4")).toBe(false);
    expect(result.findings.filter((f) => f.rule === "consolidated-differs")).toEqual([]);
    expect(result.formulaCells).toEqual(["Biểu 01!F4"]);
    expect(checkConsolidated(result).filter((f) => f.cell === "F4")).toEqual([]);
  });

  test("an average the catalogue does not know is not summed, and a repeated sub-item is matched under its own total", () => {
    const rows = (figures: [number, number, number, number, number] | null): CellValue[][] => {
      const f = figures ?? [null, null, null, null, null];
      return [
        ["MỘT SỐ CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026"],
        [],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện 6 tháng đầu năm 2026"],
        ["1", "Tuổi thọ trung bình", "Năm", f[0]],
        ["2", "Vốn đầu tư phát triển", "Tỷ đồng", f[1]],
        [null, "Trong đó:"],
        ["-", "Khu vực nhà nước", "Tỷ đồng", f[2]],
        ["3", "Doanh thu bán lẻ hàng hoá", "Tỷ đồng", f[3]],
        [null, "Trong đó:"],
        ["-", "Khu vực nhà nước", "Tỷ đồng", f[4]],
      ];
    };
    const units = [1, 2, 3].map((n) =>
      report(`xa-${n}.xlsx`, { sheets: [sheet("Biểu", rows([73 + n / 10, 100 * n, 40 * n, 200 * n, 30 * n]))] }),
    );
    const result = consolidate(report("tinh.xlsx", { sheets: [sheet("Biểu", rows(null))] }, true), units);
    expect(result.figures.map((f) => [f.name, f.cell, f.value])).toEqual([
      ["Vốn đầu tư phát triển", "D5", 600],
      ["Khu vực nhà nước", "D7", 240],
      ["Doanh thu bán lẻ hàng hoá", "D8", 1200],
      ["Khu vực nhà nước", "D10", 180],
    ]);
    expect(result.findings.map((f) => [f.rule, f.places[0].cell])).toEqual([["consolidation-refused", "D4"]]);
  });

  test("totals show as many decimals as their sources; reports of another period are found before anything is summed", () => {
    const result = consolidate(province(), communes);
    const budget = result.plan.writes?.[0].cells.find((c) => c.address === "F5");
    expect(budget?.style?.numberFormat).toBe("#,##0.0");
    const nine = report("xa-9t.xlsx", {
      sheets: [
        sheet(
          "Biểu",
          communeRows(1).map((r) =>
            r.map((v) => (typeof v === "string" ? v.replace("6 THÁNG", "9 THÁNG").replace("6 tháng", "9 tháng") : v)),
          ),
        ),
      ],
    });
    expect(otherPeriods(province(), [...communes.slice(0, 2), nine])).toEqual([{ file: "xa-9t.xlsx", period: "9 tháng 2026" }]);
  });
});

describe("what a consolidation must not do", () => {
  const weights = { "Tỷ lệ hộ nghèo": "Số hộ dân cư" };

  test("a commune counting households in thousands weighs nothing: it is listed as missing, not mixed in", () => {
    const rows = communeRows(2);
    rows[5] = ["3", "Số hộ dân cư", "Nghìn hộ", ...(rows[5].slice(3) as number[]).map((h) => h / 1000)];
    const units = communes.map((c, i) => (i === 1 ? report("xa-2.xlsx", { sheets: [sheet("Biểu", rows)] }) : c));
    const rate = consolidate(province(), units, { weights }).figures.find((f) => f.name === "Tỷ lệ hộ nghèo" && f.field === "actual");
    const others = figuresOf.filter((_, i) => i !== 1);
    const households = others.reduce((t, f) => t + f.actual.households, 0);
    expect(rate?.missing).toEqual(["xa-2.xlsx"]);
    expect(rate?.value).toBeCloseTo(others.reduce((t, f) => t + f.actual.poverty * f.actual.households, 0) / households, 9);
  });

  test("a weight no report has is said, not passed over", () => {
    const result = consolidate(province(), communes, { weights: { "Tỷ lệ hộ nghèo": "Số hộ" } });
    expect(result.figures.some((f) => f.name === "Tỷ lệ hộ nghèo")).toBe(false);
    expect(result.findings.filter((f) => f.rule === "consolidation-refused").map((f) => f.message)).toContainEqual(
      expect.stringContaining("Tỷ lệ hộ nghèo (%): không báo cáo nào có chỉ tiêu trọng số “Số hộ”"),
    );
  });

  test("a dash the official typed in the table is kept and said, never counted as a figure kept", () => {
    const table = province();
    table.snapshot.sheets[0].values[3][5] = "-";
    const result = consolidate(report("tinh.xlsx", table.snapshot, true), communes);
    const industry = result.figures.find((f) => f.name === "Giá trị sản xuất công nghiệp" && f.field === "actual");
    expect(industry).toMatchObject({ cell: "F4", written: false, occupied: true });
    expect(result.plan.writes?.[0].cells.some((c) => c.address === "F4")).toBe(false);
    expect(result.findings.find((f) => f.places[0].cell === "F4")?.message).toContain(
      "ô F4 của tinh.xlsx đã ghi “-”, chitieu không ghi đè",
    );
  });

  test("a figure per worker or per hundred inhabitants is never summed", () => {
    const rows = (f: number[] | null): CellValue[][] => [
      ["MỘT SỐ CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026"],
      [],
      ["STT", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện 6 tháng đầu năm 2026"],
      ["1", "Giá trị sản xuất trên 1 lao động", "Triệu đồng", f?.[0] ?? null],
      ["2", "Số thuê bao internet trên 100 dân", "Thuê bao", f?.[1] ?? null],
    ];
    const units = [1, 2, 3].map((n) => report(`xa-${n}.xlsx`, { sheets: [sheet("Biểu", rows([80 + n, 30 + n]))] }));
    const result = consolidate(report("tinh.xlsx", { sheets: [sheet("Biểu", rows(null))] }, true), units);
    expect(result.figures).toEqual([]);
    expect(result.findings.map((f) => [f.rule, f.places[0].cell])).toEqual([
      ["consolidation-refused", "D4"],
      ["consolidation-refused", "D5"],
    ]);
  });

  test("a consolidated workbook is known by its trace sheet, renamed or not", () => {
    const written = consolidate(province(), communes);
    const trace = written.plan.sheets[0];
    const values: CellValue[][] = [];
    for (const c of trace.cells) {
      const at = /^([A-J])(\d+)$/.exec(c.address) as RegExpExecArray;
      (values[Number(at[2]) - 1] ??= [])["ABCDEFGHIJ".indexOf(at[1])] = (c.value ?? null) as CellValue;
    }
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    expect(isConsolidated({ sheets: [...province().snapshot.sheets, sheet("Sheet3", values)] })).toBe(true);
    expect(isConsolidated(province().snapshot)).toBe(false);
  });
});
