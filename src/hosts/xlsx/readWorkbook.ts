// The xlsx host: ExcelJS reads a workbook file into the core's snapshot. Merged areas are kept as
// areas (their hidden cells stay empty), formulas are read by their cached results, rich text by
// its plain text. Files that are not usable workbooks are refused with a reason an official
// understands, before ExcelJS sees them.

import ExcelJS from "exceljs";
import { ExplainedError } from "../../core/errors";
import type { Area, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";

/** A file that cannot be used as a workbook; the message says why, in Vietnamese and English. */
export class WorkbookInputError extends ExplainedError {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Finds an ASCII or UTF-16LE name among the bytes (zip entry names, compound-file stream names). */
function containsName(bytes: Uint8Array, name: string, utf16 = false): boolean {
  const needle = utf16 ? [...name].flatMap((ch) => [ch.charCodeAt(0), 0]) : [...name].map((ch) => ch.charCodeAt(0));
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A whole zip file ends with its central directory record (PK 05 06) in the last 64 KiB. */
function hasZipEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

/** Refuses what is not an .xlsx workbook, naming what it is when that can be told. */
export function checkWorkbookBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new WorkbookInputError("tệp rỗng (0 byte)", "the file is empty");
  if (startsWith(bytes, CFB_MAGIC)) {
    if (containsName(bytes, "EncryptionInfo", true) || containsName(bytes, "EncryptedPackage", true)) {
      throw new WorkbookInputError("tệp được đặt mật khẩu; hãy mở bằng Excel, gỡ mật khẩu rồi lưu lại", "the file is password-protected");
    }
    throw new WorkbookInputError("tệp là định dạng Excel cũ (.xls) hoặc Word cũ (.doc); hãy lưu lại dưới dạng .xlsx", "the file is in the old binary format (.xls/.doc), not .xlsx");
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new WorkbookInputError("tệp không phải là bảng tính .xlsx (không đúng định dạng)", "not an .xlsx file");
  if (!hasZipEnd(bytes)) throw new WorkbookInputError("tệp bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong)", "the file is corrupt or truncated");
  if (!containsName(bytes, "xl/workbook.xml")) {
    if (containsName(bytes, "word/document.xml")) throw new WorkbookInputError("tệp là văn bản Word (.docx) được đổi tên, không phải bảng tính", "the file is a Word document renamed, not a workbook");
    if (containsName(bytes, "ppt/presentation.xml")) throw new WorkbookInputError("tệp là bản trình chiếu PowerPoint, không phải bảng tính", "the file is a PowerPoint presentation, not a workbook");
    if (containsName(bytes, "content.xml")) throw new WorkbookInputError("tệp là bảng tính OpenDocument (.ods); hãy lưu lại dưới dạng .xlsx", "the file is an OpenDocument spreadsheet; save it as .xlsx");
    throw new WorkbookInputError("tệp nén này không chứa bảng tính Excel", "the zip file holds no Excel workbook");
  }
}

/** Worksheet parts the snapshot does not use: ExcelJS skips parsing them. */
const UNUSED_PARTS = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "autoFilter", "rowBreaks", "hyperlinks", "pageMargins", "dataValidations", "pageSetup", "headerFooter", "printOptions", "picture", "drawing", "sheetProtection", "tableParts", "conditionalFormatting", "extLst"];

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

/** Reads .xlsx bytes into a snapshot. Throws WorkbookInputError for files that cannot be used. */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  checkWorkbookBytes(bytes);
  let model: WorkbookModel | null;
  try {
    model = await loadModel(bytes);
  } catch (error) {
    throw new WorkbookInputError("tệp bị hỏng hoặc không đọc được", `the file is corrupt or unreadable: ${(error as Error).message}`);
  }
  if (!model) throw new WorkbookInputError("tệp không chứa bảng tính đọc được", "no workbook model was read");
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
  for (const row of worksheet.rows ?? []) {
    const rowValues: CellValue[] = [];
    let rowFormats: (string | null)[] | null = null;
    for (const cell of row.cells ?? []) {
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
  return { name: worksheet.name, values, numberFormats, merges, hidden: (worksheet.state ?? "visible") !== "visible" };
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
