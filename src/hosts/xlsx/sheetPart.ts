// Worksheet parts as the writer makes and changes them: a generated sheet written whole (from a
// plan, or from a copy of a template sheet with its repeated rows), and cells spliced into a user's
// sheet, leaving every other byte of that part as it was. Text is written as inline strings, so
// the shared string table is never touched; formulas carry chitieu's result until Excel or
// LibreOffice recalculates on opening.

import type { PlannedCell, SheetCopy, SheetPlan } from "../../core/fill/plan";
import { moveFormula, moveRanges, RowMap, shiftFormula } from "../../core/fill/references";
import { address, parseAddress } from "../../core/model/snapshot";
import { WorkbookInputError } from "./readWorkbook";
import type { StyleSheet } from "./styles";
import { decodeEntities } from "./xml";
import { attribute, cellText, elements, escapeXml, findElement, openElement, reprefix, setAttribute } from "./xmlEdit";

/** Functions newer than Excel 2007 are stored with a prefix in the file; the UI shows them without. */
const FUTURE_FUNCTIONS = /\b(NUMBERVALUE|IFNA|CONCAT|TEXTJOIN|IFS|XLOOKUP)\(/g;

export function fileFormula(formula: string): string {
  return formula.replace(FUTURE_FUNCTIONS, (_, name: string) => `_xlfn.${name}(`);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Excel's column count: cells are keyed row × COLUMNS + column. */
const COLUMNS = 16384;
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A planned cell as worksheet XML, with cell format `style`. */
export function cellXml(ref: string, planned: PlannedCell, style: number): string {
  const s = style ? ` s="${style}"` : "";
  const { value } = planned;
  if (planned.formula !== undefined) {
    const cached =
      typeof value === "number" && Number.isFinite(value)
        ? `<v>${value}</v>`
        : typeof value === "string"
          ? `<v>${cellText(value)}</v>`
          : "";
    return `<c r="${ref}"${s}${typeof value === "string" ? ' t="str"' : ""}><f>${escapeXml(fileFormula(planned.formula))}</f>${cached}</c>`;
  }
  // Text is always an inline string: never a formula, whatever it starts with.
  if (typeof value === "string") return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${cellText(value)}</t></is></c>`;
  if (typeof value === "number" && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s}/>`;
}

/** The workbook a template sheet is copied from: its worksheet text, shared strings and styles. */
export interface CopySource {
  xml: string;
  /** The shared string items' inner XML (runs of rich text kept). */
  strings: () => string[];
  styles: StyleSheet;
  /** True when the source's styles are another workbook's (a template file): they are imported. */
  foreign: boolean;
}

interface Row {
  attrs: string;
  cells: Map<number, { xml: string; style: number }>;
}

/** The parts of a template sheet a copy keeps, unprefixed; rows and cells already placed. */
interface Copied {
  /** Namespace declarations of the template's root other than the main and relationships ones. */
  namespaces: string;
  rows: Map<number, Row>;
  merges: string[];
  sheetPr: string;
  views: string;
  format: string;
  cols: string;
  conditional: string;
  print: string;
}

const CELL = /<(?:\w+:)?c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g;

function raw(xml: string, name: string, prefix: string): string {
  const found = findElement(xml, name);
  return found ? reprefix(xml.slice(found.start, found.end), prefix, "") : "";
}

/** Copies a template sheet, its repeated rows expanded, references moved as Excel moves them on inserting rows. */
function copySheet(copy: SheetCopy, source: CopySource, target: StyleSheet): Copied {
  const { xml } = source;
  const prefix = findElement(xml, "worksheet")?.prefix ?? "";
  const map = new RowMap(copy.repeats);
  const style = (s: number) => (source.foreign ? target.importCellFormat(source.styles, s) : s);
  const rows = new Map<number, Row>();
  const data = findElement(xml, "sheetData");
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  if (data) {
    let rowNumber = 0;
    for (const element of elements(xml, data.contentStart, data.contentEnd)) {
      if (element.name !== "row") continue;
      const rowXml = xml.slice(element.start, element.end);
      const tag = rowXml.slice(0, rowXml.indexOf(">") + 1);
      rowNumber = Number(attribute(tag, "r") ?? rowNumber + 1);
      let attrs = ["ht", "customHeight", "hidden", "customFormat", "outlineLevel"]
        .map((name) => [name, attribute(tag, name)] as const)
        .filter(([, value]) => value !== null)
        .map(([name, value]) => ` ${name}="${escapeXml(value as string)}"`)
        .join("");
      const rowStyle = attribute(tag, "s");
      if (rowStyle !== null) attrs += ` s="${style(Number(rowStyle))}"`;
      const times = map.times(rowNumber);
      const cells: Array<{ col: number; make: (k: number) => string; style: number }> = [];
      let col = -1;
      for (const match of rowXml.matchAll(CELL)) {
        const cell = match[0];
        const ref = attribute(cell, "r");
        col = ref ? (parseAddress(ref)?.col ?? col + 1) : col + 1;
        const s = style(Number(attribute(cell, "s") ?? 0));
        const kind = attribute(cell, "t");
        const f = findElement(cell, "f");
        const fAttrs = f ? f.tag : "";
        let formula = f ? decodeEntities(cell.slice(f.contentStart, f.contentEnd)) : null;
        const fType = f ? attribute(fAttrs, "t") : null;
        if (fType === "shared") {
          const si = attribute(fAttrs, "si") ?? "";
          if (formula) masters.set(si, { formula, row: rowNumber, col });
          else {
            const master = masters.get(si);
            formula = master ? shiftFormula(master.formula, rowNumber - master.row, col - master.col) : null;
          }
        }
        const here = rowNumber;
        const own = col;
        let make: (k: number) => string;
        if (formula && fType !== "dataTable") {
          const text = formula;
          const array = fType === "array" ? attribute(fAttrs, "ref") : null;
          make = (k) => {
            const moved = escapeXml(moveFormula(text, map, copy.sheet, times > 1 ? here : null, k));
            const ref = address(map.row(here) + k - 1, own);
            // An array formula of one cell (Excel 365's dynamic arrays) is each copy's own cell.
            const single = array !== null && array.replace(/\$/g, "").toUpperCase() === address(here - 1, own);
            const arrayAttrs = array ? ` t="array" ref="${single ? ref : moveRanges(array, map)}"` : "";
            return `<c r="${ref}"${s ? ` s="${s}"` : ""}><f${arrayAttrs}>${moved}</f></c>`;
          };
        } else {
          const v = findElement(cell, "v");
          const is = findElement(cell, "is");
          let content = "";
          let t = kind && kind !== "s" ? ` t="${kind}"` : "";
          if (kind === "s" && v) {
            const item = source.strings()[Number(decodeEntities(cell.slice(v.contentStart, v.contentEnd)))];
            content = `<is>${reprefix(item ?? "", prefix, "")}</is>`;
            t = ' t="inlineStr"';
          } else if (is) content = reprefix(cell.slice(is.start, is.end), prefix, "");
          else if (v) content = `<v>${cell.slice(v.contentStart, v.contentEnd)}</v>`;
          make = (k) => {
            const start = `<c r="${address(map.row(here) + k - 1, own)}"${s ? ` s="${s}"` : ""}${t}`;
            return content ? `${start}>${content}</c>` : `${start}/>`;
          };
        }
        cells.push({ col, make, style: s });
      }
      for (let k = 0; k < times; k++) {
        const row: Row = { attrs, cells: new Map() };
        for (const cell of cells) row.cells.set(cell.col, { xml: cell.make(k), style: cell.style });
        rows.set(map.row(rowNumber) + k, row);
      }
    }
  }
  const merges: string[] = [];
  const mergeCells = findElement(xml, "mergeCells");
  if (mergeCells)
    for (const m of elements(xml, mergeCells.contentStart, mergeCells.contentEnd)) {
      const range = attribute(xml.slice(m.start, m.end), "ref");
      if (!range) continue;
      const [a, b = a] = range.split(":");
      const top = Number(a.replace(/^\D+/, ""));
      // A merge within one repeated row is repeated on every copy; any other grows or moves.
      if (top === Number(b.replace(/^\D+/, "")) && map.times(top) > 1) {
        for (let k = 0; k < map.times(top); k++)
          merges.push(`${a.replace(/\d+$/, "")}${map.row(top) + k}:${b.replace(/\d+$/, "")}${map.row(top) + k}`);
      } else merges.push(moveRanges(range, map));
    }
  let conditional = "";
  for (
    let at = 0, found = findElement(xml, "conditionalFormatting");
    found;
    at = found.end, found = findElement(xml, "conditionalFormatting", at)
  ) {
    let element = reprefix(xml.slice(found.start, found.end), prefix, "");
    element = setAttribute(element, "sqref", moveRanges(attribute(element, "sqref") ?? "", map));
    element = element.replace(
      /<formula>([\s\S]*?)<\/formula>/g,
      (_, f: string) => `<formula>${escapeXml(moveFormula(decodeEntities(f), map, copy.sheet))}</formula>`,
    );
    if (source.foreign)
      element = element.replace(
        /\sdxfId="(\d+)"/g,
        (_, id: string) => ` dxfId="${target.importDifferentialFormat(source.styles, Number(id))}"`,
      );
    conditional += element;
  }
  let cols = raw(xml, "cols", prefix);
  if (source.foreign) cols = cols.replace(/\sstyle="(\d+)"/g, (_, id: string) => ` style="${style(Number(id))}"`);
  // The copy is not the selected tab, has no VBA code name, and no printer settings of the template.
  const sheetPr = raw(xml, "sheetPr", prefix);
  // Copied elements may carry attributes of other namespaces (x14ac:dyDescent): declared as the template did.
  const root = findElement(xml, "worksheet")?.tag ?? "";
  const namespaces = [...root.matchAll(/\s(xmlns:(?!r=)\w+="[^"]*"|\w+:Ignorable="[^"]*")/g)].map((m) => ` ${m[1]}`).join("");
  return {
    namespaces,
    rows,
    merges,
    sheetPr: sheetPr && setAttribute(sheetPr, "codeName", null),
    views: raw(xml, "sheetViews", prefix).replace(/\stabSelected="[^"]*"/g, ""),
    format: raw(xml, "sheetFormatPr", prefix),
    cols,
    conditional,
    print: ["printOptions", "pageMargins", "pageSetup", "headerFooter"]
      .map((name) => raw(xml, name, prefix))
      .map((element) => (element.startsWith("<pageSetup") ? setAttribute(element, "r:id", null) : element))
      .join(""),
  };
}

/** The worksheet part of a generated sheet, in pieces (a large sheet is never joined into one string). */
export function generatedSheet(plan: SheetPlan, styles: StyleSheet, source: CopySource | null): string[] {
  const copied = plan.copy && source ? copySheet(plan.copy, source, styles) : null;
  // Cells by row × 16,384 + column: one map for the whole sheet, sorted once at the end.
  const cells = new Map<number, string>();
  const styleAt = new Map<number, number>();
  const rowAttrs = new Map<number, string>();
  for (const [r, row] of copied?.rows ?? []) {
    rowAttrs.set(r, row.attrs);
    for (const [c, cell] of row.cells) {
      cells.set(r * COLUMNS + c, cell.xml);
      styleAt.set(r * COLUMNS + c, cell.style);
    }
  }
  for (const planned of plan.cells) {
    const at = parseAddress(planned.address);
    if (!at) continue;
    const key = (at.row + 1) * COLUMNS + at.col;
    // Over a copied template cell the cell keeps its style; the plan adds only a number format.
    const under = styleAt.get(key);
    let style: number;
    if (under !== undefined) style = planned.style?.numberFormat ? styles.withNumberFormat(under, planned.style.numberFormat) : under;
    else style = styles.planStyle(planned.style);
    cells.set(key, cellXml(planned.address, planned, style));
  }
  const keys = [...cells.keys()].sort((a, b) => a - b);
  // Rows of the template with no cell still carry their height: one key each, in column A.
  for (const r of rowAttrs.keys()) if (!cells.has(r * COLUMNS)) keys.push(r * COLUMNS);
  keys.sort((a, b) => a - b);
  const parts: string[] = [];
  let open = -1;
  let maxCol = 0;
  let last = 1;
  for (const key of keys) {
    const r = Math.floor(key / COLUMNS);
    if (r !== open) {
      if (open >= 0) parts.push("</row>");
      parts.push(`<row r="${r}"${rowAttrs.get(r) ?? ""}>`);
      open = r;
      last = r;
    }
    const xml = cells.get(key);
    if (xml !== undefined) {
      parts.push(xml);
      maxCol = Math.max(maxCol, key % COLUMNS);
    }
  }
  if (open >= 0) parts.push("</row>");
  const merges = [...(copied?.merges ?? []), ...plan.merges];
  const sheetPr = plan.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : (copied?.sheetPr ?? "");
  const views = plan.frozenRows
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${plan.frozenRows}" topLeftCell="A${plan.frozenRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : copied?.views || '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols =
    plan.columns && plan.columns.length
      ? `<cols>${[...plan.columns]
          .sort((a, b) => a.column - b.column)
          .map((c) => `<col min="${c.column}" max="${c.column}" width="${c.width}" customWidth="1"/>`)
          .join("")}</cols>`
      : (copied?.cols ?? "");
  const margins = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const print = plan.landscape
    ? `${margins}<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`
    : copied?.print || margins;
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"${copied?.namespaces ?? ""}>` +
      `${sheetPr}<dimension ref="A1:${address(last - 1, maxCol)}"/>${views}${copied?.format || '<sheetFormatPr defaultRowHeight="15"/>'}${cols}<sheetData>`,
    ...parts,
    "</sheetData>" +
      (plan.autoFilter ? `<autoFilter ref="${plan.autoFilter}"/>` : "") +
      (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "") +
      `${copied?.conditional ?? ""}${print}</worksheet>`,
  ];
}

/**
 * A user's sheet with cells written into it: each cell replaces the one at its address or is
 * inserted in order; the rest of the part stays as it was. A written cell keeps the style of the
 * cell it replaces, with the plan's number format.
 */
export function writeCells(part: string, cells: readonly PlannedCell[], styles: StyleSheet, sheet: string): string {
  const opened = openElement(part, "sheetData");
  if (!opened) throw new WorkbookInputError(`trang "${sheet}" không có vùng dữ liệu`, `sheet "${sheet}" has no sheetData`);
  const { xml, found: data } = opened;
  const prefix = data.prefix;
  const byRow = new Map<number, Array<{ col: number; planned: PlannedCell }>>();
  for (const planned of cells) {
    const at = parseAddress(planned.address);
    if (!at) continue;
    const list = byRow.get(at.row + 1) ?? [];
    list.push({ col: at.col, planned });
    byRow.set(at.row + 1, list);
  }
  const refuse = () =>
    new WorkbookInputError(
      `trang "${sheet}" được lưu theo cách chitieu chưa ghi vào được (ô không ghi địa chỉ hoặc công thức dùng chung); hãy mở bằng Excel, lưu lại rồi thử lại`,
      `sheet "${sheet}" is stored in a form chitieu cannot write into (cells without addresses or a shared formula)`,
    );
  const cellOut = (col: number, row: number, planned: PlannedCell, old: string | null) => {
    const s = old === null ? 0 : Number(attribute(old, "s") ?? 0);
    const style = planned.style?.numberFormat ? styles.withNumberFormat(s, planned.style.numberFormat) : s;
    return reprefix(cellXml(address(row - 1, col), planned, style), "", prefix);
  };
  const out: string[] = [xml.slice(0, data.contentStart)];
  let at = data.contentStart;
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  const newRow = (r: number) =>
    `<${prefix}row r="${r}">${(byRow.get(r) ?? [])
      .sort((a, b) => a.col - b.col)
      .map(({ col, planned }) => cellOut(col, r, planned, null))
      .join("")}</${prefix}row>`;
  for (const element of elements(xml, data.contentStart, data.contentEnd)) {
    if (element.name !== "row") continue;
    const rowXml = xml.slice(element.start, element.end);
    const r = Number(attribute(rowXml, "r"));
    if (!Number.isInteger(r) || r < 1) {
      if (pending.length) throw refuse();
      continue;
    }
    while (pending.length && pending[0] < r) {
      out.push(xml.slice(at, element.start), newRow(pending[0]));
      at = element.start;
      pending.shift();
    }
    if (pending[0] !== r) continue;
    pending.shift();
    const wanted = (byRow.get(r) ?? []).sort((a, b) => a.col - b.col);
    const tagEnd = rowXml.indexOf(">") + 1;
    let body = "";
    let from = tagEnd;
    const closing = rowXml.endsWith("/>") ? "" : rowXml.slice(rowXml.lastIndexOf("</"));
    const inner = rowXml.endsWith("/>") ? "" : rowXml.slice(0, rowXml.length - closing.length);
    let next = 0;
    for (const match of inner.matchAll(CELL)) {
      const ref = attribute(match[0], "r");
      const col = ref ? parseAddress(ref)?.col : undefined;
      if (col === undefined) throw refuse();
      while (next < wanted.length && wanted[next].col < col) {
        body += inner.slice(from, match.index) + cellOut(wanted[next].col, r, wanted[next].planned, null);
        from = match.index as number;
        next++;
      }
      if (next < wanted.length && wanted[next].col === col) {
        const f = findElement(match[0], "f");
        if (f && attribute(f.tag, "t") === "shared" && attribute(f.tag, "ref")) throw refuse();
        body += inner.slice(from, match.index) + cellOut(col, r, wanted[next].planned, match[0]);
        from = (match.index as number) + match[0].length;
        next++;
      }
    }
    body += inner.slice(from);
    for (; next < wanted.length; next++) body += cellOut(wanted[next].col, r, wanted[next].planned, null);
    // The row's span hint would no longer hold.
    const tag = setAttribute(rowXml.slice(0, tagEnd), "spans", null);
    const open = rowXml.endsWith("/>") ? tag.replace(/\s*\/>$/, ">") : tag;
    out.push(xml.slice(at, element.start), open + body + (closing || `</${prefix}row>`));
    at = element.end;
  }
  out.push(xml.slice(at, data.contentEnd));
  for (const r of pending) out.push(newRow(r));
  out.push(xml.slice(data.contentEnd));
  return out.join("");
}
