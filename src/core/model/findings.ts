// A finding: something about a figure or a header an official should look at before submitting.

import { parseAddress } from "./snapshot";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** Stable rule id ("base-year", "stated-percent", "number-format", …). */
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address on that sheet: the cell to fix (for a header problem, the header cell). */
  cell: string;
  /** Vietnamese message naming the figures. */
  message: string;
  /** The same in English. */
  messageEn: string;
  /** The value the figures give, where the rule computes one. */
  expected?: number | null;
  /** The value found in the cell. */
  actual?: number | null;
  /** How far off the figures are: a total minus the sum of its parts, a stated minus a computed value. */
  imbalance?: number | null;
}

/** Cells named in a message: the first eight, then an ellipsis. */
export function cellList(cells: readonly string[]): string {
  return cells.slice(0, 8).join(", ") + (cells.length > 8 ? ", …" : "");
}

/** How many findings there are of each severity. */
export function severityCounts(findings: readonly Pick<Finding, "severity">[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sheet order as given, then severity, then row and column. */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const sheetIndex = new Map(sheetOrder.map((s, i) => [s, i] as const));
  const pos = (cell: string) => {
    const at = parseAddress(cell);
    return at ? at.row * 16384 + at.col : 0;
  };
  return [...findings].sort(
    (a, b) =>
      (sheetIndex.get(a.sheet) ?? 1e9) - (sheetIndex.get(b.sheet) ?? 1e9) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      pos(a.cell) - pos(b.cell),
  );
}

/** A finding in report text: where it is, the words it is about, and what is wrong, in both languages. */
export interface TextFinding {
  rule: string;
  severity: Severity;
  /** 1-based line and column in the text. */
  line: number;
  column: number;
  /** 1-based paragraph, and sentence within it (see TextPlaces). */
  paragraph: number;
  sentence: number;
  /** The words the finding is about, as written. */
  excerpt: string;
  message: string;
  messageEn: string;
  /** The workbook cell the text is compared with, when the finding concerns an indicator of it. */
  sheet?: string;
  cell?: string;
  expected?: number | null;
  actual?: number | null;
}
