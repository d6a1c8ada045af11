// The plain workbook snapshot every host produces: the core's only input. No Office, DOM or
// Node types: a 2-D array of raw values per sheet, the number formats that change a value's
// meaning (percent), and the merged areas.

/** An Excel error value such as #DIV/0! or #N/A. */
export interface CellError {
  error: string;
}

/** A raw cell value: numbers as numbers, text as text, formulas by their cached result. */
export type CellValue = number | string | boolean | CellError | null;

/** A rectangular area, 0-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** Row-major values; rows may be ragged and shorter than the sheet. Index 0 is worksheet row 1. */
  values: CellValue[][];
  /** Number formats parallel to values, where known ("0.0%", "#,##0"); missing means General. */
  numberFormats?: (string | null | undefined)[][];
  merges: Area[];
  hidden?: boolean;
  /** A1 addresses of the cells holding a formula (their values are its results as last calculated), where known. */
  formulas?: string[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** The names of the sheets that hold no cells (chart sheets, macro sheets): no new sheet may take them. */
  otherSheets?: string[];
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && typeof (value as CellError).error === "string";
}

/** Column index (0-based) to letters: 0 → A, 27 → AB. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address from 0-based row and column. */
export function address(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** 0-based row and column of an A1 address ("$B$12" too); null when it is not one. */
export function parseAddress(a1: string): { row: number; col: number } | null {
  let i = 0;
  const n = a1.length;
  if (a1.charCodeAt(i) === 36) i++;
  let col = 0;
  let letters = 0;
  for (; i < n; i++) {
    let code = a1.charCodeAt(i);
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
    letters++;
  }
  if (letters === 0 || letters > 3) return null;
  if (a1.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < n; i++) {
    const code = a1.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
    digits++;
  }
  if (digits === 0 || digits > 7 || row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

/** Text of a cell for reading labels: numbers and booleans as written, errors by their code. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value.error;
}

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
