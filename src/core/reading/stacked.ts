// Several indicators stacked as lines in one row: a name cell "1. Dân số\nPhân theo giới tính\n Nam\n Nữ"
// beside figure cells "650\n\n320\n330", or "Tỷ lệ suy dinh dưỡng:\n-Theo cân nặng\n-Theo chiều cao"
// beside "7,6\n10,4". Each line becomes a row of its own, its figures taken from the same line of
// every figure cell; headings ("…:", "Phân theo …") carry no figure.

import type { CellValue } from "../model/snapshot";
import { fold } from "../model/text";

export interface StackedLine {
  /** 0-based line in the name cell. */
  line: number;
  name: string;
  /** The line's text in each figure cell, in the order the cells were given ("" for none). */
  values: string[];
}

const HEADING = /:\s*$|^(phan theo|chia theo|chia ra|trong do|bao gom|gom)\b[^:]*:?\s*$/;

function lines(text: string): string[] {
  const out = text.replace(/\r/g, "").split("\n");
  while (out.length > 0 && out[out.length - 1].trim() === "") out.pop();
  return out.map((l) => l.trim());
}

/** A heading line names a group or a breakdown and carries no figure of its own. */
function isHeading(line: string): boolean {
  const f = fold(line);
  return HEADING.test(f) && !/^(trong do|bao gom|gom)\s*:\s*\S/.test(f);
}

/**
 * The lines of a stacked row, or null when the row is not one: the name must hold several lines
 * and at least one figure cell several lines, aligned either line by line (headings empty) or
 * figure by figure with the lines that are not headings.
 */
export function stackedLines(name: CellValue | undefined, figures: ReadonlyArray<CellValue | undefined>): StackedLine[] | null {
  if (typeof name !== "string" || !name.includes("\n")) return null;
  const names = lines(name).filter((l, i, all) => l !== "" || i < all.length - 1);
  if (names.length < 2) return null;
  const cells = figures.map((v) => (typeof v === "string" ? lines(v) : v === null || v === undefined ? [] : [String(v)]));
  if (!cells.some((c) => c.length >= 2)) return null;

  // Line by line: no cell has more lines than the name, and no heading carries a figure.
  const byLine = cells.every((c) => c.length <= names.length && c.every((v, i) => v === "" || !isHeading(names[i])));
  if (byLine) return names.map((n, i) => ({ line: i, name: n, values: cells.map((c) => c[i] ?? "") }));

  // Figure by figure: the figures of each cell, blank lines left out, go to the lines that are no heading.
  const items = names.map((n, i) => ({ n, i })).filter(({ n }) => n !== "" && !isHeading(n));
  const filled = cells.map((c) => c.filter((v) => v !== ""));
  if (!filled.every((c) => c.length === 0 || c.length === items.length)) return null;
  return names.map((n, i) => {
    const item = items.findIndex((it) => it.i === i);
    return { line: i, name: n, values: filled.map((c) => (item < 0 ? "" : (c[item] ?? ""))) };
  });
}
