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

/**
 * Folds a text one character for one character, so that offsets in the folded text are offsets
 * in the original: lower case, no diacritics, đ → d. Expects NFC text (as Word and Excel write it).
 */
/** The folded code unit of each code unit, worked out once (0: not yet). */
const FOLDED_UNITS = new Uint16Array(65536);

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
