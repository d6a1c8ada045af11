// Writes an indicator table the way provincial offices lay them out: title lines, a header
// block with merged cells, an optional column-number row, data rows, borders and widths.

import ExcelJS from "exceljs";

export type Cell = string | number | null;

export interface HeaderCell {
  /** A1 range for a merged header ("D6:D7") or a single address. */
  at: string;
  text: string;
}

export interface TableSpec {
  sheetName: string;
  /** Lines above the header, each merged across the table width. */
  titles: string[];
  /** First row of the header block (1-based). */
  headerRow: number;
  header: HeaderCell[];
  headerHeight: number;
  numberRow?: Cell[];
  rows: Cell[][];
  widths: number[];
  /** Number format per column (1-based index → format) for number cells; default #,##0(.0). */
  formats?: Record<number, string>;
  /** Rows (0-based within rows) that are group headings, shown in bold. */
  boldRows?: number[];
  notes?: string[];
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export function addTable(workbook: ExcelJS.Workbook, spec: TableSpec): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(spec.sheetName, { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = spec.widths.length;
  spec.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  spec.titles.forEach((title, i) => {
    const row = i + 1;
    if (!title) return;
    ws.mergeCells(row, 1, row, width);
    const cell = ws.getCell(row, 1);
    cell.value = title;
    cell.font = { name: "Times New Roman", size: i === 0 ? 13 : 12, bold: i === 0, italic: i > 0 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  for (const h of spec.header) {
    if (h.at.includes(":")) ws.mergeCells(h.at);
    const cell = ws.getCell(h.at.split(":")[0]);
    cell.value = h.text;
  }
  const headerEnd = spec.headerRow + spec.headerHeight - 1;
  for (let r = spec.headerRow; r <= headerEnd; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { name: "Times New Roman", size: 11, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = THIN;
    }
  }
  let next = headerEnd + 1;
  if (spec.numberRow) {
    spec.numberRow.forEach((v, i) => {
      const cell = ws.getCell(next, i + 1);
      cell.value = v;
      cell.font = { name: "Times New Roman", size: 10, italic: true };
      cell.alignment = { horizontal: "center" };
      cell.border = THIN;
    });
    next++;
  }
  ws.views = [{ state: "frozen", ySplit: next - 1, xSplit: 0 }];
  ws.pageSetup.printTitlesRow = `${spec.headerRow}:${next - 1}`;
  spec.rows.forEach((values, i) => {
    const r = next + i;
    for (let c = 1; c <= width; c++) {
      const v = values[c - 1] ?? null;
      const cell = ws.getCell(r, c);
      cell.value = v;
      cell.border = THIN;
      cell.font = { name: "Times New Roman", size: 11, bold: spec.boldRows?.includes(i) ?? false };
      if (typeof v === "number") cell.numFmt = spec.formats?.[c] ?? (Number.isInteger(v) ? "#,##0" : "#,##0.0");
      cell.alignment = typeof v === "string" && c > 2 ? { horizontal: "right", vertical: "middle" } : { vertical: "middle", wrapText: c === 2 };
    }
  });
  let r = next + spec.rows.length + 1;
  for (const note of spec.notes ?? []) {
    ws.getCell(r, 2).value = note;
    ws.getCell(r, 2).font = { name: "Times New Roman", size: 10, italic: true };
    r++;
  }
  return ws;
}

/** A workbook with fixed metadata, so regenerated samples differ only where their content does. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2020, 6, 1));
  workbook.creator = "chitieu";
  workbook.created = fixed;
  workbook.modified = fixed;
  return workbook;
}
