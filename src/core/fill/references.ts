// Moving A1 references when template rows repeat, as Excel does when rows are inserted: references
// below a repeated row move down, a range that ends on it grows over all copies, and in the k-th
// copy a relative reference to the row itself points at the copy. References to other sheets and
// text inside string literals are left alone. Hosts without native row insertion (the file writer) use it
// for formulas, merges and conditional-format ranges.

export interface Repeat {
  /** 1-based template row. */
  row: number;
  times: number;
}

export class RowMap {
  private readonly repeats: Repeat[];
  constructor(repeats: readonly Repeat[]) {
    this.repeats = [...repeats].sort((a, b) => a.row - b.row);
  }

  /** Where template row `row` (1-based) lands: its first copy for a repeated row. */
  row(row: number): number {
    let out = row;
    for (const r of this.repeats) if (r.row < row) out += r.times - 1;
    return out;
  }

  times(row: number): number {
    return this.repeats.find((r) => r.row === row)?.times ?? 1;
  }

  /** The last row a range ending at `row` reaches: over every copy when it ends on a repeated row. */
  end(row: number): number {
    return this.row(row) + this.times(row) - 1;
  }
}

const REFERENCE =
  /("(?:[^"]|"")*")|(?<![\p{L}\p{N}_.$])((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\p{L}\p{N}_(!])/gu;

/**
 * A formula of a template cell as it reads in the filled sheet: `copy` is the copy number (0 for
 * the first) when the cell sits on the repeated row `ownRow`; `sheet` is the template sheet's name.
 */
export function moveFormula(formula: string, map: RowMap, sheet: string, ownRow: number | null = null, copy = 0): string {
  return formula.replace(
    REFERENCE,
    (
      match,
      literal: string | undefined,
      prefix: string | undefined,
      c1: string,
      col1: string,
      r1: string,
      row1: string,
      c2?: string,
      col2?: string,
      r2?: string,
      row2?: string,
    ) => {
      if (literal !== undefined) return match;
      if (prefix) {
        const name = prefix.slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'");
        if (name !== sheet) return match;
      }
      const first = Number(row1);
      const moveOne = (row: number, absolute: string, isEnd: boolean) => {
        if (ownRow !== null && row === ownRow && absolute === "") return map.row(row) + copy;
        return isEnd ? map.end(row) : map.row(row);
      };
      // A reference the template made to its own sheet by name is one to the filled sheet: no name.
      const start = `${c1}${col1}${r1}${moveOne(first, r1, false)}`;
      if (row2 === undefined) return start;
      return `${start}:${c2}${col2}${r2}${moveOne(Number(row2), r2 as string, true)}`;
    },
  );
}

/** A space-separated list of A1 ranges (a merge, a conditional format's ref) moved the same way. */
export function moveRanges(ranges: string, map: RowMap): string {
  return ranges
    .split(/\s+/)
    .filter(Boolean)
    .map((range) => {
      const [from, to] = range.split(":");
      const split = (a: string) => /^(\$?[A-Z]{1,3}\$?)(\d+)$/.exec(a);
      const a = split(from);
      const b = to ? split(to) : null;
      if (!a) return range;
      if (!b) return `${a[1]}${map.row(Number(a[2]))}`;
      return `${a[1]}${map.row(Number(a[2]))}:${b[1]}${map.end(Number(b[2]))}`;
    })
    .join(" ");
}

function lettersOf(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function columnOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * A formula as it reads `rows` rows and `columns` columns away, as Excel fills a shared formula:
 * relative references move, absolute ones ($) stay, text literals are left alone.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  return formula.replace(
    REFERENCE,
    (match, literal: string | undefined, prefix: string | undefined, ...parts: Array<string | undefined>) => {
      if (literal !== undefined) return match;
      const one = (colAbs: string, col: string, rowAbs: string, row: string) =>
        `${colAbs}${colAbs ? col : lettersOf(columnOf(col) + columns)}${rowAbs}${rowAbs ? row : Number(row) + rows}`;
      const [c1, col1, r1, row1, c2, col2, r2, row2] = parts as string[];
      const start = `${prefix ?? ""}${one(c1, col1, r1, row1)}`;
      return row2 === undefined ? start : `${start}:${one(c2, col2, r2, row2)}`;
    },
  );
}
