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
export function foldKeepingOffsets(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
    } else if (ch === "đ" || ch === "Đ") {
      out += "d";
    } else if (code >= 0x300 && code <= 0x36f) {
      out += " ";
    } else {
      const base = ch.normalize("NFD")[0].toLowerCase();
      out += base.length === 1 ? base : ch;
    }
  }
  return out;
}
