// The workbook's style sheet (xl/styles.xml) as the writer extends it: the styles a plan names, a
// user cell's style with another number format, and the styles of a template file's cells are
// appended as new fonts, fills, borders, number formats and cell formats. What the workbook
// already has is never changed or renumbered, so every existing cell keeps its look.

import type { PlanStyle } from "../../core/fill/plan";
import { attribute, elements, escapeXml, findElement, reprefix, setAttribute } from "./xmlEdit";

const FONT = "Times New Roman";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The style sheet a workbook without one gets: what Excel itself writes for a new workbook. */
export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The collections of a style sheet, in the order the schema requires them. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
type Collection = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";

/** Number formats every workbook has without declaring them, by their code as written in files. */
const BUILT_IN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

const NO_STYLE: PlanStyle = {};

export class StyleSheet {
  private readonly prefix: string;
  private readonly existing = new Map<Collection, string[]>();
  private readonly added = new Map<Collection, string[]>();
  /** Custom number formats by id, as declared and as added. */
  private readonly formats = new Map<number, string>();
  private readonly memo = new Map<string, number>();
  private readonly byObject = new WeakMap<PlanStyle, number>();

  constructor(private readonly xml: string) {
    this.prefix = findElement(xml, "styleSheet")?.prefix ?? "";
    for (const name of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as Collection[]) {
      const found = findElement(xml, name);
      const items = found ? elements(xml, found.contentStart, found.contentEnd).map((e) => xml.slice(e.start, e.end)) : [];
      this.existing.set(name, items);
      this.added.set(name, []);
      // What an earlier fill added is found again, not added once more on every fill.
      items.forEach((item, index) => {
        const key = `${name}\u0000${reprefix(item, this.prefix, "")}`;
        if (!this.memo.has(key)) this.memo.set(key, index);
      });
    }
    for (const numFmt of this.existing.get("numFmts") ?? []) {
      const id = Number(attribute(numFmt, "numFmtId"));
      const code = attribute(numFmt, "formatCode");
      if (Number.isInteger(id) && code !== null) this.formats.set(id, code);
    }
  }

  private count(name: Collection): number {
    return (this.existing.get(name)?.length ?? 0) + (this.added.get(name)?.length ?? 0);
  }

  private item(name: Collection, index: number): string | null {
    const existing = this.existing.get(name) ?? [];
    return index < existing.length ? (existing[index] ?? null) : (this.added.get(name)?.[index - existing.length] ?? null);
  }

  /** The index of an element in a collection, appending it once when it is new (written without prefix). */
  private add(name: Collection, element: string): number {
    const key = `${name}\u0000${element}`;
    let index = this.memo.get(key);
    if (index === undefined) {
      index = this.count(name);
      this.added.get(name)?.push(reprefix(element, "", this.prefix));
      this.memo.set(key, index);
    }
    return index;
  }

  /** The id of a number format code: built in, already declared, or declared now. */
  numberFormat(code: string): number {
    if (code in BUILT_IN) return BUILT_IN[code];
    for (const [id, existing] of this.formats) if (existing === code) return id;
    const id = Math.max(163, ...this.formats.keys()) + 1;
    this.formats.set(id, code);
    this.add("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The cell format of a plan's style (Times New Roman, 12 pt unless it says otherwise). */
  planStyle(style: PlanStyle = NO_STYLE): number {
    // A style object shared by many cells is looked up once.
    const same = this.byObject.get(style);
    if (same !== undefined) return same;
    const index = this.planStyleByContent(style);
    this.byObject.set(style, index);
    return index;
  }

  private planStyleByContent(style: PlanStyle): number {
    // Plans spread a few styles over thousands of cells, each its own object: known by content.
    const key = `plan\u0000${style.bold ? 1 : 0}${style.italic ? 1 : 0}${style.wrap ? 1 : 0}${style.border ? 1 : 0}|${style.size}|${style.color}|${style.fill}|${style.horizontal}|${style.vertical}|${style.indent}|${style.numberFormat}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const font = this.add(
      "fonts",
      `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}<sz val="${style.size ?? 12}"/>${
        style.color ? `<color rgb="FF${style.color}"/>` : ""
      }<name val="${FONT}"/><family val="1"/></font>`,
    );
    const fill = style.fill
      ? this.add(
          "fills",
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const side = (name: string) => `<${name} style="thin"><color indexed="64"/></${name}>`;
    const border = style.border
      ? this.add("borders", `<border>${["left", "right", "top", "bottom"].map(side).join("")}<diagonal/></border>`)
      : 0;
    const format = style.numberFormat ? this.numberFormat(style.numberFormat) : 0;
    const align = [
      style.horizontal ? ` horizontal="${style.horizontal}"` : "",
      style.vertical ? ` vertical="${style.vertical === "middle" ? "center" : "top"}"` : "",
      style.wrap ? ' wrapText="1"' : "",
      style.indent ? ` indent="${style.indent}"` : "",
    ].join("");
    const xf =
      `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1"` +
      ` applyFill="1" applyBorder="1"${align ? ` applyAlignment="1"><alignment${align}/></xf>` : "/>"}`;
    const index = this.add("cellXfs", xf);
    this.memo.set(key, index);
    return index;
  }

  /** A cell format like `xf` (an index of this sheet) with another number format. */
  withNumberFormat(xf: number, code: string): number {
    const base = this.item("cellXfs", xf) ?? this.item("cellXfs", 0) ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const format = this.numberFormat(code);
    if (Number(attribute(base, "numFmtId") ?? 0) === format) return xf;
    const unprefixed = reprefix(base, this.prefix, "");
    return this.add("cellXfs", setAttribute(setAttribute(unprefixed, "numFmtId", String(format)), "applyNumberFormat", "1"));
  }

  /** The index here of cell format `xf` of another style sheet (a template file's), with its font, fill, border and format. */
  importCellFormat(from: StyleSheet, xf: number): number {
    const key = `import\u0000${xf}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const source = from.item("cellXfs", xf);
    let index = 0;
    if (source !== null) {
      let element = reprefix(source, from.prefix, "");
      const copy = (attr: string, name: Collection) => {
        const id = Number(attribute(element, attr) ?? 0);
        const part = from.item(name, id);
        if (part !== null) element = setAttribute(element, attr, String(this.add(name, reprefix(part, from.prefix, ""))));
      };
      copy("fontId", "fonts");
      copy("fillId", "fills");
      copy("borderId", "borders");
      const format = Number(attribute(element, "numFmtId") ?? 0);
      const code = from.formats.get(format);
      if (code !== undefined) element = setAttribute(element, "numFmtId", String(this.numberFormat(code)));
      // The template's named cell styles are not brought over: the copy hangs off "Normal".
      index = this.add("cellXfs", setAttribute(element, "xfId", "0"));
    }
    this.memo.set(key, index);
    return index;
  }

  /** The index here of differential format `dxf` of another style sheet (conditional formats of a template file). */
  importDifferentialFormat(from: StyleSheet, dxf: number): number {
    const source = from.item("dxfs", dxf);
    return source === null ? dxf : this.add("dxfs", reprefix(source, from.prefix, ""));
  }

  /** Whether anything was added: when not, the part is left as it was. */
  get changed(): boolean {
    return [...this.added.values()].some((items) => items.length > 0);
  }

  /** The style sheet with what was added, the rest of the text as it was. */
  toXml(): string {
    let xml = this.xml;
    for (const name of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as Collection[]) {
      const added = this.added.get(name) ?? [];
      if (added.length === 0) continue;
      const count = String(this.count(name));
      const found = findElement(xml, name);
      if (found) {
        const tag = setAttribute(found.tag, "count", count);
        const open = found.tag.endsWith("/>") ? tag.replace(/\s*\/>$/, ">") : tag;
        const close = found.tag.endsWith("/>") ? `</${found.prefix}${name}>` : xml.slice(found.contentEnd, found.end);
        xml =
          xml.slice(0, found.start) +
          open +
          xml.slice(found.contentStart, found.contentEnd) +
          added.join("") +
          close +
          xml.slice(found.end);
      } else {
        // Before the first collection that comes after it in the schema, else before the end.
        const before = ORDER.slice(ORDER.indexOf(name) + 1)
          .map((next) => findElement(xml, next)?.start)
          .find((at) => at !== undefined);
        const at = before ?? xml.lastIndexOf(`</${this.prefix}styleSheet>`);
        xml = `${xml.slice(0, at)}<${this.prefix}${name} count="${count}">${added.join("")}</${this.prefix}${name}>${xml.slice(at)}`;
      }
    }
    return xml;
  }
}
