// Findings an official has looked at and set aside, with the reason, so that the next check and
// the next official who opens the workbook see them as handled. A finding is known by its rule,
// sheet and cell: when the figure moves or the rule no longer fires, the ignore simply stops matching.

import type { Finding } from "./findings";

export interface Ignore {
  rule: string;
  sheet: string;
  cell: string;
  reason: string;
  /** ISO date of the decision. */
  date: string;
  /** Who decided, when they said. */
  by?: string;
}

export function ignoreKey(f: Pick<Finding, "rule" | "sheet" | "cell">): string {
  return `${f.rule}\u0000${f.sheet}\u0000${f.cell}`;
}

/** The findings split into those still open and those set aside, each with its ignore. */
export function applyIgnores(
  findings: readonly Finding[],
  ignores: readonly Ignore[],
): { open: Finding[]; ignored: Array<{ finding: Finding; ignore: Ignore }> } {
  if (ignores.length === 0) return { open: [...findings], ignored: [] };
  const byKey = new Map(ignores.map((i) => [ignoreKey(i), i] as const));
  const open: Finding[] = [];
  const ignored: Array<{ finding: Finding; ignore: Ignore }> = [];
  for (const f of findings) {
    const ignore = byKey.get(ignoreKey(f));
    if (ignore) ignored.push({ finding: f, ignore });
    else open.push(f);
  }
  return { open, ignored };
}

/** Ignores read back from a document: anything that is not a well-formed ignore is dropped. */
export function parseIgnores(value: unknown): Ignore[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is Ignore =>
      !!v &&
      typeof v === "object" &&
      ["rule", "sheet", "cell", "reason", "date"].every((k) => typeof (v as Record<string, unknown>)[k] === "string") &&
      ["undefined", "string"].includes(typeof (v as Record<string, unknown>).by),
  );
}
