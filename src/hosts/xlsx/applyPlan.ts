// Applies an edit plan to a workbook file by editing its package: a generated sheet becomes a new
// worksheet part (or rewrites the part of the sheet chitieu generated earlier, in its place), and
// only the entries a new sheet needs change with it: the workbook part, its relationships, the
// content types and the style sheet. Every other entry (charts, drawings, pivots, comments, VBA,
// custom XML, the add-in's saved settings) is copied as stored, byte for byte, without being
// inflated. The workbook asks for a full recalculation when it is opened, and the calculation
// chain (a cache Excel rebuilds) is dropped since formulas changed.

import type { EditPlan, PlannedCell, SheetPlan } from "../../core/fill/plan";
import { folderOf, partOfType, relationships, relsPartOf, type Relationship } from "./package";
import { checkWorkbookBytes, WorkbookInputError } from "./readWorkbook";
import { generatedSheet, writeCells, type CopySource } from "./sheetPart";
import { EMPTY_STYLES, StyleSheet } from "./styles";
import { attribute, elements, escapeXml, findElement, openElement, setAttribute } from "./xmlEdit";
import { UnsafePackageError, ZipArchive, ZipError } from "./zip";
import { writeZip, type OutEntry } from "./zipWriter";

const TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** UTF-8 of text pieces, written into one buffer that grows as needed. */
function utf8(pieces: readonly string[]): Uint8Array {
  const encoder = new TextEncoder();
  let out = new Uint8Array(1 << 16);
  let length = 0;
  const put = (text: string) => {
    // At most three bytes per UTF-16 unit.
    if (length + text.length * 3 > out.length) {
      const grown = new Uint8Array(Math.max(out.length * 2, length + text.length * 3));
      grown.set(out.subarray(0, length));
      out = grown;
    }
    length += encoder.encodeInto(text, out.subarray(length)).written;
  };
  // A sheet is hundreds of thousands of small pieces: encoded a run of them at a time, not one by one.
  let run: string[] = [];
  let runLength = 0;
  for (const piece of pieces) {
    run.push(piece);
    runLength += piece.length;
    if (runLength >= 1 << 16) {
      put(run.join(""));
      run = [];
      runLength = 0;
    }
  }
  put(run.join(""));
  return out.subarray(0, length);
}

/** Content types for a package that has none (some hand-made ones): the kinds every package holds. */
const NO_CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;

function damaged(detail: string): WorkbookInputError {
  return new WorkbookInputError(
    "tệp có phần bị hỏng: đọc được để kiểm tra nhưng không ghi lại được; hãy mở bằng Excel, lưu lại rồi thử lại",
    `the file is damaged: readable for checking but not for writing (${detail.slice(0, 80)})`,
  );
}

/** A part's name in a relationship target: relative to the source part's folder when it lies under it. */
function targetFrom(folder: string, part: string): string {
  return part.startsWith(folder) ? part.slice(folder.length) : `/${part}`;
}

interface BookSheet {
  name: string;
  part: string | null;
  /** The `<sheet>` element as written in the workbook part. */
  element: string;
}

/** An open workbook package: parts read on demand, changed parts kept until it is written. */
class WorkbookPackage {
  private readonly changed = new Map<string, { name: string; bytes: Uint8Array | null }>();
  private readonly encoder = new TextEncoder();
  private styleSheet: StyleSheet | null = null;
  private stringItems: string[] | null = null;

  private constructor(
    private readonly zip: ZipArchive,
    readonly workbookPart: string,
    private readonly rels: Relationship[],
    readonly stylesPart: string | null,
    private readonly stringsPart: string | null,
  ) {}

  static async open(bytes: Uint8Array): Promise<WorkbookPackage> {
    checkWorkbookBytes(bytes);
    const zip = new ZipArchive(bytes);
    const workbookPart = partOfType(await relationships(zip, ""), "officeDocument") ?? "xl/workbook.xml";
    if (!zip.has(workbookPart))
      throw new WorkbookInputError("tệp nén này không chứa bảng tính Excel", "the zip file holds no Excel workbook");
    const rels = await relationships(zip, workbookPart);
    return new WorkbookPackage(zip, workbookPart, rels, partOfType(rels, "styles"), partOfType(rels, "sharedStrings"));
  }

  get folder(): string {
    return folderOf(this.workbookPart);
  }

  async text(part: string): Promise<string | null> {
    const changed = this.changed.get(part.toLowerCase());
    if (changed) return changed.bytes === null ? null : new TextDecoder().decode(changed.bytes);
    return this.zip.text(part);
  }

  has(part: string): boolean {
    const changed = this.changed.get(part.toLowerCase());
    return changed ? changed.bytes !== null : this.zip.has(part);
  }

  /** Changes a part (null removes it); a large part comes in pieces, encoded one after the other. */
  set(part: string, text: string | readonly string[] | null): void {
    this.changed.set(part.toLowerCase(), {
      name: part,
      bytes: text === null ? null : typeof text === "string" ? this.encoder.encode(text) : utf8(text),
    });
  }

  async styles(): Promise<StyleSheet> {
    if (!this.styleSheet) this.styleSheet = new StyleSheet((this.stylesPart && (await this.text(this.stylesPart))) || EMPTY_STYLES);
    return this.styleSheet;
  }

  async strings(): Promise<() => string[]> {
    const xml = this.stringsPart ? ((await this.text(this.stringsPart)) ?? "") : "";
    return () => {
      if (!this.stringItems) {
        const sst = findElement(xml, "sst");
        this.stringItems = sst
          ? elements(xml, sst.contentStart, sst.contentEnd)
              .filter((e) => e.name === "si")
              .map((e) => {
                const item = xml.slice(e.start, e.end);
                return item.endsWith("/>") ? "" : item.slice(item.indexOf(">") + 1, item.lastIndexOf("</"));
              })
          : [];
      }
      return this.stringItems;
    };
  }

  async sheets(): Promise<BookSheet[]> {
    return this.sheetsIn((await this.text(this.workbookPart)) ?? "");
  }

  /** The sheets a workbook part's text lists, with their parts. */
  private sheetsIn(xml: string): BookSheet[] {
    const list = findElement(xml, "sheets");
    if (!list) throw damaged("the workbook part lists no sheets");
    const byId = new Map(this.rels.map((rel) => [rel.id, rel]));
    return elements(xml, list.contentStart, list.contentEnd)
      .filter((e) => e.name === "sheet")
      .map((e) => {
        const element = xml.slice(e.start, e.end);
        const rel = byId.get(attribute(element, "id"));
        return { name: attribute(element, "name") ?? "", part: rel && rel.type.endsWith("/worksheet") ? rel.target : null, element };
      });
  }

  async sheetPart(name: string): Promise<string> {
    const sheet = (await this.sheets()).find((s) => s.name === name);
    if (!sheet?.part || !this.has(sheet.part)) throw new WorkbookInputError(`không thấy trang "${name}"`, `sheet "${name}" not found`);
    return sheet.part;
  }

  /** The source of a sheet copy: its worksheet text, the strings and styles of its workbook. */
  async copySource(sheet: string, foreign: boolean): Promise<CopySource> {
    let part: string;
    try {
      part = await this.sheetPart(sheet);
    } catch {
      throw new WorkbookInputError(`không thấy trang mẫu "${sheet}"`, `template sheet "${sheet}" not found`);
    }
    return { xml: (await this.text(part)) ?? "", strings: await this.strings(), styles: await this.styles(), foreign };
  }

  /** A part name not yet in the package, like `xl/worksheets/sheet7.xml`. */
  private freePart(folder: string, stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const part = `${folder}${stem}${n}.${extension}`;
      if (!this.has(part)) return part;
    }
  }

  /** Adds a relationship to the workbook part; its id. */
  private async relate(type: string, part: string): Promise<string> {
    const relsPart = relsPartOf(this.workbookPart);
    const xml =
      (await this.text(relsPart)) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"></Relationships>`;
    const ids = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const prefix = findElement(xml, "Relationships")?.prefix ?? "";
    const close = xml.lastIndexOf(`</${prefix}Relationships>`);
    this.rels.push({ id, type: `${TYPES}/${type}`, target: part });
    this.set(
      relsPart,
      `${xml.slice(0, close)}<${prefix}Relationship Id="${id}" Type="${TYPES}/${type}" Target="${escapeXml(targetFrom(this.folder, part))}"/>${xml.slice(close)}`,
    );
    return id;
  }

  private async declare(part: string, contentType: string): Promise<void> {
    let xml = await this.text("[Content_Types].xml");
    if (xml === null) {
      xml = NO_CONTENT_TYPES;
      // Created here: the workbook part is declared with the new part, or Excel would not open it.
      if (part !== this.workbookPart) {
        this.set("[Content_Types].xml", xml);
        await this.declare(this.workbookPart, WORKBOOK_TYPE);
        xml = (await this.text("[Content_Types].xml")) as string;
      }
    }
    if (new RegExp(`PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`, "i").test(xml)) return;
    const close = xml.lastIndexOf("</");
    if (close < 0) throw damaged("no content types");
    this.set(
      "[Content_Types].xml",
      `${xml.slice(0, close)}<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>${xml.slice(close)}`,
    );
  }

  /** Writes a generated sheet: over the part of the sheet it replaces, or as a new part at the end. */
  async placeSheet(plan: SheetPlan, template: WorkbookPackage | null): Promise<void> {
    const styles = await this.styles();
    let source: CopySource | null = null;
    if (plan.copy) {
      const from = plan.copy.from === "template" ? template : this;
      if (!from) throw new WorkbookInputError(`không thấy trang mẫu "${plan.copy.sheet}"`, `template sheet "${plan.copy.sheet}" not found`);
      source = await from.copySource(plan.copy.sheet, from !== this);
    }
    const sheetXml = generatedSheet(plan, styles, source);
    let xml = (await this.text(this.workbookPart)) ?? "";
    const sheets = this.sheetsIn(xml);
    const replaced = plan.replaces === null ? -1 : sheets.findIndex((s) => s.name === plan.replaces && s.part !== null);
    let index: number;
    if (replaced >= 0) {
      const part = sheets[replaced].part as string;
      this.set(part, sheetXml);
      // The old sheet's own relationships (a drawing, comments added to it) went with it.
      const rels = relsPartOf(part);
      if (this.has(rels)) this.set(rels, null);
      const old = sheets[replaced].element;
      xml = xml.replace(old, () => setAttribute(old, "name", plan.name));
      index = replaced;
    } else {
      const part = this.freePart(`${this.folder}worksheets/`, "sheet", "xml");
      this.set(part, sheetXml);
      await this.declare(part, WORKSHEET_TYPE);
      const id = await this.relate("worksheet", part);
      const opened = openElement(xml, "sheets") as NonNullable<ReturnType<typeof openElement>>;
      xml = opened.xml;
      const list = opened.found;
      const ns = /xmlns:(\w+)="[^"]*\/relationships"/.exec(xml)?.[1];
      const sheetId = Math.max(0, ...sheets.map((s) => Number(attribute(s.element, "sheetId")) || 0)) + 1;
      const element = `<${list.prefix}sheet name="${escapeXml(plan.name)}" sheetId="${sheetId}" ${ns ? `${ns}:id="${id}"` : `r:id="${id}" xmlns:r="${TYPES}"`}/>`;
      xml = xml.slice(0, list.contentEnd) + element + xml.slice(list.contentEnd);
      index = sheets.length;
    }
    this.set(this.workbookPart, printTitles(xml, index, plan));
  }

  async writeCells(sheet: string, cells: readonly PlannedCell[]): Promise<void> {
    const part = await this.sheetPart(sheet);
    this.set(part, writeCells((await this.text(part)) ?? "", cells, await this.styles(), sheet));
  }

  /** The package with every change: unchanged entries as stored, in their order; new ones after. */
  async write(): Promise<Uint8Array> {
    if (this.styleSheet?.changed) {
      let part = this.stylesPart;
      if (part === null) {
        part = `${this.folder}styles.xml`;
        await this.declare(part, STYLES_TYPE);
        await this.relate("styles", part);
      }
      this.set(part, this.styleSheet.toXml());
    }
    await this.forceRecalculation();
    const out: OutEntry[] = [];
    const pending = new Map(this.changed);
    for (const entry of this.zip.stored()) {
      const change = pending.get(entry.name.toLowerCase());
      pending.delete(entry.name.toLowerCase());
      if (!change) out.push(entry);
      else if (change.bytes !== null) out.push({ name: entry.name, bytes: change.bytes });
    }
    for (const change of pending.values()) if (change.bytes !== null) out.push({ name: change.name, bytes: change.bytes });
    return writeZip(out);
  }

  /** Full calculation on load, and no calculation chain (it lists the formulas of before). */
  private async forceRecalculation(): Promise<void> {
    let xml = (await this.text(this.workbookPart)) ?? "";
    const calc = findElement(xml, "calcPr");
    if (calc) xml = xml.slice(0, calc.start) + setAttribute(xml.slice(calc.start, calc.end), "fullCalcOnLoad", "1") + xml.slice(calc.end);
    else {
      const after = ["definedNames", "externalReferences", "functionGroups", "sheets"]
        .map((n) => findElement(xml, n))
        .find((f) => f !== null);
      const prefix = findElement(xml, "sheets")?.prefix ?? "";
      if (after) xml = `${xml.slice(0, after.end)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(after.end)}`;
    }
    this.set(this.workbookPart, xml);
    const chain = partOfType(this.rels, "calcChain");
    if (chain && this.has(chain)) {
      this.set(chain, null);
      const relsPart = relsPartOf(this.workbookPart);
      const rels = (await this.text(relsPart)) ?? "";
      this.set(relsPart, rels.replace(/<(\w+:)?Relationship\b[^>]*\/calcChain"[^>]*\/>/g, ""));
      const types = await this.text("[Content_Types].xml");
      if (types !== null)
        this.set("[Content_Types].xml", types.replace(/<(\w+:)?Override\b[^>]*PartName="\/[^"]*calcChain\.xml"[^>]*\/>/gi, ""));
    }
  }
}

/** The workbook part with the sheet at `index`'s print titles and filter range set: the sheet's own defined names replaced. */
function printTitles(xml: string, index: number, plan: SheetPlan): string {
  const prefix = findElement(xml, "sheets")?.prefix ?? "";
  let names = findElement(xml, "definedNames");
  if (names) {
    // Names local to the generated sheet belonged to what it replaces.
    const kept = elements(xml, names.contentStart, names.contentEnd)
      .map((e) => xml.slice(e.start, e.end))
      .filter((element) => attribute(element, "localSheetId") !== String(index));
    xml = xml.slice(0, names.contentStart) + kept.join("") + xml.slice(names.contentEnd);
  }
  const quoted = `'${plan.name.replace(/'/g, "''")}'`;
  const name = (defined: string, value: string, hidden = "") =>
    `<${prefix}definedName name="${defined}" localSheetId="${index}"${hidden}>${escapeXml(`${quoted}!${value}`)}</${prefix}definedName>`;
  const filter = plan.autoFilter ? /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(plan.autoFilter) : null;
  const title =
    (plan.printTitleRows ? name("_xlnm.Print_Titles", `$${plan.printTitleRows.first}:$${plan.printTitleRows.last}`) : "") +
    (filter ? name("_xlnm._FilterDatabase", `$${filter[1]}$${filter[2]}:$${filter[3]}$${filter[4]}`, ' hidden="1"') : "");
  if (!title) return xml;
  names = findElement(xml, "definedNames");
  if (names && !names.tag.endsWith("/>")) return xml.slice(0, names.contentEnd) + title + xml.slice(names.contentEnd);
  if (names) return `${xml.slice(0, names.start)}<${prefix}definedNames>${title}</${prefix}definedNames>${xml.slice(names.end)}`;
  const after = ["externalReferences", "functionGroups", "sheets"].map((n) => findElement(xml, n)).find((f) => f !== null) as NonNullable<
    ReturnType<typeof findElement>
  >;
  return `${xml.slice(0, after.end)}<${prefix}definedNames>${title}</${prefix}definedNames>${xml.slice(after.end)}`;
}

/**
 * The workbook's bytes with the plan applied. `template` holds the bytes of a template file when a
 * plan copies a sheet from one.
 */
export async function applyPlanToBytes(bytes: Uint8Array, plan: EditPlan, template: Uint8Array | null = null): Promise<Uint8Array> {
  try {
    const book = await WorkbookPackage.open(bytes);
    const templateBook = template ? await WorkbookPackage.open(template) : null;
    for (const sheet of plan.sheets) await book.placeSheet(sheet, templateBook);
    for (const write of plan.writes ?? []) await book.writeCells(write.sheet, write.cells);
    return await book.write();
  } catch (error) {
    if (error instanceof WorkbookInputError) throw error;
    if (error instanceof UnsafePackageError) throw new WorkbookInputError(error.reason, error.reasonEn);
    if (error instanceof ZipError || error instanceof RangeError) throw damaged(error.message);
    throw error;
  }
}

/** A workbook of the plan's sheets alone (a summary, a findings list): a package made here, then filled. */
export async function newWorkbookBytes(plan: EditPlan): Promise<Uint8Array> {
  const empty = await writeZip([
    {
      name: "[Content_Types].xml",
      bytes: new TextEncoder().encode(
        `${NO_CONTENT_TYPES.slice(0, NO_CONTENT_TYPES.lastIndexOf("</Types>"))}<Override PartName="/xl/workbook.xml" ContentType="${WORKBOOK_TYPE}"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      bytes: new TextEncoder().encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${TYPES}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      bytes: new TextEncoder().encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${TYPES}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`,
      ),
    },
  ]);
  return applyPlanToBytes(empty, plan);
}
