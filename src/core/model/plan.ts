// Plan targets are often not one number: "6,6-6,8", "Khoảng 4", "Dưới 4", "Trên 90",
// "từ 7,5% trở lên", "43,5 nghìn tỷ đồng trở lên". A target is an interval with a qualifier.

import { parseNumberText, type NumberStyle } from "./numbers";
import { fold } from "./text";
import { splitScale, type Unit } from "./units";

export type PlanQualifier = "point" | "range" | "min" | "max" | "approx";

export interface PlanTarget {
  qualifier: PlanQualifier;
  /** Lower bound (min, range) or the value (point, approx); in the unit of the row. */
  low: number | null;
  /** Upper bound (max, range) or the value (point, approx). */
  high: number | null;
  /** "Trên 90" and "Dưới 4" exclude the bound; "từ 90 trở lên" and "không quá 4" include it. */
  strict: boolean;
  /** The plan as written, when it was text. */
  text: string | null;
}

export function pointTarget(value: number): PlanTarget {
  return { qualifier: "point", low: value, high: value, strict: false, text: null };
}

const NUMBER_TOKEN = /\d[\d.,]*\d|\d/g;

interface Token {
  value: number;
  start: number;
  end: number;
}

/**
 * Reads a plan written as text. Scale words inside are converted to the row's unit
 * ("43,5 nghìn tỷ đồng" in a "tỷ đồng" row is 43.500). Returns null when no number is found, and
 * for a target written as a change ("Giảm 1,5"), which the level cannot be compared with.
 */
export function parsePlanText(text: string, unit: Unit, style: NumberStyle): PlanTarget | null {
  const f = fold(text);
  // "Giảm 1,5" or "tăng 0,5 điểm %" sets a change, not a level: it is no target for the figure itself.
  if (/^(giam|tang|ha|nang)\b/.test(f)) return null;
  const tokens: Token[] = [];
  for (const m of f.matchAll(NUMBER_TOKEN)) {
    const parsed = parseNumberText(m[0], style);
    if (!parsed) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const { scale } = splitScale(f.slice(end).trim());
    const factor = scale > 1 && unit.scale > 0 ? scale / unit.scale : 1;
    tokens.push({ value: parsed.value * factor, start, end });
  }
  if (tokens.length === 0) return null;
  const negativeFirst = /[-\u2212]\s*$/.test(f.slice(0, tokens[0].start)) && !/\d\s*[-\u2212]\s*$/.test(f.slice(0, tokens[0].start));
  const first = negativeFirst ? -tokens[0].value : tokens[0].value;
  const base = { strict: false, text: text.trim() };

  if (tokens.length >= 2) {
    const between = f.slice(tokens[0].end, tokens[1].start);
    if (/^\s*(%|‰)?\s*[a-z ]{0,12}?\s*([-–—÷~]|den|toi)\s*$/.test(between)) {
      const second = tokens[1].value;
      return { ...base, qualifier: "range", low: Math.min(first, second), high: Math.max(first, second) };
    }
  }
  const head = f.slice(0, tokens[0].start);
  const tail = f.slice(tokens[0].end);
  if (/(khoang|xap xi|chung|xung quanh|~|≈)\s*$/.test(head)) return { ...base, qualifier: "approx", low: first, high: first };
  if (/(duoi|<|nho hon|thap hon)\s*$/.test(head)) return { ...base, qualifier: "max", low: null, high: first, strict: true };
  if (/(khong qua|khong vuot qua|toi da|≤|<=)\s*$/.test(head) || /\btro xuong\b/.test(tail))
    return { ...base, qualifier: "max", low: null, high: first };
  if (/(tren|>|lon hon|cao hon|hon)\s*$/.test(head)) return { ...base, qualifier: "min", low: first, high: null, strict: true };
  if (/(toi thieu|it nhat|khong duoi|khong thap hon|≥|>=)\s*$/.test(head) || /\btro len\b/.test(tail))
    return { ...base, qualifier: "min", low: first, high: null };
  return { ...base, qualifier: "point", low: first, high: first };
}

/** The single figure a plan percentage is computed against, if the target has one. */
export function planBasis(target: PlanTarget): number | null {
  switch (target.qualifier) {
    case "point":
    case "approx":
    case "min":
      return target.low;
    case "max":
      return target.high;
    case "range":
      return null;
  }
}
