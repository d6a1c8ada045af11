// A small pull reader for the XML parts of an .xlsx file. It knows no more of XML than those
// parts use: elements, attributes, text, entities, CDATA; comments, processing instructions and
// the doctype are skipped. Names are compared by their local part, so `<x:c>` is `<c>` (some
// writers prefix every element). It allocates nothing per element unless asked for an attribute
// or a text, which keeps a 200,000-cell sheet fast.

export const OPEN = 1;
export const CLOSE = 2;
export const END = 0;
export type XmlEvent = typeof OPEN | typeof CLOSE | typeof END;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Line ends as an XML parser hands them over: CR LF and a lone CR become LF. */
function normalizeLineEnds(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
}

/** The character of an entity's body ("amp", "#233", "#xE9"), or undefined when it is none. */
function entity(body: string): string | undefined {
  if (body.charCodeAt(0) !== 35) return /^[a-zA-Z]+$/.test(body) ? ENTITIES[body] : undefined;
  const hex = body[1] === "x" || body[1] === "X";
  const digits = body.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/**
 * Decodes XML entities (named and numeric); text without "&" is returned as it is. A scan rather
 * than a replace with a callback: a text of millions of entities costs its size, not a call each.
 */
export function decodeEntities(text: string): string {
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(";", amp + 1);
    if (semi < 0) break;
    const ch = semi - amp <= 32 ? entity(text.slice(amp + 1, semi)) : undefined;
    if (ch === undefined) {
      amp = text.indexOf("&", amp + 1);
      continue;
    }
    out += text.slice(from, amp) + ch;
    from = semi + 1;
    amp = text.indexOf("&", from);
  }
  return out + text.slice(from);
}

/**
 * The names of a sheet's cells and rows ("c", "v", "row", "is"…), one string each: a name sliced
 * out of the text for every element would be as many strings as the sheet has cells.
 */
const SHORT_NAMES = new Map<number, string>();

function localName(xml: string, from: number, to: number): string {
  const length = to - from;
  if (length === 0 || length > 3) return xml.slice(from, to);
  let key = length;
  for (let i = from; i < to; i++) key = key * 65536 + xml.charCodeAt(i);
  let name = SHORT_NAMES.get(key);
  if (name === undefined) {
    name = xml.slice(from, to);
    if (SHORT_NAMES.size < 4096) SHORT_NAMES.set(key, name);
  }
  return name;
}

function isNameEnd(code: number): boolean {
  // whitespace, "/", ">"
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62;
}

export class XmlReader {
  private pos = 0;
  /** Local name of the element just opened or closed ("c" for `<x:c>`). */
  name = "";
  /** True when the element just opened is also closed (`<c/>`). */
  empty = false;
  private attrsFrom = 0;
  private attrsTo = 0;

  constructor(private readonly xml: string) {}

  /** Moves to the next element start or end; END at the end of the text. */
  next(): XmlEvent {
    const { xml } = this;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt < 0) {
        this.pos = xml.length;
        return END;
      }
      const first = xml.charCodeAt(lt + 1);
      if (first === 33 || first === 63) {
        this.pos = this.markupEnd(lt);
        continue;
      }
      const closing = first === 47;
      let at = closing ? lt + 2 : lt + 1;
      const nameFrom = at;
      let colon = -1;
      while (at < xml.length && !isNameEnd(xml.charCodeAt(at))) {
        if (xml.charCodeAt(at) === 58) colon = at;
        at++;
      }
      this.name = localName(xml, colon < 0 ? nameFrom : colon + 1, at);
      const gt = this.tagEnd(at);
      if (closing) {
        this.pos = gt + 1;
        return CLOSE;
      }
      this.empty = xml.charCodeAt(gt - 1) === 47;
      this.attrsFrom = at;
      this.attrsTo = this.empty ? gt - 1 : gt;
      this.pos = gt + 1;
      return OPEN;
    }
  }

  /** Just past a comment, CDATA section, doctype or processing instruction that starts at `lt`. */
  private markupEnd(lt: number): number {
    const { xml } = this;
    const close = xml.startsWith("<!--", lt) ? "-->" : xml.startsWith("<![CDATA[", lt) ? "]]>" : xml.startsWith("<?", lt) ? "?>" : ">";
    const end = xml.indexOf(close, lt + 2);
    return end < 0 ? xml.length : end + close.length;
  }

  /** The ">" that ends the tag, past quoted attribute values that may hold one. */
  private tagEnd(from: number): number {
    const { xml } = this;
    for (let at = from; at < xml.length; at++) {
      const code = xml.charCodeAt(at);
      if (code === 62) return at;
      if (code === 34 || code === 39) {
        const close = xml.indexOf(code === 34 ? '"' : "'", at + 1);
        if (close < 0) break;
        at = close;
      }
    }
    return xml.length;
  }

  /** The value of an attribute of the element just opened, by local name; null when absent. */
  attr(localName: string): string | null {
    const { xml } = this;
    let at = this.attrsFrom;
    const to = this.attrsTo;
    while (at < to) {
      while (at < to && xml.charCodeAt(at) <= 32) at++;
      const nameFrom = at;
      let colon = -1;
      while (at < to) {
        const code = xml.charCodeAt(at);
        if (code === 61 || code <= 32) break;
        if (code === 58) colon = at;
        at++;
      }
      const nameTo = at;
      while (at < to && xml.charCodeAt(at) !== 34 && xml.charCodeAt(at) !== 39) at++;
      if (at >= to) return null;
      const quote = xml.charCodeAt(at);
      const valueFrom = at + 1;
      const valueTo = xml.indexOf(quote === 34 ? '"' : "'", valueFrom);
      if (valueTo < 0 || valueTo > to) return null;
      const localFrom = colon < 0 ? nameFrom : colon + 1;
      if (nameTo - localFrom === localName.length && xml.startsWith(localName, localFrom))
        return decodeEntities(xml.slice(valueFrom, valueTo));
      at = valueTo + 1;
    }
    return null;
  }

  /**
   * The text inside the element just opened, up to its end (which is consumed): character data
   * and CDATA; text of child elements is not part of it. Empty for `<v/>`.
   */
  text(): string {
    if (this.empty) return "";
    const { xml } = this;
    let out = "";
    let depth = 0;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt < 0) {
        if (depth === 0) out += decodeEntities(normalizeLineEnds(xml.slice(this.pos)));
        this.pos = xml.length;
        return out;
      }
      if (depth === 0) out += decodeEntities(normalizeLineEnds(xml.slice(this.pos, lt)));
      if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt);
        if (depth === 0) out += normalizeLineEnds(xml.slice(lt + 9, end < 0 ? xml.length : end));
        this.pos = end < 0 ? xml.length : end + 3;
        continue;
      }
      if (xml.startsWith("<!--", lt) || xml.startsWith("<?", lt)) {
        // A comment or processing instruction inside the text: the text goes on after it.
        this.pos = this.markupEnd(lt);
        continue;
      }
      this.pos = lt;
      const event = this.next();
      if (event === OPEN && !this.empty) depth++;
      else if (event === CLOSE) {
        if (depth === 0) return out;
        depth--;
      } else if (event === END) return out;
    }
  }

  /** Skips to the end of the element just opened, children included. */
  skip(): void {
    if (this.empty) return;
    for (let depth = 0; ;) {
      const event = this.next();
      if (event === END) return;
      if (event === OPEN && !this.empty) depth++;
      else if (event === CLOSE && depth-- === 0) return;
    }
  }
}
