// The text of one WordprocessingML part (the document body, the footnotes, the endnotes) as the
// reader of the document sees it once every tracked change is accepted: paragraphs in document
// order, table cells' paragraphs as paragraphs, a text box's paragraphs after the paragraph that
// anchors it; deleted runs, rows and cells, field codes and content-control placeholders left out;
// a paragraph whose mark was deleted joined to the next; field results, insertions, content
// controls and hyperlinks kept. Each paragraph is trimmed and NFC (Word keeps what was typed, and
// Vietnamese is often typed decomposed); empty ones are spacing and left out. One pass of the pull
// reader, no recursion and no tree, so a hostile nesting depth costs no stack; names are compared
// by their local part, so transitional and strict OOXML (and any prefix) read alike.

import { CLOSE, END, XmlReader } from "../xlsx/xml";

export type ParagraphKind = "body" | "table" | "footnote" | "endnote";

export interface StoryParagraph {
  text: string;
  kind: ParagraphKind;
}

/** Footnote and endnote ids referenced from the body: kept, or only from deleted text. */
export interface NoteReferences {
  live: Set<string>;
  deleted: Set<string>;
}

// What an open element does when it closes.
const OTHER = 0;
const PARAGRAPH = 1;
const DELETED = 2; // w:del, w:moveFrom, a deleted table row or cell
const TABLE = 3;
const CELL = 4;
const STORY = 5; // w:body, or a footnote / endnote that is read
const DELETED_CELL = 6;

/** Elements whose whole subtree holds no text of the document. */
const SKIPPED = new Set([
  "rPr",
  "sectPr",
  "tblPr",
  "tblPrEx",
  "tblGrid",
  "tblGridChange",
  "tblPrChange",
  "trPrChange",
  "tcPrChange",
  "pPrChange",
  "rPrChange",
  "sectPrChange",
  "numberingChange",
  "instrText", // field codes
  "delText",
  "delInstrText",
  "sdtEndPr",
  "Fallback", // mc:Fallback repeats the mc:Choice content (a text box as VML)
  "docPr",
  "cNvGraphicFramePr",
]);

/** Footnotes that are not notes: the line above the notes, and its continuation forms. */
const SEPARATOR_NOTES = new Set(["separator", "continuationSeparator", "continuationNotice"]);

interface OpenParagraph {
  text: string;
  kind: ParagraphKind;
  /** The paragraph mark is a tracked deletion: accepting it joins the paragraph to the next. */
  markDeleted: boolean;
  /**
   * Its place in the output, taken when it opens: a paragraph nested in it (a text box's) closes
   * first but comes after it.
   */
  slot: number;
}

/**
 * Reads the properties element just opened (w:pPr, w:trPr, w:tcPr, w:sdtPr) to its end and says
 * whether it leaves its owner's text out: for a paragraph, its mark's w:rPr holds w:del or
 * w:moveFrom (a tracked deletion of the mark); for a row, w:trPr holds w:del; for a cell, w:tcPr
 * holds w:cellDel; for a content control, w:sdtPr holds w:showingPlcHdr (the content is the
 * placeholder, "Bấm vào đây để nhập văn bản", not text of the document).
 */
function propertiesMarkDeletion(reader: XmlReader, owner: "pPr" | "trPr" | "tcPr" | "sdtPr"): boolean {
  if (reader.empty) return false;
  let deleted = false;
  let inMarkProperties = false;
  for (let depth = 0; ;) {
    const event = reader.next();
    if (event === END) return deleted;
    if (event === CLOSE) {
      if (depth === 0) return deleted;
      if (depth === 1) inMarkProperties = false;
      depth--;
      continue;
    }
    const { name } = reader;
    if (depth === 0) {
      if (owner === "pPr" && name === "rPr") inMarkProperties = !reader.empty;
      else if (owner === "trPr" && name === "del") deleted = true;
      else if (owner === "tcPr" && name === "cellDel") deleted = true;
      else if (owner === "sdtPr" && name === "showingPlcHdr") deleted = reader.attr("val") !== "0" && reader.attr("val") !== "false";
      else if (!reader.empty) reader.skip(); // w:pPrChange, w:tabs…: nothing more to learn
      if (inMarkProperties) depth++;
      continue;
    }
    // depth 1, inside the mark's w:rPr
    if (inMarkProperties && (name === "del" || name === "moveFrom")) deleted = true;
    if (!reader.empty) reader.skip();
  }
}

/**
 * The paragraphs of one part. `kind` is what the part's paragraphs are: "body" (those in tables
 * become "table"), "footnote" or "endnote". In the body, note references are collected into `refs`;
 * in a notes part, `refs` says which notes to leave out (referenced only from deleted text).
 */
export function readStory(xml: string, kind: "body" | "footnote" | "endnote", refs: NoteReferences): StoryParagraph[] {
  const reader = new XmlReader(xml);
  const frames: number[] = [];
  const paragraphs: OpenParagraph[] = [];
  /** Open fields, innermost last: true while in the field's code (begin to separate), false in its result. */
  const fields: boolean[] = [];
  let inCode = 0;
  let stories = 0;
  let deleted = 0;
  let tables = 0;
  /** A paragraph whose mark was deleted, waiting to be joined to the next paragraph. */
  let carry: OpenParagraph | null = null;

  const slots: (StoryParagraph | null)[] = [];
  const close = (paragraph: OpenParagraph) => {
    // Spaces and tabs typed to indent, and the space after a note's number, are no text; empty
    // paragraphs are spacing.
    const text = paragraph.text
      .replace(/[\r\n]/g, " ")
      .trim()
      .normalize("NFC");
    if (text !== "") slots[paragraph.slot] = { text, kind: paragraph.kind };
  };
  const flushCarry = () => {
    if (carry) close(carry);
    carry = null;
  };
  const append = (text: string) => {
    if (stories > 0 && deleted === 0 && inCode === 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1].text += text;
  };

  for (let event = reader.next(); event !== END; event = reader.next()) {
    if (event === CLOSE) {
      const frame = frames.pop();
      if (frame === PARAGRAPH) {
        const paragraph = paragraphs.pop();
        if (paragraph && paragraph.markDeleted && paragraphs.length === 0) carry = paragraph;
        else if (paragraph) close(paragraph);
      } else if (frame === DELETED) deleted--;
      else if (frame === TABLE) {
        flushCarry();
        tables--;
      } else if (frame === CELL || frame === DELETED_CELL) {
        flushCarry();
        if (frame === DELETED_CELL) deleted--;
      } else if (frame === STORY) {
        flushCarry();
        stories--;
      }
      continue;
    }
    const { name } = reader;
    if (SKIPPED.has(name)) {
      reader.skip();
      continue;
    }
    switch (name) {
      case "t":
        if (reader.empty) break;
        if (stories > 0 && deleted === 0 && inCode === 0) append(reader.text());
        else reader.skip();
        continue;
      case "tab":
      case "ptab":
        append("\t");
        break;
      case "br":
      case "cr":
        append(" ");
        break;
      case "noBreakHyphen":
        append("-");
        break;
      case "sym": {
        // A symbol-font character: those in the private use area (Wingdings bullets) have no text.
        const code = parseInt(reader.attr("char") ?? "", 16);
        if (code > 0 && code < 0xe000) append(String.fromCharCode(code));
        break;
      }
      case "fldChar":
        if (deleted > 0) break;
        switch (reader.attr("fldCharType")) {
          case "begin":
            fields.push(true);
            inCode++;
            break;
          case "separate":
            if (fields[fields.length - 1] === true) {
              fields[fields.length - 1] = false;
              inCode--;
            }
            break;
          case "end":
            if (fields.pop() === true) inCode--;
            break;
        }
        break;
      case "footnoteReference":
      case "endnoteReference": {
        const id = reader.attr("id");
        if (id !== null && stories > 0 && inCode === 0) (deleted > 0 ? refs.deleted : refs.live).add(`${name[0]}${id}`);
        break;
      }
      case "pPr": {
        const marked = propertiesMarkDeletion(reader, "pPr");
        if (marked && frames[frames.length - 1] === PARAGRAPH && paragraphs.length > 0)
          paragraphs[paragraphs.length - 1].markDeleted = true;
        continue;
      }
      case "trPr":
        // The row is the innermost open element: a deleted row's cells are deleted text.
        if (propertiesMarkDeletion(reader, "trPr") && frames.length > 0 && frames[frames.length - 1] === OTHER) {
          frames[frames.length - 1] = DELETED;
          deleted++;
        }
        continue;
      case "sdtPr":
        // The content control is the innermost open element: its placeholder is no text.
        if (propertiesMarkDeletion(reader, "sdtPr") && frames.length > 0 && frames[frames.length - 1] === OTHER) {
          frames[frames.length - 1] = DELETED;
          deleted++;
        }
        continue;
      case "tcPr":
        if (propertiesMarkDeletion(reader, "tcPr") && frames[frames.length - 1] === CELL) {
          frames[frames.length - 1] = DELETED_CELL;
          deleted++;
        }
        continue;
    }
    if (reader.empty) continue;
    switch (name) {
      case "p": {
        const paragraph: OpenParagraph = { text: "", kind: kind === "body" && tables > 0 ? "table" : kind, markDeleted: false, slot: -1 };
        if (carry && paragraphs.length === 0) {
          // The paragraph before it lost its mark: one paragraph, in the first one's place.
          paragraph.text = carry.text;
          paragraph.slot = carry.slot;
          carry = null;
        } else paragraph.slot = slots.push(null) - 1;
        paragraphs.push(paragraph);
        frames.push(PARAGRAPH);
        break;
      }
      case "del":
      case "moveFrom":
        deleted++;
        frames.push(DELETED);
        break;
      case "tbl":
        flushCarry();
        tables++;
        frames.push(TABLE);
        break;
      case "tc":
        flushCarry();
        frames.push(CELL);
        break;
      case "body":
        if (kind === "body") stories++;
        frames.push(kind === "body" ? STORY : OTHER);
        break;
      case "footnote":
      case "endnote": {
        const id = reader.attr("id");
        const key = `${name[0]}${id}`;
        const type = reader.attr("type");
        if (kind === "body" || (type !== null && SEPARATOR_NOTES.has(type)) || (refs.deleted.has(key) && !refs.live.has(key))) {
          reader.skip();
          continue;
        }
        stories++;
        frames.push(STORY);
        break;
      }
      default:
        frames.push(OTHER);
    }
  }
  flushCarry();
  // A part cut short: what its open paragraphs hold so far still counts.
  for (const paragraph of paragraphs) close(paragraph);
  return slots.filter((paragraph): paragraph is StoryParagraph => paragraph !== null);
}
