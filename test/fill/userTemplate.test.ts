import { checkWorkbook } from "../../src/core/check";
import { fillTemplate, type SheetPlan } from "../../src/core/fill";
import type { CellValue } from "../../src/core/model/snapshot";
import { sheet } from "../helpers/grid";
import { partYear } from "./narrativeCases";

function fill(rows: CellValue[][]) {
  const workbook = { sheets: [partYear(), sheet("Mẫu", rows)] };
  const analysis = checkWorkbook(workbook);
  return fillTemplate(workbook, analysis, { sheet: workbook.sheets[1], from: "workbook" });
}

describe("user templates in the core", () => {
  test("an indicator by its name, a catalogue alias or a catalogue code gives the same live formula", () => {
    const result = fill([
      [
        "{{Giá trị sản xuất công nghiệp | actual}}",
        "{{giá trị SXCN | actual}}",
        "{{industry-output | actual}}",
        "{{Tỷ lệ độ che phủ rừng | changePoints}}",
      ],
    ]);
    const cells = (result.plan as { sheets: SheetPlan[] }).sheets[0].cells;
    expect(cells.slice(0, 3).map((c) => c.formula)).toEqual(["'Biểu 01'!F4", "'Biểu 01'!F4", "'Biểu 01'!F4"]);
    expect(cells[3]).toMatchObject({
      address: "D1",
      formula: `IFERROR(IF(AND(ISNUMBER('Biểu 01'!F6),ISNUMBER('Biểu 01'!E6)),'Biểu 01'!F6-'Biểu 01'!E6,"-"),"-")`,
    });
    expect(cells[3].value).toBeCloseTo(0.2, 9);
  });

  test("the copy records the repeated rows and where every filled cell lands", () => {
    const result = fill([["Tiêu đề {{year}}"], ["{{each *}}", "{{@ | name}}", "{{@ | growthPercent | 0.0}}"], ["Tổng"]]);
    const plan = (result.plan as { sheets: SheetPlan[] }).sheets[0];
    expect(plan.name).toBe("Mẫu 6T-2020");
    expect(plan.copy).toEqual({ from: "workbook", sheet: "Mẫu", repeats: [{ row: 2, times: 4 }] });
    expect(plan.cells.find((c) => c.address === "A1")?.value).toBe("Tiêu đề 2020");
    expect(plan.cells.filter((c) => c.address.startsWith("B")).map((c) => [c.address, c.value])).toEqual([
      ["B2", "Giá trị sản xuất công nghiệp"],
      ["B3", "Thu ngân sách nhà nước trên địa bàn"],
      ["B4", "Tỷ lệ che phủ rừng"],
      ["B5", "Chỉ số sản xuất công nghiệp (IIP)"],
    ]);
    expect(plan.cells.find((c) => c.address === "C2")).toMatchObject({ style: { numberFormat: "0.0" } });
    // The marker goes below the expanded template.
    expect(plan.cells[plan.cells.length - 1]).toMatchObject({ address: "A8" });
  });

  test("the marker goes below a template formula that has no result stored yet", () => {
    const rows = [["Tiêu đề {{year}}"], ["{{each *}}", "{{@ | name}}"], ["Tổng"]];
    const template = { ...sheet("Mẫu", rows), formulas: ["A5"] };
    const workbook = { sheets: [partYear(), template] };
    const plan = (fillTemplate(workbook, checkWorkbook(workbook), { sheet: template, from: "workbook" }).plan as { sheets: SheetPlan[] })
      .sheets[0];
    // Row 5 (the formula) moves to row 8 below the four copies: the marker two rows further.
    expect(plan.cells[plan.cells.length - 1]).toMatchObject({ address: "A10" });
  });

  test("an indicator found on several sheets must be named with its sheet", () => {
    const workbook = {
      sheets: [
        partYear(),
        { ...partYear(), name: "Biểu 02" },
        sheet("Mẫu", [["{{Khách du lịch | actual}}", "{{Tỷ lệ che phủ rừng | actual}}", "{{'Biểu 02'!Tỷ lệ che phủ rừng | actual}}"]]),
      ],
    };
    const result = fillTemplate(workbook, checkWorkbook(workbook), { sheet: workbook.sheets[2], from: "workbook" });
    expect(result.problems.map((p) => [p.cell, p.id])).toEqual([
      ["A1", "unknown-indicator"],
      ["B1", "ambiguous-indicator"],
    ]);
    expect(result.plan).toBeNull();
  });
});
