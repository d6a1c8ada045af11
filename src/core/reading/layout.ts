// Layout detection: where the title, the header block and the data are on a sheet, and what each
// column holds. Headers come in any order and wording, often two rows with merged cells
// ("So sánh (%)" over "Với KH | Với CK"), then a column-number row ("A | B | 1 | 2 | 5=4/3").
// The year in each header belongs to its column: the plan of the report year is the comparison
// plan, next year's plan column is not.

import type { ColumnInfo, ColumnRole, YearSource } from "../model/indicator";
import { detectPeriod, datedYears, type Period } from "../model/period";
import { address, cellText, isBlank, type CellValue, type SheetSnapshot } from "../model/snapshot";
import { fold, tidy } from "../model/text";

export interface HeaderBlock {
  /** 0-based rows of the header block. */
  rows: number[];
  /** 0-based row of the column-number row, if any. */
  numberRow: number | null;
  /** First 0-based row after the header (and the column-number row). */
  dataStart: number;
  /** Title text above the header (period, year, place). */
  title: string;
  /** The cells that hold the title text. */
  titleCells: Array<{ cell: string; text: string }>;
  columns: Array<{ col: number; header: string; headerCell: string }>;
  /** The unit a line above or under the header gives every row that has none ("Đơn vị tính: Tỷ đồng"). */
  unit: string | null;
}

const SCAN_ROWS = 40;
const MAX_HEADER_ROWS = 3;

const INDICATOR_HEADER = /\b(chi tieu|noi dung|ten chi tieu|danh muc|linh vuc|ten don vi)\b/;
// "STT", "TT", and the list artifact "1. STT" of a page copied into Excel.
const ORDER_HEADER = /^(\d{1,2}[.)]\s*)?(stt|tt|s\.?t\.?t\.?|so tt|so thu tu|thu tu)\.?$/;
const UNIT_HEADER = /^(don vi tinh|don vi|dvt|d\.v\.t\.?|dv tinh|dv)\b/;
const NOTES_HEADER = /\b(ghi chu|giai trinh)\b/;
// "Cơ quan chủ trì theo dõi, đánh giá": who follows the indicator up, not how it went.
const AGENCY_HEADER = /\b(co quan|don vi (chu tri|thuc hien|phu trach|theo doi)|chu tri|phu trach)\b/;
const EVALUATION_HEADER = /\b(danh gia|muc do hoan thanh|muc do dat|ket qua danh gia|xep loai)\b/;
// A slash compares ("TH/KH", "2021/TH 2020") unless it dates a period ("9T/2021", "6T/2019").
const COMPARING_SLASH =
  /\b(th|uth|uoc th|uoc|thuc hien|kh|ke hoach)\s*\/\s*(th|kh|ck|ke hoach|cung ky|du toan|cung ky nam truoc)\b|\d{4}\s*\/\s*[a-z]*\s*\d{4}/;
const COMPARISON_MARK =
  /(so sanh|so voi|\bvoi\b|%|\bty le (th|thuc hien|hoan thanh)\b|\bchi so\b|tang,? giam|tang \/ giam|\bso (ke hoach|kh|nghi quyet|nq|du toan|cung ky|ck|muc tieu|chi tieu)\b)/;
const PLAN_WORDS = /(ke hoach|\bkh\b|\bkhv\b|du toan|muc tieu|nghi quyet|\bnq\b|chi tieu giao|\bgiao\b)/;
const PREVIOUS_WORDS = /(cung ky|\bck\b|nam truoc|cung thoi ky)/;
// The period before the report's in a monthly table: kept for reference, never the actual.
const HISTORY_WORDS = /\b(thang truoc|ky truoc|quy truoc)\b/;
const ACTUAL_WORDS =
  /(thuc hien|\bth\b|\buoc\b|\buth\b|uoc th|luy ke|cong don|thuc te|\bket qua\b|so lieu|uoc tinh|du uoc|uoc dat|\bdat\b|tinh chung|\bso bo\b|chinh thuc)/;
const FIGURE_WORDS = new RegExp(`${PLAN_WORDS.source}|${PREVIOUS_WORDS.source}|${ACTUAL_WORDS.source}|so sanh`);
/** A column of one year's figures: "2019", "Năm 2020", "Sơ bộ 2023", "Sơ bộ - 2022", "Ước tính 2024". */
const BARE_YEAR =
  /^(?:(?:so bo|uoc tinh|uoc th|uoc thuc hien|uoc|chinh thuc|du kien|thuc hien|th)\s*[-–:]?\s*)?(?:nam\s*)?((?:19|20)\d\d)\s*(?:\([^)]*\))?$/;
/** A column named by its period alone: "Tháng 10/2023", "Quý II", "6 tháng". */
const PERIOD_ONLY = /^(thang \d{1,2}|quy [ivx\d]+|\d{1,2} thang( dau nam)?)\b[\s\d/.-]*(nam \d{4})?$/;
const NUMBER_ROW_TOKEN = /^\(?([a-z]|\d{1,2})\)?$|^\(?\d{1,2}\)?\s*=\s*[\d()\s/*x×:+\-.,]+$/;

interface LabelGrid {
  label(row: number, col: number): string;
  /** A1 address of the cell that holds the label at (row, col), merged areas included. */
  origin(row: number, col: number): string;
  /** Whether (row, col) lies inside a merged area that starts on an earlier row. */
  mergedFromAbove(row: number, col: number): boolean;
  width: number;
}

function labelGrid(sheet: SheetSnapshot, rowLimit: number): LabelGrid {
  const owner = new Map<number, { row: number; col: number }>();
  let width = 0;
  for (let r = 0; r < Math.min(rowLimit, sheet.values.length); r++) width = Math.max(width, sheet.values[r]?.length ?? 0);
  const key = (r: number, c: number) => r * 16384 + c;
  for (const m of sheet.merges) {
    if (m.top >= rowLimit) continue;
    width = Math.max(width, m.right + 1);
    for (let r = m.top; r <= Math.min(m.bottom, rowLimit - 1); r++) {
      for (let c = m.left; c <= Math.min(m.right, m.left + 256); c++) owner.set(key(r, c), { row: m.top, col: m.left });
    }
  }
  const at = (r: number, c: number) => owner.get(key(r, c)) ?? { row: r, col: c };
  return {
    width: Math.min(width, 256),
    label(r, c) {
      const o = at(r, c);
      return tidy(cellText(sheet.values[o.row]?.[o.col]));
    },
    origin(r, c) {
      const o = at(r, c);
      return address(o.row, o.col);
    },
    mergedFromAbove(r, c) {
      return at(r, c).row < r;
    },
  };
}

function isNumeric(value: CellValue | undefined): boolean {
  return typeof value === "number";
}

export const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "plan",
  "otherPlan",
  "actual",
  "yearEstimate",
  "previous",
  "history",
  "statedPlanPercent",
  "statedPrevious",
  "statedComparison",
]);

/** A figure as a data cell holds it: a number, or a text that starts with one ("1.235,6", "575 (tăng 15%)", "Trên 90"). */
function looksLikeFigure(v: CellValue | undefined): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  return typeof v === "string" && /^\s*([<>≤≥~+\-–]|tren|duoi|khoang|hon|gan)?\s*\d/.test(fold(v));
}

/**
 * How many rows below a candidate header look like data: a row with at least one figure under a
 * figure column. A header is only a header when data follows it.
 */
function dataRowsBelow(sheet: SheetSnapshot, row: number, figureCols: number[]): number {
  let rows = 0;
  const end = Math.min(sheet.values.length, row + 1 + 30);
  for (let r = row + 1; r < end; r++) {
    const values = sheet.values[r];
    if (values && figureCols.some((c) => looksLikeFigure(values[c]))) rows++;
  }
  return rows;
}

/** How many rows below a candidate header name something outside its figure columns. */
function namedRowsBelow(sheet: SheetSnapshot, row: number, figureCols: number[]): number {
  let rows = 0;
  const end = Math.min(sheet.values.length, row + 1 + 30);
  for (let r = row + 1; r < end; r++)
    if (sheet.values[r]?.some((v, c) => !figureCols.includes(c) && typeof v === "string" && /\p{L}{2}/u.test(v))) rows++;
  return rows;
}

/**
 * Scores a row as the first row of a header block by what its labels mean, not by a word list: a
 * header names at least one figure column (plan, actual, previous, a year, a stated comparison),
 * and data rows follow it. A title merged across the table is one cell and scores 0.
 */
function headerScore(grid: LabelGrid, sheet: SheetSnapshot, row: number, blankForm: boolean): number {
  let indicator = false;
  let order = false;
  let unit = false;
  let numbers = 0;
  const cells = new Set<string>();
  const figureCols: number[] = [];
  for (let c = 0; c < grid.width; c++) {
    const v = sheet.values[row]?.[c];
    // Years typed as numbers ("2019 | 2020") are labels, not figures.
    if (isNumeric(v) && !isYearNumber(v as number)) numbers++;
    const own = grid.label(row, c);
    if (own) cells.add(grid.origin(row, c));
    // A header row may hold a group label ("Năm 2020") over figure columns named one row below.
    const below = grid.mergedFromAbove(row + 1, c) ? "" : grid.label(row + 1, c);
    const roles = [own, below, below ? `${own} ${below}` : ""].filter((t) => t && t.length <= 120).map((t) => headerRole(t).role);
    if (roles.includes("indicator")) indicator = true;
    if (roles.includes("order")) order = true;
    if (roles.includes("unit")) unit = true;
    if (roles.some((r) => FIGURE_ROLES.has(r))) figureCols.push(c);
  }
  if (numbers > 2 || cells.size < 2 || figureCols.length === 0) return 0;
  // A blank form (the table consolidation fills) has indicators named below its header instead.
  const data = dataRowsBelow(sheet, row, figureCols) || (blankForm && indicator ? namedRowsBelow(sheet, row, figureCols) : 0);
  if (data === 0) return 0;
  const named = (indicator ? 6 : 0) + (order ? 1 : 0) + (unit ? 1 : 0);
  // A lone figure column needs a named indicator column beside it.
  if (figureCols.length === 1 && !indicator) return 0;
  return 4 + named + Math.min(figureCols.length, 8) + Math.min(data, 5) / 5;
}

function isYearNumber(v: number): boolean {
  return v >= 1980 && v <= 2100 && Number.isInteger(v);
}

const UNIT_LINE = /(?:^|\(|\s)(?:don vi tinh|dvt|don vi)\s*[:：]\s*([^)]+?)\s*\)?\s*$/;

/** The unit of a row that says only "Đơn vị tính: Tỷ đồng" (or "ĐVT: %"); null for any other row. */
function unitLine(values: CellValue[] | undefined): string | null {
  if (!values) return null;
  let text: string | null = null;
  for (const v of values) {
    if (isBlank(v)) continue;
    if (text !== null || typeof v !== "string") return null;
    text = v;
  }
  if (text === null) return null;
  return UNIT_LINE.test(fold(text)) ? unitAfterColon(text) : null;
}

/** What follows the colon of "Đơn vị tính: Tỷ đồng)", as written. */
function unitAfterColon(text: string): string | null {
  const colon = text.search(/[:：]/);
  return colon < 0 ? null : tidy(text.slice(colon + 1).replace(/\)\s*$/, "")) || null;
}

/** A unit the title gives: "(Đơn vị tính: tỷ đồng)", a caption that is only "%" or "‰", a title ending in "(%)". */
function titleUnit(texts: string[]): string | null {
  for (const text of texts) {
    const f = fold(text);
    if (UNIT_LINE.test(f)) return unitAfterColon(text.slice(text.search(/đơn vị|don vi|đvt|dvt/i)));
    if (/^\(?(%|‰)\)?$/.test(f)) return f.replace(/[()]/g, "");
    const tail = /\((%|‰)\)\s*$/.exec(f);
    if (tail) return tail[1];
  }
  return null;
}

function isNumberRow(sheet: SheetSnapshot, grid: LabelGrid, row: number): boolean {
  let tokens = 0;
  let others = 0;
  for (let c = 0; c < grid.width; c++) {
    const v = sheet.values[row]?.[c];
    if (isBlank(v)) continue;
    const text = fold(cellText(v));
    if (NUMBER_ROW_TOKEN.test(text)) tokens++;
    else others++;
  }
  return tokens >= 3 && others <= Math.max(1, Math.floor(tokens / 4));
}

/** Finds the header block of a sheet; null when the sheet has no indicator table. */
/** `blankForm`: a form whose figure cells are still empty may have a header too. */
export function findHeader(sheet: SheetSnapshot, blankForm = false): HeaderBlock | null {
  const rowLimit = Math.min(SCAN_ROWS, sheet.values.length);
  const grid = labelGrid(sheet, rowLimit + MAX_HEADER_ROWS + 2);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < rowLimit; r++) {
    const score = headerScore(grid, sheet, r, blankForm);
    if (score > bestScore) {
      bestScore = score;
      best = r;
    }
    // A header naming its indicator column and several figure columns is not bettered further down.
    if (score >= 14) break;
  }
  if (best < 0) return null;

  const rows = [best];
  let indicatorCol = -1;
  for (let c = 0; c < grid.width && indicatorCol < 0; c++) if (headerRole(grid.label(best, c)).role === "indicator") indicatorCol = c;
  for (let r = best + 1; r < best + MAX_HEADER_ROWS && r < sheet.values.length; r++) {
    if (isNumberRow(sheet, grid, r)) break;
    let mergedDown = false;
    let labels = 0;
    let figures = 0;
    for (let c = 0; c < grid.width; c++) {
      if (grid.mergedFromAbove(r, c)) {
        mergedDown = true;
        continue;
      }
      const v = sheet.values[r]?.[c];
      if (isBlank(v)) continue;
      // Years under a group label ("Năm" over "2019 | 2020") are labels; any other figure is data.
      if (looksLikeFigure(v) && !(isYearNumber(Number(cellText(v).trim())) && grid.label(best, c))) figures++;
      // Labels count under the header's own columns: a caption in a column with no header is data.
      else if (typeof v === "string" || typeof v === "number") {
        if (grid.label(best, c)) labels++;
        else figures++;
      }
    }
    // A row under the header belongs to it when it holds no figures, its indicator cell is empty
    // (or merged from above), and it adds labels under the header's columns or continues its merges.
    const indicatorFree = indicatorCol < 0 || grid.mergedFromAbove(r, indicatorCol) || isBlank(sheet.values[r]?.[indicatorCol]);
    if (figures === 0 && indicatorFree && (labels > 0 || mergedDown)) rows.push(r);
    else break;
  }
  const last = rows[rows.length - 1];
  const numberRow = isNumberRow(sheet, grid, last + 1) ? last + 1 : null;
  let dataStart = (numberRow ?? last) + 1;
  // "Đơn vị tính: Tỷ đồng" on a line of its own under the header: the unit of every row without one.
  let unit = unitLine(sheet.values[dataStart]);
  if (unit !== null) dataStart++;

  const columns: HeaderBlock["columns"] = [];
  for (let c = 0; c < grid.width; c++) {
    const parts: string[] = [];
    let headerCell = "";
    for (const r of rows) {
      const text = grid.label(r, c);
      if (text && !parts.includes(text)) {
        parts.push(text);
        headerCell = grid.origin(r, c);
      }
    }
    if (parts.length > 0) columns.push({ col: c, header: parts.join(" "), headerCell });
  }

  const titleCells: HeaderBlock["titleCells"] = [];
  for (let r = 0; r < best; r++) {
    (sheet.values[r] ?? []).forEach((v, c) => {
      if (typeof v === "string" && v.trim()) titleCells.push({ cell: address(r, c), text: tidy(v) });
    });
  }
  unit ??= titleUnit(titleCells.map((t) => t.text));
  return { rows, numberRow, dataStart, title: titleCells.map((t) => t.text).join(" | "), titleCells, columns, unit };
}

const roles = new Map<string, { role: ColumnRole; form?: "index" | "growth" }>();

/** Role of a column from its header alone, before years are weighed (headers repeat sheet after sheet: kept). */
export function headerRole(header: string): { role: ColumnRole; form?: "index" | "growth" } {
  let found = roles.get(header);
  if (!found) {
    if (roles.size > 10_000) roles.clear();
    found = readHeaderRole(header);
    roles.set(header, found);
  }
  return found;
}

function readHeaderRole(header: string): { role: ColumnRole; form?: "index" | "growth" } {
  const f = fold(header);
  if (ORDER_HEADER.test(f)) return { role: "order" };
  if (NOTES_HEADER.test(f) || AGENCY_HEADER.test(f)) return { role: "notes" };
  if (EVALUATION_HEADER.test(f)) return { role: "evaluation" };
  const figureWords = FIGURE_WORDS.test(f);
  if (UNIT_HEADER.test(f) && !figureWords) return { role: "unit" };
  if (INDICATOR_HEADER.test(f) && !figureWords) return { role: "indicator" };
  const years = datedYears(f);
  const comparison = COMPARISON_MARK.test(f) || COMPARING_SLASH.test(f);
  if (comparison) {
    const growth = /\btang\b|tang,? giam|toc do/.test(f) ? "growth" : "index";
    // "TH/KH", "% KH", "Với kế hoạch", "So dự toán", "Thực hiện so nghị quyết": a plan percentage.
    if (PLAN_WORDS.test(f.replace(/^.*?(so sanh|so voi|\bso\b|[a-z\d]\s*\/|%)/, ""))) return { role: "statedPlanPercent" };
    // "So cùng kỳ", "2019/2018", "Tháng 10/2023 so với cùng kỳ năm trước (%)": a stated index or growth.
    if (PREVIOUS_WORDS.test(f) || years.length >= 2 || /\bnam truoc|cung ky|\bck\b/.test(f))
      return { role: "statedPrevious", form: growth };
    if (PLAN_WORDS.test(f)) return { role: "statedPlanPercent" };
    return { role: "statedComparison", form: growth };
  }
  if (HISTORY_WORDS.test(f)) return { role: "history" };
  if (PREVIOUS_WORDS.test(f)) return { role: "previous" };
  if (PLAN_WORDS.test(f)) return { role: "plan" };
  if (ACTUAL_WORDS.test(f)) return { role: "actual" };
  if (BARE_YEAR.test(f) || PERIOD_ONLY.test(f)) return { role: "actual" };
  return { role: "unknown" };
}

/** Whether a header names one year's figures and nothing else, as the columns of a series do. */
export function isYearColumn(header: string): boolean {
  return BARE_YEAR.test(fold(header));
}

/** A preliminary or estimated figure's column ("Sơ bộ 2023", "Ước tính 2024"). */
export function isProvisionalColumn(header: string): boolean {
  return /\b(so bo|uoc tinh|uoc|du kien)\b/.test(fold(header));
}

export interface ResolvedColumns {
  columns: ColumnInfo[];
  reportYear: number | null;
  yearSource: YearSource;
  period: Period | null;
}

/** The year a title or sheet name reports on: the year of its period phrase, not a plan year. */
export function titleYear(text: string): number | null {
  const f = fold(text);
  const periodYear =
    /(\d{1,2} ?(?:thang|t)|quy [ivx\d]+|thang \d{1,2}|ca nam|nam)[^0-9]{0,24}?(?:nam |\/|-)?\s?((?:19|20)\d\d)(?![\d-])/.exec(f) ??
    /\b\d{1,2}t ?\/? ?((?:19|20)\d\d)\b/.exec(f);
  if (periodYear) {
    const y = Number(periodYear[periodYear.length - 1]);
    const before = f.slice(0, periodYear.index + periodYear[0].length - 4);
    if (!/(ke hoach|\bkh\b|du toan|muc tieu)\s*(nam\s*)?$/.test(before)) return y;
  }
  const years = datedYears(f);
  return years.length > 0 ? Math.min(...years) : null;
}

/**
 * Gives each column its role, deciding the report year first when not given: the title's period
 * year, else the year of the actual figures in the headers, else the sheet name.
 */
export function resolveColumns(header: HeaderBlock, sheetName: string, reportYearOption: number | null): ResolvedColumns {
  const raw = header.columns.map((c) => {
    const { role, form } = headerRole(c.header);
    const years = datedYears(c.header);
    const year = years.length > 0 ? Math.max(...years) : null;
    return { ...c, role, form, year, period: detectPeriod(c.header) };
  });

  let reportYear = reportYearOption;
  let yearSource: ResolvedColumns["yearSource"] = reportYearOption !== null ? "option" : null;
  if (reportYear === null) {
    const fromTitle = header.title ? titleYear(header.title) : null;
    if (fromTitle !== null) {
      reportYear = fromTitle;
      yearSource = "title";
    }
  }
  if (reportYear === null) {
    const actualYears = raw.filter((c) => c.role === "actual" && c.year !== null).map((c) => c.year as number);
    const planYears = raw.filter((c) => c.role === "plan" && c.year !== null).map((c) => c.year as number);
    const previousYears = raw.filter((c) => c.role === "previous" && c.year !== null).map((c) => (c.year as number) + 1);
    const candidates = actualYears.length > 0 ? actualYears : planYears.length > 0 ? [Math.min(...planYears)] : previousYears;
    if (candidates.length > 0) {
      reportYear = Math.max(...candidates);
      yearSource = "header";
    }
  }
  if (reportYear === null) {
    const fromName = titleYear(sheetName);
    if (fromName !== null) {
      reportYear = fromName;
      yearSource = "sheet-name";
    }
  }

  const titlePeriod = detectPeriod(header.title) ?? detectPeriod(sheetName);
  const columns: ColumnInfo[] = raw.map((c) => {
    let role = c.role;
    if (reportYear !== null && c.year !== null) {
      if (role === "plan" && c.year !== reportYear) role = "otherPlan";
      else if (role === "actual" && c.year === reportYear - 1) role = "previous";
      else if (role === "actual" && c.year !== reportYear) role = "history";
      else if (role === "previous" && c.year !== reportYear - 1 && c.year < reportYear - 1) role = "history";
    }
    if (role === "plan" && /\d{4}\s*[-–]\s*\d{4}/.test(c.header)) role = "otherPlan";
    // "2021/2020 (%)" in a 2022 table compares two years of the series, not the actual with the previous.
    if (role === "statedPrevious" && reportYear !== null) {
      const years = datedYears(fold(c.header));
      if (years.length >= 2 && !(years.includes(reportYear) && years.includes(reportYear - 1))) role = "statedComparison";
    }
    return {
      col: c.col,
      letter: letterOf(c.col),
      header: c.header,
      role,
      year: c.year,
      period: c.period,
      form: c.form,
      headerCell: c.headerCell,
    };
  });

  let period = titlePeriod ?? pickPeriodFromColumns(columns);
  if (period && period.months < 12) markYearEstimates(columns);
  pickOne(columns, "actual", period, "history");
  // A month in the title over a cumulative actual ("tháng 6" over "Cộng dồn 6 tháng"): the figures are the months to date.
  const actual = columns.find((c) => c.role === "actual");
  if (period?.kind === "month" && actual?.period?.kind === "months" && actual.period.months === period.months) period = actual.period;
  pickOne(columns, "previous", period, "history");
  pickOne(columns, "plan", period, "otherPlan");
  pickOne(columns, "statedPrevious", period, "statedComparison");
  return { columns, reportYear, yearSource, period };
}

function letterOf(col: number): string {
  return address(0, col).replace(/\d+$/, "");
}

function pickPeriodFromColumns(columns: ColumnInfo[]): Period | null {
  const actual = columns.find((c) => c.role === "actual" && c.period);
  return actual?.period ?? null;
}

/** In a part-year report, a whole-year "actual" column beside the period's one is the year estimate. */
function markYearEstimates(columns: ColumnInfo[]): void {
  const actuals = columns.filter((c) => c.role === "actual");
  if (actuals.length < 2) return;
  for (const c of actuals) if (c.period?.kind === "year") c.role = "yearEstimate";
}

/**
 * Keeps one column in a role: the one whose period matches the report's (cumulative months),
 * else an explicit "cùng kỳ", else the first; the others take the fallback role.
 */
function pickOne(columns: ColumnInfo[], role: ColumnRole, period: Period | null, fallback: ColumnRole): void {
  const candidates = columns.filter((c) => c.role === role);
  if (candidates.length <= 1) return;
  const matches = (c: ColumnInfo) => period !== null && c.period !== null && c.period.months === period.months && c.period.kind !== "month";
  const explicitPrevious = (c: ColumnInfo) => role === "previous" && PREVIOUS_WORDS.test(fold(c.header));
  const chosen = candidates.find(matches) ?? candidates.find(explicitPrevious) ?? candidates[0];
  for (const c of candidates) if (c !== chosen) c.role = fallback;
}
