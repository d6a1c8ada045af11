// The xlsx host: ExcelJS reads a workbook file into the core's snapshot. Merged areas are kept as
// areas (their hidden cells stay empty), formulas are read by their cached results, rich text by
// its plain text. Files that are not usable workbooks are refused with a reason an official
// understands, before ExcelJS sees them.

import ExcelJS from "exceljs";
import type { Area, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";

/** A file that cannot be used as a workbook; the message says why, in Vietnamese and English. */
export class WorkbookInputError extends Error {
  constructor(
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(`${reason} (${reasonEn})`);
    this.name = "WorkbookInputError";
  }
}

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

/** Reads .xlsx bytes into a snapshot. Throws WorkbookInputError for files that cannot be used. */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  checkWorkbookBytes(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: UNUSED_PARTS } as unknown as ExcelJS.XlsxReadOptions);
  } catch (error) {
    throw new WorkbookInputError("tệp bị hỏng hoặc không đọc được", `the file is corrupt or unreadable: ${(error as Error).message}`);
  }
  return snapshotOf(workbook);
}

/** The snapshot of a workbook ExcelJS has loaded. */
export function snapshotOf(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: workbook.worksheets.map(sheetSnapshot) };
}

function sheetSnapshot(worksheet: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowValues: CellValue[] = [];
    let rowFormats: (string | null)[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = cellValue(cell.value);
      if (value === null) return;
      rowValues[colNumber - 1] = value;
      const numFmt = cell.numFmt;
      if (numFmt && numFmt !== "General" && typeof value === "number") {
        rowFormats ??= [];
        rowFormats[colNumber - 1] = numFmt;
      }
    });
    for (let c = 0; c < rowValues.length; c++) if (rowValues[c] === undefined) rowValues[c] = null;
    values[rowNumber - 1] = rowValues;
    if (rowFormats) numberFormats[rowNumber - 1] = rowFormats;
  });
  for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = [];
  const merges: Area[] = [];
  const internal = (worksheet as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  for (const m of Object.values(internal)) merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  return { name: worksheet.name, values, numberFormats, merges, hidden: worksheet.state !== "visible" };
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : cellValue(result as ExcelJS.CellValue);
  }
  if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}
