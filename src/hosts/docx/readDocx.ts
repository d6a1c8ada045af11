// The docx host's reader: the text of a Word report (.docx) as `check-text` reads it, one paragraph
// a line — the body's paragraphs and its tables' cells in document order, then the footnotes and
// the endnotes — with every tracked change accepted and field codes left out. The parts are found
// through the package's relationships (transitional or strict OOXML, whatever their names), read
// with the .xlsx host's zip and XML readers. Files that are not Word documents are refused with a
// reason an official understands.

import { ExplainedError } from "../../core/model/errors";
import { OPEN, XmlReader } from "../xlsx/xml";
import { partOfType, partText, relationships } from "../xlsx/package";
import { endRecordAt, UnsafePackageError, ZipArchive, ZipError } from "../xlsx/zip";
import { readStory, type NoteReferences, type ParagraphKind } from "./story";

export type { ParagraphKind } from "./story";

/** A file that cannot be read as a Word document; the message says why, in Vietnamese and English. */
export class DocumentInputError extends ExplainedError {}

export interface DocxParagraph {
  /** Offsets in `text`: the paragraph is text.slice(start, end) (its line, without the "\n"). */
  start: number;
  end: number;
  kind: ParagraphKind;
}

export interface DocxText {
  /** One paragraph a line, joined with "\n"; empty paragraphs left out; NFC. */
  text: string;
  paragraphs: DocxParagraph[];
}

const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // an empty archive
  [0x50, 0x4b, 0x07, 0x08], // a spanned archive's marker
];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * True for what only a document package can be: a zip archive, or an OLE compound file (a legacy
 * .doc or .xls, or an encrypted OOXML file). Plain text never starts so.
 */
export function isDocumentPackage(bytes: Uint8Array): boolean {
  return startsWith(bytes, CFB_MAGIC) || ZIP_MAGICS.some((magic) => startsWith(bytes, magic));
}

/** Finds an ASCII or UTF-16LE name among the bytes (compound-file stream names). */
function containsName(bytes: Uint8Array, name: string, utf16 = false): boolean {
  const needle = utf16 ? [...name].flatMap((ch) => [ch.charCodeAt(0), 0]) : [...name].map((ch) => ch.charCodeAt(0));
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const CORRUPT = (detail?: string) =>
  new DocumentInputError(
    "tệp .docx bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong); hãy mở bằng Word và lưu lại",
    detail ? `the .docx file is corrupt or truncated: ${detail}` : "the .docx file is corrupt or truncated",
  );

/** Refuses what cannot be a .docx before any part is read, naming what it is when that can be told. */
export function checkDocumentBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new DocumentInputError("tệp rỗng (0 byte)", "the file is empty");
  if (startsWith(bytes, CFB_MAGIC)) {
    if (containsName(bytes, "EncryptionInfo", true) || containsName(bytes, "EncryptedPackage", true))
      throw new DocumentInputError(
        "tệp được đặt mật khẩu; hãy mở bằng Word, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu) rồi lưu lại",
        "the file is password-protected; remove the password in Word and save it again",
      );
    if (containsName(bytes, "WordDocument", true))
      throw new DocumentInputError(
        "tệp là văn bản Word cũ (.doc); hãy mở bằng Word và lưu lại dưới dạng .docx",
        "the file is a legacy Word document (.doc); save it as .docx",
      );
    if (containsName(bytes, "Workbook", true) || containsName(bytes, "Book", true))
      throw new DocumentInputError(
        "tệp là bảng tính Excel cũ (.xls), không phải tệp văn bản (.docx hoặc .txt)",
        "the file is a legacy Excel workbook (.xls), not a text",
      );
    throw new DocumentInputError(
      "tệp là định dạng Office cũ, không phải tệp văn bản .docx; hãy lưu lại dưới dạng .docx",
      "the file is in an old binary Office format, not .docx",
    );
  }
  if (!ZIP_MAGICS.some((magic) => startsWith(bytes, magic)))
    throw new DocumentInputError("tệp không phải là văn bản Word .docx", "not a .docx file");
  if (endRecordAt(bytes) < 0) throw CORRUPT("no end of central directory");
}

/** Reads .docx bytes into their text. Throws DocumentInputError for files that cannot be used. */
export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  checkDocumentBytes(bytes);
  try {
    return await readPackage(new ZipArchive(bytes));
  } catch (error) {
    if (error instanceof DocumentInputError) throw error;
    if (error instanceof UnsafePackageError) throw new DocumentInputError(error.reason, error.reasonEn);
    // RangeError: a damaged directory points outside the file.
    if (error instanceof ZipError || error instanceof RangeError) throw CORRUPT(error.message);
    throw error;
  }
}

/** The local name of the document element of an XML part ("document" for w:document). */
function rootName(xml: string): string | null {
  const reader = new XmlReader(xml);
  return reader.next() === OPEN ? reader.name : null;
}

/** Why a package that has no Word document is refused: what it is instead, when that can be told. */
async function notAWordDocument(zip: ZipArchive, root: string | null): Promise<DocumentInputError> {
  if (root === "workbook" || (await zip.read("xl/workbook.xml")) !== null)
    return new DocumentInputError(
      "tệp là bảng tính Excel (.xlsx), không phải tệp văn bản (.docx hoặc .txt); bảng tính dùng với --workbook",
      "the file is an Excel workbook, not a text; give workbooks with --workbook",
    );
  if (root === "presentation" || (await zip.read("ppt/presentation.xml")) !== null)
    return new DocumentInputError(
      "tệp là bản trình chiếu PowerPoint, không phải tệp văn bản (.docx hoặc .txt)",
      "the file is a PowerPoint presentation, not a text",
    );
  const mimetype = await zip.text("mimetype");
  if (mimetype !== null && mimetype.includes("opendocument.text"))
    return new DocumentInputError(
      "tệp là văn bản OpenDocument (.odt); hãy lưu lại dưới dạng .docx",
      "the file is an OpenDocument text; save it as .docx",
    );
  if (mimetype !== null && mimetype.includes("opendocument"))
    return new DocumentInputError(
      "tệp là tài liệu OpenDocument, không phải tệp văn bản (.docx hoặc .txt)",
      "the file is an OpenDocument file, not a Word document",
    );
  return new DocumentInputError("tệp nén này không chứa văn bản Word (.docx)", "the zip file holds no Word document");
}

async function readPackage(zip: ZipArchive): Promise<DocxText> {
  const named = partOfType(await relationships(zip, ""), "officeDocument");
  let main = named ?? "word/document.xml";
  let xml = await partText(zip, main);
  if (xml === null && main !== "word/document.xml") {
    main = "word/document.xml";
    xml = await zip.text(main);
  }
  const root = xml === null ? null : rootName(xml);
  if (xml === null || root !== "document") throw await notAWordDocument(zip, root);

  const refs: NoteReferences = { live: new Set(), deleted: new Set() };
  const paragraphs = readStory(xml, "body", refs);
  const rels = await relationships(zip, main);
  for (const kind of ["footnote", "endnote"] as const) {
    const part = partOfType(rels, `${kind}s`);
    const notes = part === null ? null : await partText(zip, part);
    if (notes !== null) paragraphs.push(...readStory(notes, kind, refs));
  }

  const out: DocxParagraph[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    out.push({ start: offset, end: offset + paragraph.text.length, kind: paragraph.kind });
    offset += paragraph.text.length + 1;
  }
  return { text: paragraphs.map((p) => p.text).join("\n"), paragraphs: out };
}
