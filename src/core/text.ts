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
    tidied = text.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim();
    tidyCache.set(text, tidied);
  }
  return tidied;
}

/** Words of a folded text, split on anything that is not a letter or digit. */
export function words(folded: string): string[] {
  return folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}
