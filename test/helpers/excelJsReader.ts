// The reference for the xlsx host's own reader: ExcelJS loads the file (keeping its parsed model,
// as chitieu's reader did before it read the XML itself) and the model becomes a snapshot. Tests
// compare the two readings of the same files.

import ExcelJS from "exceljs";
import type { Area, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";

/** Worksheet parts the snapshot does not use: ExcelJS skips parsing them. */
const UNUSED_PARTS = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "autoFilter",
  "rowBreaks",
  "hyperlinks",
  "pageMargins",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "conditionalFormatting",
  "extLst",
];

/** ExcelJS's parsed model of a cell (after shared strings and styles are resolved). */
interface CellModel {
  address: string;
  type: number;
  value?: unknown;
  result?: unknown;
  text?: string;
  style?: { numFmt?: string };
}

interface WorksheetModel {
  id: number;
  name: string;
  state?: string;
  rows: Array<{ number: number; cells: CellModel[] }>;
  mergeCells?: string[];
}

interface WorkbookModel {
  worksheets: Array<WorksheetModel | undefined>;
  sheets?: Array<{ id: number }>;
}

/**
 * Loads with ExcelJS but keeps its parsed model instead of building its object graph: ExcelJS
 * parses the file as always, but the snapshot needs neither Worksheet nor Cell objects, which
 * cost a third of the load. (ExcelJS is pinned to 4.4.0, whose load ends by setting `model`.)
 */
async function loadModel(bytes: Uint8Array): Promise<WorkbookModel | null> {
  const workbook = new ExcelJS.Workbook();
  let parsed: WorkbookModel | null = null;
  Object.defineProperty(workbook, "model", {
    configurable: true,
    get: () => parsed,
    set: (value: WorkbookModel) => {
      parsed = value;
    },
  });
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: UNUSED_PARTS } as unknown as ExcelJS.XlsxReadOptions);
  return parsed;
}

/** ExcelJS's reading of .xlsx bytes as a snapshot: the reference the xlsx host's reader is held to. */
export async function readWithExcelJs(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const model = await loadModel(bytes);
  if (!model) throw new Error("ExcelJS read no workbook model");
  return snapshotOfModel(model);
}

function snapshotOfModel(model: WorkbookModel): WorkbookSnapshot {
  const order = (id: number) => model.sheets?.findIndex((s) => s.id === id) ?? id;
  const worksheets = model.worksheets.filter((w): w is WorksheetModel => w !== undefined).sort((a, b) => order(a.id) - order(b.id));
  return { sheets: worksheets.map(sheetSnapshot) };
}

/** 0-based column of an A1 address ("AB12" → 27). */
function columnOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col - 1;
}

function sheetSnapshot(worksheet: WorksheetModel): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formulas: string[] = [];
  for (const row of worksheet.rows ?? []) {
    const rowValues: CellValue[] = [];
    let rowFormats: (string | null)[] | null = null;
    for (const cell of row.cells ?? []) {
      if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
      const value = cellValue(cell);
      if (value === null) continue;
      const col = columnOf(cell.address);
      rowValues[col] = value;
      const numFmt = cell.style?.numFmt;
      if (numFmt && numFmt !== "General" && typeof value === "number") {
        rowFormats ??= [];
        rowFormats[col] = numFmt;
      }
    }
    // A row without a value adds nothing (the snapshot's contract: rows cost by the cells present).
    if (rowValues.length === 0) continue;
    for (let c = 0; c < rowValues.length; c++) if (rowValues[c] === undefined) rowValues[c] = null;
    values[row.number - 1] = rowValues;
    if (rowFormats) numberFormats[row.number - 1] = rowFormats;
  }
  for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = [];
  const merges: Area[] = [];
  for (const range of worksheet.mergeCells ?? []) {
    const [from, to = from] = range.split(":");
    const top = Number(from.replace(/^[A-Z]+/, "")) - 1;
    const bottom = Number(to.replace(/^[A-Z]+/, "")) - 1;
    merges.push({ top, left: columnOf(from), bottom, right: columnOf(to) });
  }
  const hidden = (worksheet.state ?? "visible") !== "visible";
  return { name: worksheet.name, values, numberFormats, merges, ...(formulas.length > 0 ? { formulas } : {}), hidden };
}

function cellValue(cell: CellModel): CellValue {
  switch (cell.type) {
    case ExcelJS.ValueType.Merge:
    case ExcelJS.ValueType.Null:
      return null;
    case ExcelJS.ValueType.Hyperlink:
      return cell.text ?? null;
    case ExcelJS.ValueType.Formula:
      return plainValue(cell.result);
    default:
      return plainValue(cell.value);
  }
}

function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { error?: unknown; richText?: Array<{ text: string }>; text?: unknown };
    if (v.error !== undefined) return { error: String(v.error) };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return String(v.text);
  }
  return null;
}
