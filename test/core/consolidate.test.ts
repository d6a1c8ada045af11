// Consolidation: twenty communes into the province's table. Flows and stocks summed, the poverty
// rate weighted by households (and refused without weights), a growth rate never summed; a
// commune missing a figure, and a table figure that is not the total, are found.
import { checkWorkbook } from "../../src/core/check";
import type { ComparedReport } from "../../src/core/compare";
import { consolidate } from "../../src/core/fill/consolidate";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
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
      ["F7", expect.stringContaining("Tỷ lệ hộ nghèo (%) là một tỷ lệ: không tổng hợp vì chưa có trọng số")],
      ["F8", expect.stringContaining("Tốc độ tăng trưởng kinh tế (%) là một tốc độ tăng: tính lại từ các số đã tổng hợp")],
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
