// A table laid across: years (or periods) down the first column and indicators along the top
// ("Năm | GRDP (tỷ đồng) | Dân số (người)" over "2019 | … ", "2020 | …"). It is read by turning it
// a quarter, so that each indicator is a row again, and every address is then turned back.

import type { Indicator } from "../model/indicator";
import { address, cellText, isBlank, parseAddress, type CellValue, type SheetSnapshot } from "../model/snapshot";
import { fold } from "../model/text";

/** A year in a cell as a table down the rows writes it: 2019, "2019", "Năm 2019", "Sơ bộ 2023". */
function isYearCell(v: CellValue | undefined): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1980 && v <= 2100;
  return (
    typeof v === "string" &&
    /\d{4}\s*$/.test(v) &&
    /^((nam|so bo|uoc tinh|uoc|chinh thuc)\s*[-–]?\s*)?(19[89]\d|20\d\d|2100)$/.test(fold(v).trim())
  );
}

export interface TurnedTable {
  /** The table turned: indicators in rows, years in columns, the title above in row 0. */
  sheet: SheetSnapshot;
  /** The original 0-based row and column of a turned cell. */
  back(row: number, col: number): { row: number; col: number };
}

const SCAN = 40;

/**
 * The table turned a quarter when a sheet is laid across: a column with three or more years in
 * consecutive rows, under a row naming two or more indicators; null otherwise.
 */
export function turnedTable(sheet: SheetSnapshot): TurnedTable | null {
  const rows = sheet.values;
  for (let r = 1; r < Math.min(rows.length, SCAN); r++) {
    for (let c = 0; c < Math.min(rows[r]?.length ?? 0, 4); c++) {
      let n = 0;
      while (r + n < rows.length && isYearCell(rows[r + n]?.[c])) n++;
      if (n < 3) continue;
      const header = r - 1;
      const labels = (rows[header] ?? []).filter((v, col) => col !== c && typeof v === "string" && /\p{L}/u.test(v)).length;
      if (labels < 2) continue;
      return turn(sheet, header, c);
    }
  }
  return null;
}

function turn(sheet: SheetSnapshot, header: number, labelCol: number): TurnedTable {
  const rows = sheet.values;
  let end = header + 1;
  while (end < rows.length && !isBlank(rows[end]?.[labelCol])) end++;
  const width = Math.max(...rows.slice(header, end).map((row) => row?.length ?? 0));
  const title = rows
    .slice(0, header)
    .flatMap((row) => (row ?? []).filter((v) => typeof v === "string" && v.trim() !== "").map((v) => cellText(v)))
    .join(" | ");
  // Turned row 0 holds the title; turned row 1 + k is original column labelCol + k, turned column j is original row header + j.
  const values: CellValue[][] = [[title || null]];
  const formats: (string | null | undefined)[][] = [[]];
  for (let k = 0; labelCol + k < width; k++) {
    const col = labelCol + k;
    values.push(rows.slice(header, end).map((row) => row?.[col] ?? null));
    formats.push(sheet.numberFormats ? sheet.numberFormats.slice(header, end).map((row) => row?.[col]) : []);
  }
  return {
    sheet: { name: sheet.name, values, numberFormats: formats, merges: [] },
    back: (row, col) => ({ row: header + col, col: labelCol + row - 1 }),
  };
}

/** An address of the turned table as the official sees it in the sheet. */
export function turnedAddress(t: TurnedTable, a1: string): string {
  return backAddress(t, a1);
}

function backAddress(t: TurnedTable, a1: string): string {
  const at = parseAddress(a1);
  if (!at) return a1;
  const o = t.back(at.row, at.col);
  return address(o.row, o.col);
}

/**
 * Turns an indicator read from the turned table back: its cells are where the official sees them,
 * and its row (and its parent's) is the 1-based number of the column it runs down.
 */
export function turnBack(t: TurnedTable, ind: Indicator): void {
  const column = (row: number) => t.back(row - 1, 0).col + 1;
  ind.row = column(ind.row);
  if (ind.parentRow !== null) ind.parentRow = column(ind.parentRow);
  const cells = ind.cells;
  const back = (a1: string | null) => (a1 === null ? null : backAddress(t, a1));
  ind.cells = {
    name: backAddress(t, cells.name),
    unit: backAddress(t, cells.unit),
    plan: back(cells.plan),
    actual: back(cells.actual),
    previous: back(cells.previous),
    statedPlanPercent: back(cells.statedPlanPercent),
    statedPrevious: back(cells.statedPrevious),
    evaluation: back(cells.evaluation),
  };
  if (ind.series) ind.series = ind.series.map((p) => ({ ...p, cell: backAddress(t, p.cell) }));
  ind.textNumbers = ind.textNumbers.map((c) => backAddress(t, c));
}
