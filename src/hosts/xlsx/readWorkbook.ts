// The xlsx host's reader: an .xlsx file into the core's snapshot. It reads only what the snapshot
// holds (sheet order and visibility, cell values, number formats, merged areas) straight from the
// file's XML parts, without building a spreadsheet object model: a check needs no more, and this
// makes reading several times faster than a full ExcelJS load (tests hold this reader to
// ExcelJS's reading of the same files). Formulas are read by their cached
// results, rich text by its plain text, dates as ISO dates. Files that are not usable workbooks
// are refused with a reason an official understands.

import { ExplainedError } from "../../core/model/errors";
import { address, parseAddress, type Area, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../../core/model/snapshot";
import { CLOSE, END, OPEN, XmlReader } from "./xml";
import { partOfType, relationships } from "./package";
import { brokenElement, findElement } from "./xmlEdit";
import { endRecordAt, UnsafePackageError, ZipArchive, ZipError } from "./zip";

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

/** Refuses what is not an .xlsx workbook, naming what it is when that can be told. */
export function checkWorkbookBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new WorkbookInputError("tệp rỗng (0 byte)", "the file is empty");
  if (startsWith(bytes, CFB_MAGIC)) {
    if (containsName(bytes, "EncryptionInfo", true) || containsName(bytes, "EncryptedPackage", true)) {
      throw new WorkbookInputError("tệp được đặt mật khẩu; hãy mở bằng Excel, gỡ mật khẩu rồi lưu lại", "the file is password-protected");
    }
    throw new WorkbookInputError(
      "tệp là định dạng Excel cũ (.xls) hoặc Word cũ (.doc); hãy lưu lại dưới dạng .xlsx",
      "the file is in the old binary format (.xls/.doc), not .xlsx",
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC))
    throw new WorkbookInputError("tệp không phải là bảng tính .xlsx (không đúng định dạng)", "not an .xlsx file");
  if (endRecordAt(bytes) < 0)
    throw new WorkbookInputError("tệp bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong)", "the file is corrupt or truncated");
  if (!containsName(bytes, "xl/workbook.xml")) {
    if (containsName(bytes, "word/document.xml"))
      throw new WorkbookInputError(
        "tệp là văn bản Word (.docx) được đổi tên, không phải bảng tính",
        "the file is a Word document renamed, not a workbook",
      );
    if (containsName(bytes, "ppt/presentation.xml"))
      throw new WorkbookInputError(
        "tệp là bản trình chiếu PowerPoint, không phải bảng tính",
        "the file is a PowerPoint presentation, not a workbook",
      );
    if (containsName(bytes, "content.xml"))
      throw new WorkbookInputError(
        "tệp là bảng tính OpenDocument (.ods); hãy lưu lại dưới dạng .xlsx",
        "the file is an OpenDocument spreadsheet; save it as .xlsx",
      );
    // A package may name its workbook part otherwise: its relationships say (readPackage follows them).
    if (!containsName(bytes, "_rels/.rels"))
      throw new WorkbookInputError("tệp nén này không chứa bảng tính Excel", "the zip file holds no Excel workbook");
  }
}

/** Reads .xlsx bytes into a snapshot. Throws WorkbookInputError for files that cannot be used. */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  checkWorkbookBytes(bytes);
  try {
    return await readPackage(new ZipArchive(bytes));
  } catch (error) {
    throw packageRefusal(error);
  }
}

/** A package that is unsafe or damaged, as the file's refusal (WorkbookInputError); any other error as it is. */
export function packageRefusal(error: unknown): unknown {
  if (error instanceof UnsafePackageError) return new WorkbookInputError(error.reason, error.reasonEn);
  // RangeError: a damaged directory points outside the file.
  if (error instanceof ZipError || error instanceof RangeError)
    return new WorkbookInputError("tệp bị hỏng hoặc không đọc được", `the file is corrupt or unreadable: ${error.message}`);
  return error;
}

async function readPackage(zip: ZipArchive): Promise<WorkbookSnapshot> {
  const workbookPart = partOfType(await relationships(zip, ""), "officeDocument") ?? "xl/workbook.xml";
  const workbookXml = await zip.text(workbookPart);
  if (workbookXml === null) throw new WorkbookInputError("tệp nén này không chứa bảng tính Excel", "the zip file holds no Excel workbook");
  const list = await relationships(zip, workbookPart);
  await refuseBrokenStructure(zip, workbookXml, partOfType(list, "styles"));
  const rels = new Map(list.flatMap((rel) => (rel.id === null ? [] : [[rel.id, rel] as const])));
  const book = readBook(workbookXml);
  const strings = await sharedStrings(zip, partOfType(list, "sharedStrings"));
  const styles = await cellStyles(zip, partOfType(list, "styles"));
  const sheets: SheetSnapshot[] = [];
  const otherSheets: string[] = [];
  for (const sheet of book.sheets) {
    const rel = rels.get(sheet.relId);
    const xml = rel?.type.endsWith("/worksheet") ? await zip.text(rel.target) : null;
    // Chart and macro sheets hold no table, but their names are taken.
    if (xml === null) otherSheets.push(sheet.name);
    else sheets.push({ name: sheet.name, ...readSheet(sheet.name, xml, strings, styles, book.date1904), hidden: sheet.hidden });
  }
  return otherSheets.length > 0 ? { sheets, otherSheets } : { sheets };
}

/**
 * One reader decides for check and fill: a package whose content types, sheet list or style
 * collections are broken (an element opened and never closed) is refused here, since the writer
 * adds to exactly those, and Excel itself opens no such file. (Content types that are missing
 * altogether, as in some hand-made packages, the writer creates.)
 */
async function refuseBrokenStructure(zip: ZipArchive, workbookXml: string, stylesPart: string | null): Promise<void> {
  const types = await zip.text("[Content_Types].xml");
  const stylesXml = stylesPart === null ? null : await zip.text(stylesPart);
  const broken =
    types !== null && (brokenElement(types, ["Types"]) || !findElement(types, "Types"))
      ? "[Content_Types].xml"
      : !findElement(workbookXml, "sheets") || brokenElement(workbookXml, ["definedNames"])
        ? "workbook"
        : stylesXml !== null && brokenElement(stylesXml, ["styleSheet", "numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"])
          ? "styles"
          : null;
  if (broken)
    throw new WorkbookInputError(
      `tệp bị hỏng ở phần "${broken}"; hãy mở bằng Excel, lưu lại rồi thử lại`,
      `the file is damaged in its ${broken} part`,
    );
}

interface BookSheet {
  name: string;
  relId: string;
  hidden: boolean;
}

function readBook(xml: string): { sheets: BookSheet[]; date1904: boolean } {
  const sheets: BookSheet[] = [];
  let date1904 = false;
  const reader = new XmlReader(xml);
  for (let event = reader.next(); event !== END; event = reader.next()) {
    if (event !== OPEN) continue;
    // Excel 2013+ writes a second workbookPr (x15, in extLst) without date1904: only the attribute counts.
    if (reader.name === "workbookPr") date1904 = isTrue(reader.attr("date1904")) || date1904;
    else if (reader.name === "sheet") {
      const state = reader.attr("state");
      sheets.push({ name: reader.attr("name") ?? "", relId: reader.attr("id") ?? "", hidden: state !== null && state !== "visible" });
    }
  }
  return { sheets, date1904 };
}

function isTrue(value: string | null): boolean {
  return value === "1" || value === "true";
}

/** Excel's escape for characters XML cannot hold ("_x000D_" is a carriage return). */
function decodeEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The plain text of a string item (`<si>` or `<is>`, just opened): its `<t>` texts, runs of rich
 * text joined, phonetic guides (`<rPh>`) left out.
 */
function stringItem(reader: XmlReader): string {
  let text = "";
  for (let depth = 0; ;) {
    const event = reader.next();
    if (event === END) break;
    if (event === CLOSE) {
      if (depth-- === 0) break;
    } else if (reader.name === "t") text += reader.text();
    else if (reader.name === "r") {
      if (!reader.empty) depth++;
    } else reader.skip();
  }
  return decodeEscapes(text);
}

async function sharedStrings(zip: ZipArchive, part: string | null): Promise<string[]> {
  const xml = part === null ? null : await zip.text(part);
  const strings: string[] = [];
  if (xml === null) return strings;
  const reader = new XmlReader(xml);
  for (let event = reader.next(); event !== END; event = reader.next()) {
    if (event === OPEN && reader.name === "si") strings.push(reader.empty ? "" : stringItem(reader));
  }
  return strings;
}

/** Excel's built-in number formats (as en-US shows them; the currency and accounting ids too). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"$"#,##0_);("$"#,##0)',
  6: '"$"#,##0_);[Red]("$"#,##0)',
  7: '"$"#,##0.00_);("$"#,##0.00)',
  8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Built-in ids whose format depends on the language (East Asian dates and times): dates all the same. */
const LOCALE_DATE_IDS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * A number format that shows a date: date letters outside quotes, escapes and brackets. A time of
 * day ("h:mm") or an elapsed time ("[h]:mm", "[ss]") is no date: its number stays a number (a
 * duration of 26,5 hours is no day of 1900), shown by its format.
 */
export function isDateFormat(format: string): boolean {
  const letters = format
    .replace(/\[(?:h+|m+|s+)\]/gi, "h") // elapsed time: a time token
    .replace(/\\[^]|[_*][^]|"[^"]*"|\[[^\]]*]/gi, "")
    .replace(/General|E[+-]|AM\/PM|A\/P/gi, "");
  if (/[ydb]/i.test(letters)) return true;
  // "m" is a month unless it stands with hours or seconds ("h:mm", "mm:ss").
  return /m/i.test(letters) && !/[hs]/i.test(letters);
}

interface CellStyles {
  /** Number format per cell style index; null for General. */
  formats: (string | null)[];
  dates: boolean[];
}

async function cellStyles(zip: ZipArchive, part: string | null): Promise<CellStyles> {
  const styles: CellStyles = { formats: [], dates: [] };
  const xml = part === null ? null : await zip.text(part);
  if (xml === null) return styles;
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  // Formats and cell styles count only in their own lists: differential formats (<dxfs>, for
  // conditional formats) and cell style masters (<cellStyleXfs>) hold elements of the same names.
  let inNumFmts = false;
  let inCellXfs = false;
  const reader = new XmlReader(xml);
  for (let event = reader.next(); event !== END; event = reader.next()) {
    if (event === CLOSE) {
      if (reader.name === "cellXfs") inCellXfs = false;
      else if (reader.name === "numFmts") inNumFmts = false;
    } else if (event === OPEN) {
      if (reader.name === "numFmt" && inNumFmts) custom.set(Number(reader.attr("numFmtId")), reader.attr("formatCode") ?? "");
      else if (reader.name === "numFmts") inNumFmts = !reader.empty;
      else if (reader.name === "cellXfs") inCellXfs = !reader.empty;
      else if (reader.name === "xf" && inCellXfs) formatIds.push(Number(reader.attr("numFmtId") ?? 0));
    }
  }
  for (const id of formatIds) {
    const format = (id > 0 && (custom.get(id) ?? BUILT_IN_FORMATS[id])) || null;
    styles.formats.push(format === "General" ? null : format);
    styles.dates.push(format === null ? LOCALE_DATE_IDS.has(id) : isDateFormat(format));
  }
  return styles;
}

/** 0-based column of an A1 address ("AB12" → 27); -1 when it has no letters. */
function columnOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col - 1;
}

const DAY_MS = 86_400_000;

/** An Excel date serial as an ISO date; null when it is no date JavaScript can show. */
function serialDate(serial: number, date1904: boolean): string | null {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** A cell's value from its type attribute and the text of its `<v>` (or inline string). */
function cellValue(type: string | null, raw: string, strings: string[]): CellValue {
  switch (type) {
    case "s":
      return strings[parseInt(raw, 10)] ?? null;
    case "str":
      return decodeEscapes(raw);
    case "inlineStr":
      return raw;
    case "b": {
      const number = Number(raw);
      return raw.trim() === "true" || (!Number.isNaN(number) && number !== 0);
    }
    case "e":
      return { error: raw };
    case "d": {
      // The date as written: "2024-01-15T00:00:00" has no time zone, so no conversion may shift it.
      const date = /^\s*(\d{4}-\d{2}-\d{2})/.exec(raw);
      if (date) return Number.isNaN(Date.parse(date[1])) ? null : date[1];
      // A time alone ("T10:30:00", "10:30"): kept as the time it says.
      const time = /^\s*T?(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*$/.exec(raw);
      return time ? time[1] : null;
    }
    default: {
      const number = parseFloat(raw);
      return Number.isFinite(number) ? number : null;
    }
  }
}

/**
 * The text of a cell's `<v>` or inline string (the cell just opened, read to its end); null for
 * none. `cell.formula` says whether it holds a formula (read by its cached result).
 */
function cellText(reader: XmlReader, cell: { formula: boolean }): string | null {
  cell.formula = false;
  if (reader.empty) return null;
  let raw: string | null = null;
  for (let event = reader.next(); event === OPEN; event = reader.next()) {
    if (reader.name === "v") raw = reader.text();
    else if (reader.name === "is") raw = reader.empty ? "" : stringItem(reader);
    else {
      if (reader.name === "f") cell.formula = true;
      reader.skip();
    }
  }
  return raw;
}

/** Excel's limits: a cell beyond them is no cell Excel can hold, and would cost memory by its address. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** The rows no cell was read in: one shared empty row, so that a lone far cell costs no memory per row above it. */
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

function beyondLimits(sheet: string, where: string): WorkbookInputError {
  return new WorkbookInputError(
    `trang "${sheet}" có ô ở ${where}, ngoài giới hạn của Excel (1.048.576 dòng × 16.384 cột); tệp bị hỏng hoặc đã bị sửa`,
    `sheet "${sheet}" has a cell at ${where}, beyond Excel's limits (1,048,576 rows × 16,384 columns)`,
  );
}

function readSheet(
  name: string,
  xml: string,
  strings: string[],
  styles: CellStyles,
  date1904: boolean,
): Pick<SheetSnapshot, "values" | "numberFormats" | "merges" | "formulas"> {
  const values: CellValue[][] = [];
  const formulas: string[] = [];
  const cell = { formula: false };
  const numberFormats: (string | null)[][] = [];
  const merges: Area[] = [];
  const reader = new XmlReader(xml);
  let row = -1;
  let rowValues: CellValue[] = [];
  let rowFormats: (string | null)[] | null = null;
  let col = -1;
  const endRow = () => {
    // A row without a value adds nothing: an empty row at 1,048,576 must not make a million rows.
    if (row < 0 || rowValues.length === 0) return;
    for (let c = 0; c < rowValues.length; c++) if (rowValues[c] === undefined) rowValues[c] = null;
    values[row] = rowValues;
    if (rowFormats) numberFormats[row] = rowFormats;
  };
  let inData = false; // cells and rows count only inside <sheetData>, whatever extensions hold
  for (let event = reader.next(); event !== END; event = reader.next()) {
    if (event === CLOSE) {
      if (reader.name === "sheetData") inData = false;
      continue;
    }
    if (reader.name === "sheetData") inData = !reader.empty;
    if (!inData && reader.name !== "mergeCell") continue;
    switch (reader.name) {
      case "row": {
        endRow();
        const r = reader.attr("r");
        row = r === null ? row + 1 : parseInt(r, 10) - 1;
        if (!(row >= 0)) row = -1;
        if (row >= MAX_ROWS) throw beyondLimits(name, `dòng ${r ?? row + 1} (row ${r ?? row + 1})`);
        rowValues = [];
        rowFormats = null;
        col = -1;
        break;
      }
      case "c": {
        const ref = reader.attr("r");
        col = ref === null ? col + 1 : columnOf(ref);
        if (col >= MAX_COLUMNS) throw beyondLimits(name, ref ?? `cột ${col + 1} (column ${col + 1})`);
        const style = parseInt(reader.attr("s") ?? "0", 10) || 0;
        const type = reader.attr("t");
        const raw = cellText(reader, cell);
        if (cell.formula && col >= 0 && row >= 0) formulas.push(address(row, col));
        if (raw === null || col < 0 || row < 0) break;
        if (type === "s" && strings[parseInt(raw, 10)] === undefined)
          throw new WorkbookInputError(
            `trang "${name}", ô ${address(row, col)} trỏ tới chuỗi số ${raw} không có trong tệp; tệp bị hỏng`,
            `sheet "${name}", cell ${address(row, col)} points to shared string ${raw}, which the file lacks`,
          );
        let value = cellValue(type, raw, strings);
        if (typeof value === "number") {
          if (styles.dates[style]) value = serialDate(value, date1904);
          else if (styles.formats[style]) {
            rowFormats ??= [];
            rowFormats[col] = styles.formats[style];
          }
        }
        if (value !== null) rowValues[col] = value;
        break;
      }
      case "mergeCell": {
        const [from, to = from] = (reader.attr("ref") ?? "").split(":");
        const topLeft = parseAddress(from);
        const bottomRight = parseAddress(to);
        if (!topLeft || !bottomRight) break;
        if (bottomRight.row >= MAX_ROWS || bottomRight.col >= MAX_COLUMNS) throw beyondLimits(name, to);
        merges.push({ top: topLeft.row, left: topLeft.col, bottom: bottomRight.row, right: bottomRight.col });
        break;
      }
    }
  }
  endRow();
  for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = EMPTY_ROW as CellValue[];
  return { values, numberFormats, merges, ...(formulas.length > 0 ? { formulas } : {}) };
}
