// Numbers typed as text. Vietnamese style groups thousands with "." and marks decimals with ","
// ("1.235,6"); workbooks made on an English-locale machine carry "12,500.0". A lone "108,987" or
// "16.750" reads both ways: the caller decides per sheet (see decideNumberStyle) and says so.

export type NumberStyle = "vi" | "en";

export interface ParsedNumber {
  value: number;
  /** The text ended in % (value is in percent) or ‰ (value is in per mille). */
  percent: boolean;
  perMille: boolean;
  /** What the text itself shows: one style only, no separator at all, or either reading. */
  style: NumberStyle | "plain" | "ambiguous";
  /** Decimals printed, in the reading chosen. */
  decimals: number;
  /** For an ambiguous text, the value under the other reading. */
  alternative?: number;
}

const SIGN = /^[+\-\u2212\u2013]/;
const VI_GROUPED = /^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/;
const EN_GROUPED = /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;
const SPACE_GROUPED = /^[1-9]\d{0,2}( \d{3})+([.,]\d+)?$/;
const ONE_GROUP = /^[1-9]\d{0,2}[.,]\d{3}$/;

/**
 * Parses a number written as text, or returns null when the text is not a plain number
 * ("khoảng 500", "#DIV/0!", "6,6-6,8" are not). `prefer` settles ambiguous texts.
 */
export function parseNumberText(text: string, prefer: NumberStyle = "vi"): ParsedNumber | null {
  let s = (text.includes("\u00a0") ? text.replace(/\u00a0/g, " ") : text).trim();
  if (s.length === 0 || s.length > 40) return null;

  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let percent = false;
  let perMille = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  } else if (s.endsWith("‰")) {
    perMille = true;
    s = s.slice(0, -1).trim();
  }
  if (SIGN.test(s)) {
    negative = negative !== (s[0] !== "+");
    s = s.slice(1).trim();
  }
  if (!/^\d/.test(s) || !/\d$/.test(s)) return null;

  const read = readDigits(s, prefer);
  if (read === null) return null;
  return {
    value: negative ? -read.value : read.value,
    percent,
    perMille,
    style: read.style,
    decimals: read.decimals,
    ...(read.alternative !== undefined ? { alternative: negative ? -read.alternative : read.alternative } : {}),
  };
}

interface DigitsReading {
  value: number;
  style: ParsedNumber["style"];
  decimals: number;
  alternative?: number;
}

function readDigits(s: string, prefer: NumberStyle): DigitsReading | null {
  if (/^\d+$/.test(s)) return { value: Number(s), style: "plain", decimals: 0 };

  if (s.includes(" ")) {
    if (!SPACE_GROUPED.test(s)) return null;
    const [intPart, frac = ""] = s.replace(/ /g, "").split(/[.,]/);
    return {
      value: Number(`${intPart}.${frac || "0"}`),
      style: s.includes(",") ? "vi" : s.includes(".") ? "en" : "plain",
      decimals: frac.length,
    };
  }
  if (ONE_GROUP.test(s)) {
    const [head, tail] = s.split(/[.,]/);
    const asThousands = Number(head + tail);
    const asDecimal = Number(`${head}.${tail}`);
    // "16.750": vi thousands, en decimal. "108,987": vi decimal, en thousands.
    const viValue = s.includes(".") ? asThousands : asDecimal;
    const enValue = s.includes(".") ? asDecimal : asThousands;
    const value = prefer === "vi" ? viValue : enValue;
    const alternative = prefer === "vi" ? enValue : viValue;
    return { value, style: "ambiguous", decimals: value === asDecimal ? 3 : 0, alternative };
  }
  if (VI_GROUPED.test(s)) return fromParts(s, ".", ",", "vi");
  if (EN_GROUPED.test(s)) return fromParts(s, ",", ".", "en");
  if (/^\d+,\d+$/.test(s)) return fromParts(s, "", ",", "vi");
  if (/^\d+\.\d+$/.test(s)) return fromParts(s, "", ".", "en");
  return null;
}

/** The value of a checked number text, given its group and decimal marks. */
function fromParts(s: string, groupMark: string, decimalMark: string, style: NumberStyle): DigitsReading {
  const at = s.indexOf(decimalMark);
  const intPart = at < 0 ? s : s.slice(0, at);
  const frac = at < 0 ? "" : s.slice(at + 1);
  const digits = groupMark !== "" && intPart.includes(groupMark) ? intPart.split(groupMark).join("") : intPart;
  return { value: Number(frac === "" ? digits : digits + "." + frac), style, decimals: frac.length };
}

/** True when the text has both readings ("108,987", "16.750"). */
export function isAmbiguousNumberText(text: string): boolean {
  return parseNumberText(text)?.style === "ambiguous";
}

/**
 * Formats a number in Vietnamese ("1.235,6") or English ("1,235.6") style with exactly
 * `decimals` decimals, rounded half away from zero. Reports are written in Vietnamese style
 * whatever Excel's locale; the same output on every machine, with no locale data to load.
 */
export function formatNumber(value: number, decimals: number, style: NumberStyle = "vi"): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = roundTo(value, decimals);
  const magnitude = Math.abs(rounded);
  if (magnitude >= 1e21) return String(rounded);
  const fixed = magnitude.toFixed(decimals);
  const point = fixed.indexOf(".");
  const whole = point < 0 ? fixed : fixed.slice(0, point);
  const group = style === "vi" ? "." : ",";
  let grouped = "";
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += group;
    grouped += whole[i];
  }
  const fraction = point < 0 ? "" : (style === "vi" ? "," : ".") + fixed.slice(point + 1);
  return (rounded < 0 ? "-" : "") + grouped + fraction;
}

/** A number with only the decimals it has, at most `max`: 7.966, 44,2, 2,17. */
export function formatCompact(value: number, max = 2, style: NumberStyle = "vi"): string {
  let d = 0;
  while (d < max && Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) > 1e-9 * Math.max(1, Math.abs(value) * 10 ** d)) d++;
  return formatNumber(value, d, style);
}

/** Rounds half away from zero at `decimals` decimals, on the unrounded value given. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Beyond 2^52 a double has no fraction left to round (and scaling may overflow to Infinity).
  if (!(scaled < 2 ** 52)) return value;
  // A tiny nudge undoes binary representation error (1.005 * 100 = 100.49999…).
  const rounded = Math.round(scaled + scaled * Number.EPSILON * 4) / factor;
  return value < 0 ? -rounded : rounded;
}
