// A user template sheet as an official would make one: placeholders, a repeated row with its own
// formulas (one an array formula as Excel 365 writes them, one naming its own sheet), a total below
// it, merges, a bold header, an italic column and a conditional format.
import type ExcelJS from "exceljs";

export function addTemplate(wb: ExcelJS.Workbook, name = "Mẫu"): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = "BÁO CÁO {{period}} NĂM {{year}}";
  ws.mergeCells("A1:F1");
  ws.getRow(3).values = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện", "TH/KH (%)", "Gấp đôi"];
  ws.getRow(3).font = { bold: true };
  ws.getRow(4).values = ["{{each Kinh tế}}", "{{@ | name}}", "{{@ | unit}}", "{{@ | actual | #,##0.0}}", "{{@ | planPercent | 0.0}}"];
  ws.getCell("F4").value = { formula: "D4*2" } as ExcelJS.CellFormulaValue;
  ws.getCell("G4").value = { formula: "D4*3", shareType: "array", ref: "G4" } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell("H4").value = { formula: `'${name}'!D4+1` } as ExcelJS.CellFormulaValue;
  ws.getCell("B4").font = { italic: true };
  ws.getCell("A5").value = "Tổng";
  ws.mergeCells("A5:C5");
  ws.getCell("D5").value = { formula: "SUM(D4:D4)" } as ExcelJS.CellFormulaValue;
  ws.getCell("A6").value = "Thu ngân sách đạt {{Thu ngân sách nhà nước trên địa bàn | planPercent | 0.0}}% kế hoạch năm {{year}}.";
  ws.getCell("A7").value = "{{Tỷ lệ che phủ rừng | sentence}}";
  ws.addConditionalFormatting({
    ref: "E4:E4",
    rules: [{ type: "cellIs", operator: "lessThan", formulae: ["50"], priority: 1, style: { font: { color: { argb: "FFC00000" } } } }],
  });
  return ws;
}
