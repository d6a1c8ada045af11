// Small edits on the XML text of a package part, for the writer: it changes a part by splicing
// elements into it and setting attributes, so that everything it does not touch stays as written
// (namespaces, extensions, attributes chitieu does not know). Elements are found by local name
// with whatever prefix the part uses.

import { decodeEntities } from "./xml";

/** Escapes text for an element's content or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

/**
 * Text as a cell or string item holds it: characters XML 1.0 cannot carry become Excel's `_xHHHH_`
 * escapes (and a literal "_xHHHH_" is itself escaped), unpaired surrogates become U+FFFD.
 */
export function cellText(text: string): string {
  return escapeXml(
    text
      .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
      // eslint-disable-next-line no-control-regex -- the characters XML cannot hold are the point
      .replace(/[\x00-\x08\x0b-\x1f\ufffe\uffff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"),
  );
}

/** An element found in a part: where it starts and ends, its prefix ("x:" or "") and its start tag. */
export interface Found {
  start: number;
  end: number;
  /** Just after the start tag (equal to `end` for an empty element). */
  contentStart: number;
  /** At the end tag (equal to `end` for an empty element). */
  contentEnd: number;
  prefix: string;
  tag: string;
}

/** The first element of this local name at or after `from`, or null. */
export function findElement(xml: string, name: string, from = 0, to = xml.length): Found | null {
  const open = new RegExp(`<(\\w+:)?${name}(?=[\\s/>])[^>]*>`, "g");
  open.lastIndex = from;
  const match = open.exec(xml);
  if (!match || match.index >= to) return null;
  const prefix = match[1] ?? "";
  const tag = match[0];
  const start = match.index;
  const contentStart = start + tag.length;
  if (tag.endsWith("/>")) return { start, end: contentStart, contentStart, contentEnd: contentStart, prefix, tag };
  // Elements of one name do not nest in the parts edited here, except where `elements` is used.
  const close = xml.indexOf(`</${prefix}${name}>`, contentStart);
  if (close < 0) return null;
  return { start, end: close + `</${prefix}${name}>`.length, contentStart, contentEnd: close, prefix, tag };
}

/**
 * The first element of this local name, written with a start and an end tag (an empty `<x/>` is
 * rewritten `<x></x>`), so that children can be put inside; null when there is none.
 */
export function openElement(xml: string, name: string): { xml: string; found: Found } | null {
  const found = findElement(xml, name);
  if (!found || !found.tag.endsWith("/>")) return found && { xml, found };
  const open = found.tag.replace(/\s*\/>$/, ">");
  const close = `</${found.prefix}${name}>`;
  const rewritten = xml.slice(0, found.start) + open + close + xml.slice(found.end);
  const contentStart = found.start + open.length;
  return { xml: rewritten, found: { ...found, tag: open, contentStart, contentEnd: contentStart, end: contentStart + close.length } };
}

/** The child elements of a range of XML at its top level, each as its raw text. */
export function elements(xml: string, from = 0, to = xml.length): Array<{ start: number; end: number; name: string }> {
  const out: Array<{ start: number; end: number; name: string }> = [];
  const tag = /<(\/?)(?:\w+:)?([\w.-]+)[^>]*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  tag.lastIndex = from;
  let depth = 0;
  let start = 0;
  let name = "";
  for (let m = tag.exec(xml); m && m.index < to; m = tag.exec(xml)) {
    if (m[2] === undefined) continue; // comment or processing instruction
    if (m[1]) {
      if (--depth === 0) out.push({ start, end: m.index + m[0].length, name });
      if (depth < 0) break;
    } else if (m[3]) {
      if (depth === 0) out.push({ start: m.index, end: m.index + m[0].length, name: m[2] });
    } else {
      if (depth++ === 0) {
        start = m.index;
        name = m[2];
      }
    }
  }
  return out;
}

/** An attribute of a start tag (by local name), decoded; null when absent. */
export function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s(?:\\w+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(startTag(tag));
  if (!match) return null;
  return decodeEntities(match[1] ?? match[2]);
}

function startTag(element: string): string {
  return element.slice(0, element.indexOf(">") + 1);
}

/** The element with an attribute of its start tag set (added when absent), or removed when `value` is null. */
export function setAttribute(element: string, name: string, value: string | null): string {
  const tag = startTag(element);
  const rest = element.slice(tag.length);
  const existing = new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  let out: string;
  if (existing.test(tag)) out = tag.replace(existing, value === null ? "" : ` ${name}="${escapeXml(value)}"`);
  else if (value === null) out = tag;
  else out = tag.replace(/\s*(\/?)>$/, ` ${name}="${escapeXml(value)}"$1>`);
  return out + rest;
}

/** Replaces one prefix of element names by another (`x:` to ``), for elements moved between parts. */
export function reprefix(xml: string, from: string, to: string): string {
  if (from === to) return xml;
  const pattern = from === "" ? /<(\/?)(?=[A-Za-z_][\w.-]*[\s/>])/g : new RegExp(`<(\\/?)${from}`, "g");
  return xml.replace(pattern, `<$1${to}`);
}

/**
 * The first of these elements that a part opens but does not close (a damaged part), or null.
 * The writer splices into these elements; a part where one is broken is refused when read.
 */
export function brokenElement(xml: string, names: readonly string[]): string | null {
  for (const name of names) if (new RegExp(`<(\\w+:)?${name}[\\s/>]`).test(xml) && !findElement(xml, name)) return name;
  return null;
}
