// Temporary folders and real .xlsx files written by ExcelJS for tests.
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export function tempDir(prefix = "chitieu-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function writeXlsx(workbook: ExcelJS.Workbook, dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A sheet from rows of values, with merges given as A1 ranges and optional number formats by address. */
export function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: unknown[][],
  merges: string[] = [],
  formats: Record<string, string> = {},
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name);
  rows.forEach((values, r) =>
    values.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
  for (const m of merges) ws.mergeCells(m);
  for (const [at, fmt] of Object.entries(formats)) ws.getCell(at).numFmt = fmt;
  return ws;
}
