// One reading of a figure cell for every role (plan, actual, previous, a year of a series, a stated
// comparison): a number, a number typed as text ("1.235,6"), a leading figure with a note
// ("575 (tăng 15%)", "136 tỷ", "0,86%\n(còn 4,17%)"), a range or a bound ("61-62", "Trên 4",
// ">2.300", "Khoảng 24"), or words that are no figure ("Nhập siêu", "#DIV/0!").

import { parseNumberText, type NumberStyle, type ParsedNumber } from "../model/numbers";
import { parsePlanText, type PlanTarget } from "../model/plan";
import { cellText, isCellError, type CellValue } from "../model/snapshot";
import { fold, tidy } from "../model/text";
import { parseUnit, splitScale, type Unit } from "../model/units";

export interface Reading {
  /** The figure: a number, the leading figure of a text, or the value of "Khoảng X"; null for a range or a bound. */
  value: number | null;
  /** A range, a bound or an approximate figure as written; null for a plain figure. */
  target: PlanTarget | null;
  /** The cell's text when it holds no figure at all. */
  text: string | null;
  /** Words written beside the figure and kept: "(tăng 15%)", "(còn 4,17%)". */
  note: string | null;
  /** For a number typed as text: the style its text shows. */
  written: ParsedNumber["style"] | null;
  /** For an ambiguous text: the value under the other reading. */
  alternative: number | null;
}

export const EMPTY: Reading = Object.freeze(reading(null));

/** A reading built field by field, always in one shape (a hot path: one per figure cell). */
function reading(
  value: number | null,
  written: Reading["written"] = null,
  alternative: number | null = null,
  text: string | null = null,
  note: string | null = null,
  target: PlanTarget | null = null,
): Reading {
  return { value, target, text, note, written, alternative };
}

const percentFormats = new Map<string, boolean>();

/** Whether a number format shows its value as a percentage ("0.0%", not "0.0\"%\""); cached per format. */
export function isPercentFormat(format: string): boolean {
  let percent = percentFormats.get(format);
  if (percent === undefined) {
    percent = format.replace(/"[^"]*"/g, "").includes("%");
    percentFormats.set(format, percent);
  }
  return percent;
}

const BLANK = /^\s*[-–—.x…]?\s*$/;

/** Reads a figure cell; an ambiguous text is read the Vietnamese way until the sheet decides. */
export function readFigure(v: CellValue | undefined, numberFormat: string | null | undefined, unit: Unit | null = null): Reading {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return EMPTY;
    // A cell shown as "44,2%" holds 0.442: the sheet means 44.2 (near the largest double, scaling overflows).
    const value = numberFormat && isPercentFormat(numberFormat) ? v * 100 : v;
    return Number.isFinite(value) ? reading(value) : EMPTY;
  }
  if (typeof v === "string") return BLANK.test(v) ? EMPTY : readFigureText(v, unit, "vi");
  if (isCellError(v)) return reading(null, null, null, v.error);
  return reading(null, null, null, cellText(v));
}

// A leading figure, then a note in brackets, on the next line, or a scale word: "575 (tăng 15%)",
// "0,86%\n(còn 4,17%)", "136 tỷ". A dash after the figure makes a range ("6 - 7"), not a note.
const LEADING_FIGURE = /^([+\-−–]?\s*\d[\d.,  ]*?\s*[%‰]?)(?=\s*[(\n[]|\s+[^\d\s\-–—~÷/])\s*([\s\S]+)$/;

// A range, a bound or an approximate figure starts with its figure or a word that qualifies it;
// "#DIV/0!" or "n/a" do not.
const TARGET_START =
  /^(khoang|xap xi|chung|xung quanh|tren|duoi|hon|gan|toi thieu|toi da|it nhat|khong (qua|duoi|thap hon|vuot qua)|tu|>|<|≥|≤|~|≈|[+\-−–]?\s*\d)/;
const NO_UNIT = parseUnit("");

/** Reads a figure written as text in a cell. */
export function readFigureText(text: string, unit: Unit | null, prefer: NumberStyle): Reading {
  const plain = parseNumberText(text, prefer);
  if (plain) return reading(plain.value, plain.style, plain.alternative ?? null);
  const tidied = tidy(text.replace(/\r/g, ""));
  const leading = LEADING_FIGURE.exec(text.trim().replace(/\r/g, ""));
  if (leading) {
    const head = parseNumberText(leading[1], prefer);
    const note = tidy(leading[2]);
    if (head && note) {
      // "136 tỷ" in a "Tỷ đồng" row is 136; "1,2 nghìn tỷ" in the same row is 1.200.
      const { scale, rest } = splitScale(fold(note));
      const wordOnly = !/^[(\n[]/.test(leading[2]) && scale > 1 && unit !== null && unit.scale > 0;
      const factor = wordOnly ? scale / unit.scale : 1;
      const value = head.value * factor;
      if (Number.isFinite(value))
        // Not a number typed as text (written stays null): a figure with words, which the rules report as such.
        return reading(
          value,
          null,
          head.alternative === undefined ? null : head.alternative * factor,
          null,
          wordOnly && rest === "" ? null : note,
        );
    }
  }
  const target = TARGET_START.test(fold(tidied)) ? parsePlanText(tidied, unit ?? NO_UNIT, prefer) : null;
  if (target) {
    // "Khoảng 24" is the figure 24, said approximately; a range or a bound has no single figure.
    const value = target.qualifier === "approx" || target.qualifier === "point" ? target.low : null;
    return reading(value, null, null, null, target.qualifier === "point" ? tidied : null, target.qualifier === "point" ? null : target);
  }
  return reading(null, null, null, tidied);
}

/** The reading under the other number style, for a text that reads both ways ("108,987"). */
export function swapReading(r: Reading): Reading {
  return r.alternative === null || r.value === null ? r : { ...r, value: r.alternative, alternative: r.value };
}

/**
 * With no style evidence on the sheet, an ambiguous figure takes the reading closest in
 * magnitude to the row's other figures ("108,987" beside 100.512 and 112.400 is 108.987).
 */
export function settleByMagnitude(readings: Reading[]): Reading[] {
  const others = readings
    .filter((r) => r.value !== null && r.value > 0 && r.alternative === null)
    .map((r) => Math.log10(r.value as number));
  if (others.length === 0) return readings;
  const centre = others.reduce((a, b) => a + b, 0) / others.length;
  return readings.map((r) => {
    if (r.alternative === null || r.value === null || r.value <= 0 || r.alternative <= 0) return r;
    const keep = Math.abs(Math.log10(r.value) - centre);
    const swap = Math.abs(Math.log10(r.alternative) - centre);
    return swap < keep ? swapReading(r) : r;
  });
}
