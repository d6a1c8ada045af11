// Text helpers for matching Vietnamese labels written in many hands: with or without
// diacritics, upper or lower case, composed or decomposed Unicode, stray spaces.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

/**
 * Lower case, no diacritics, đ → d, punctuation kept, runs of white space folded to one space.
 * "Thực hiện 6 THÁNG  đầu năm" → "thuc hien 6 thang dau nam".
 */
export function fold(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(text, folded);
  return folded;
}

const tidyCache = new Map<string, string>();

/** Composed Unicode, single spaces, trimmed: the form in which names are reported back. */
export function tidy(text: string): string {
  if (text === "") return text;
  let tidied = tidyCache.get(text);
  if (tidied === undefined) {
    if (tidyCache.size >= FOLD_CACHE_LIMIT) tidyCache.clear();
    tidied = text
      .normalize("NFC")
      .replace(/[\s\u00a0]+/g, " ")
      .trim();
    tidyCache.set(text, tidied);
  }
  return tidied;
}

/** Words of a folded text, split on anything that is not a letter or digit. */
export function words(folded: string): string[] {
  return folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/** The folded code unit of each code unit, worked out once (0: not yet). */
const FOLDED_UNITS = new Uint16Array(65536);

/**
 * Folds a text one character for one character, so that offsets in the folded text are offsets
 * in the original: lower case, no diacritics, đ → d. Expects NFC text (as Word and Excel write it).
 */
export function foldKeepingOffsets(text: string): string {
  // Built in a code-unit buffer: a 5 MB report would otherwise be a rope of millions of pieces.
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) out[i] = code >= 65 && code <= 90 ? code + 32 : code;
    else if (code === 0x111 || code === 0x110)
      out[i] = 100; // đ, Đ → d
    else if (code >= 0x300 && code <= 0x36f) out[i] = 32;
    else {
      let mapped = FOLDED_UNITS[code];
      if (mapped === 0) {
        const base = String.fromCharCode(code).normalize("NFD")[0].toLowerCase();
        mapped = FOLDED_UNITS[code] = base.length === 1 ? base.charCodeAt(0) : code;
      }
      out[i] = mapped;
    }
  }
  let folded = "";
  for (let i = 0; i < out.length; i += 8192) folded += String.fromCharCode(...out.subarray(i, i + 8192));
  return folded;
}

/** Where an offset of a text is: 1-based line and column, paragraph, and sentence within the paragraph. */
export interface TextPlace {
  line: number;
  column: number;
  paragraph: number;
  sentence: number;
}

/** Finds the last start ≤ offset in an ascending list: its index. */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The places of a text, worked out once so that each lookup is a binary search (a 5 MB report has
 * tens of thousands of findings and claims). Lines end at "\n". A paragraph is a line, unless the
 * text separates paragraphs by blank lines (a hard-wrapped text): then a paragraph runs to the next
 * blank line. Sentences end at ".", "!", "?" or "…" before a space or a line break.
 */
export class TextPlaces {
  private readonly lines: number[] = [0];
  private readonly paragraphs: number[] = [];
  private readonly sentences: number[] = [];
  /** For each sentence start, the index of its paragraph. */
  private readonly sentenceParagraph: number[] = [];

  constructor(text: string, options: { paragraphPerLine?: boolean } = {}) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lines.push(i + 1);
    const blankLines = !options.paragraphPerLine && /\n[ \t\r\u00a0]*\n/.test(text);
    let paragraphOpen = false;
    for (let l = 0; l < this.lines.length; l++) {
      const start = this.lines[l];
      const end = l + 1 < this.lines.length ? this.lines[l + 1] - 1 : text.length;
      const blank = text.slice(start, end).trim() === "";
      if (!blankLines) this.paragraphs.push(start);
      else if (blank) paragraphOpen = false;
      else if (!paragraphOpen) {
        this.paragraphs.push(start);
        paragraphOpen = true;
      }
    }
    if (this.paragraphs.length === 0) this.paragraphs.push(0);
    // One pass over the sentence ends, each placed in its paragraph.
    const ends = /[.!?\u2026](?=[ \t\u00a0\r\n])/g;
    let p = 0;
    this.sentences.push(this.paragraphs[0]);
    this.sentenceParagraph.push(0);
    for (let m = ends.exec(text); m; m = ends.exec(text)) {
      while (p + 1 < this.paragraphs.length && this.paragraphs[p + 1] <= m.index) {
        p++;
        this.sentences.push(this.paragraphs[p]);
        this.sentenceParagraph.push(p);
      }
      this.sentences.push(m.index + 1);
      this.sentenceParagraph.push(p);
    }
    for (p++; p < this.paragraphs.length; p++) {
      this.sentences.push(this.paragraphs[p]);
      this.sentenceParagraph.push(p);
    }
  }

  at(offset: number): TextPlace {
    const line = lastAtOrBefore(this.lines, offset);
    const s = lastAtOrBefore(this.sentences, offset);
    const paragraph = this.sentenceParagraph[s];
    const first = lastAtOrBefore(this.sentences, this.paragraphs[paragraph]);
    return { line: line + 1, column: offset - this.lines[line] + 1, paragraph: paragraph + 1, sentence: s - first + 1 };
  }

  /** The sentence an offset is in, as one number for the whole text (0-based): for grouping claims. */
  sentenceIndex(offset: number): number {
    return lastAtOrBefore(this.sentences, offset);
  }

  /** Where a sentence (by sentenceIndex) starts. */
  sentenceStart(index: number): number {
    return this.sentences[index];
  }

  /** The paragraph an offset is in (0-based). */
  paragraphIndex(offset: number): number {
    return this.sentenceParagraph[lastAtOrBefore(this.sentences, offset)];
  }
}
