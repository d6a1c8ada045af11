// The units merged on 1 July 2025 (34 provinces, two tiers of local government), as a mapping the
// official gives (`--units don-vi.json`, format in docs/cli.md): each new unit and the former units
// it was formed from (or, for a consolidation, the units that report to it). A workbook is placed as a unit's by the mapping's list of files, else by the
// unit's name in its titles or its file name; and the pairs of indicators the official sets by hand
// (`--pairs`). Both files are checked here, each problem in Vietnamese and English.

import { pathParts, periodOf, sameFileName, type ComparedReport, type IndicatorRef, type MergedUnits } from "./compare";
import { ExplainedError } from "./model/errors";
import { fold } from "./model/text";
import { isObject } from "./model/json";

export interface UnitMapping {
  merged: Array<{ unit: string; since?: string; from: string[] }>;
  /** A workbook's file name → the unit it reports for, where its titles do not say. */
  files?: Record<string, string>;
}

const isText = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;

/** The problems of a mapping file, each in Vietnamese and English; none: it is a UnitMapping. */
export function unitMappingProblems(value: unknown): string[] {
  if (!isObject(value) || !Array.isArray(value.merged))
    return ["tệp đơn vị phải là một đối tượng có mảng 'merged' / the units file must be an object with a 'merged' array"];
  const problems: string[] = [];
  value.merged.forEach((m: unknown, i) => {
    if (!isObject(m) || !isText(m.unit)) problems.push(`merged[${i}]: thiếu 'unit' / missing 'unit'`);
    else if (!Array.isArray(m.from) || m.from.length === 0 || !m.from.every(isText))
      problems.push(`merged[${i}]: 'from' phải là danh sách tên đơn vị cũ / 'from' must list the former units`);
    else if (m.since !== undefined && !(typeof m.since === "string" && /^\d{4}-\d{2}-\d{2}$/.test(m.since)))
      problems.push(`merged[${i}]: 'since' phải có dạng 2025-07-01 / 'since' must read like 2025-07-01`);
  });
  if (value.files !== undefined && (!isObject(value.files) || !Object.values(value.files).every(isText)))
    problems.push("'files' phải ghép tên tệp với tên đơn vị / 'files' must map file names to unit names");
  else if (problems.length === 0 && value.files !== undefined) {
    // A unit misspelt here would place no report, and the former units' reports would pass for the successor's.
    const units = (value.merged as UnitMapping["merged"]).flatMap((m) => [m.unit, ...m.from]).map(nameWords);
    for (const [file, unit] of Object.entries(value.files as Record<string, string>))
      if (!units.includes(nameWords(unit)))
        problems.push(`files["${file}"]: "${unit}" không có trong 'merged' / "${unit}" is no unit of 'merged'`);
  }
  return problems;
}

const isRef = (v: unknown): v is IndicatorRef =>
  isObject(v) &&
  (v.sheet !== undefined || v.row !== undefined || v.name !== undefined) &&
  (v.sheet === undefined || isText(v.sheet)) &&
  (v.row === undefined || (Number.isInteger(v.row) && (v.row as number) > 0)) &&
  (v.line === undefined || (Number.isInteger(v.line) && (v.line as number) >= 0)) &&
  (v.name === undefined || isText(v.name));

/** The problems of a pairs file (`{ "pairs": [{ "current": {…}, "earlier": {…} | null, "file"? }] }`). */
export function pairsProblems(value: unknown): string[] {
  if (!isObject(value) || !Array.isArray(value.pairs))
    return ["tệp ghép chỉ tiêu phải là một đối tượng có mảng 'pairs' / the pairs file must be an object with a 'pairs' array"];
  const problems: string[] = [];
  value.pairs.forEach((p: unknown, i) => {
    if (!isObject(p) || !isRef(p.current) || !(p.earlier === null || isRef(p.earlier)))
      problems.push(
        `pairs[${i}]: 'current' và 'earlier' (hoặc null) cần 'sheet', 'row' hoặc 'name' / 'current' and 'earlier' (or null) need a 'sheet', 'row' or 'name'`,
      );
    else if (p.file !== undefined && !isText(p.file)) problems.push(`pairs[${i}]: 'file' phải là tên tệp / 'file' must be a file name`);
  });
  return problems;
}

// "Tỉnh Bắc Kạn", "UBND xã Tân Cương", "TP. Hồ Chí Minh": the words that name a unit, without the
// tier before them ("Phường 1" keeps it: a number alone names nothing).
const words = (text: string) =>
  ` ${fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
const TIER = /^ (uy ban nhan dan |ubnd )?(tinh |thanh pho |tp |huyen |quan |thi xa |xa |phuong |thi tran )?/;
function nameWords(name: string): string {
  const all = words(name);
  const bare = ` ${all.replace(TIER, "").trim()} `;
  return /[a-z]/.test(bare) ? bare : all;
}

/** What names a workbook: its file name and the text of the first rows of each sheet (its titles). */
function ownWords(report: ComparedReport): string {
  const titles = report.snapshot.sheets.flatMap((s) => s.values.slice(0, 6).flatMap((row) => row.filter((v) => typeof v === "string")));
  return words([report.file.replace(/\.[a-z]+$/i, ""), ...(titles as string[])].join(" "));
}

/**
 * The units of `names` a workbook names: by the mapping's list of files first, else by its words;
 * of two names one holds ("Xã Tân", "Xã Tân Cương"), the longer.
 */
function unitsNamed(report: ComparedReport, names: readonly string[], files: Record<string, string>): string[] {
  // The entry naming the report most closely: "bk/6t-2024.xlsx" before "6t-2024.xlsx".
  const listed = Object.entries(files)
    .filter(([file]) => sameFileName(file, report.path ?? report.file))
    .sort(([a], [b]) => pathParts(b).length - pathParts(a).length)[0]?.[1];
  if (listed !== undefined) return names.filter((n) => nameWords(n) === nameWords(listed));
  const own = ownWords(report);
  const found = names.filter((n) => own.includes(nameWords(n)));
  return found.filter(
    (n) => !found.some((m) => m !== n && nameWords(m).length > nameWords(n).length && nameWords(m).includes(nameWords(n))),
  );
}

/** An earlier report that names several former units: the official says which in `files`. */
export class UnitError extends ExplainedError {}

/** The mapping's entry a report is about: the only one, or the one it names. */
function entryOf(mapping: UnitMapping, report: ComparedReport): UnitMapping["merged"][number] | null {
  if (mapping.merged.length === 1) return mapping.merged[0];
  const named = mapping.merged.filter((m) => unitsNamed(report, [m.unit], mapping.files ?? {}).length > 0);
  return named.length === 1 ? named[0] : null;
}

/** Whether a report's period ends on or after a date ("2025-07-01"): then it is the successor's own. */
function endsFrom(report: ComparedReport, since: string): boolean {
  const year = report.analysis.reportYear;
  if (year === null) return false;
  const months = periodOf(report.analysis)?.months ?? 12;
  const end = `${year}-${String(months).padStart(2, "0")}-31`;
  return end >= since;
}

/**
 * The merged unit the current report is of, and the earlier reports that are its former units'
 * (the rest stay ordinary earlier reports). The current report is the mapping's only unit, or the
 * one it names. A report of a period ending on or after the merger (`since`; without it, of the
 * current year) is the successor's own even when it bears a former unit's name. An earlier report
 * naming a former unit of another merger is not this one's.
 */
export function placeUnits(
  mapping: UnitMapping,
  current: ComparedReport,
  earlier: readonly ComparedReport[],
): { merged: MergedUnits | null; others: ComparedReport[] } {
  const files = mapping.files ?? {};
  const entry = entryOf(mapping, current);
  if (!entry) return { merged: null, others: [...earlier] };
  const formers: MergedUnits["formers"] = [];
  const others: ComparedReport[] = [];
  for (const report of earlier) {
    const units = unitsNamed(report, entry.from, files);
    const successors =
      entry.since !== undefined ? endsFrom(report, entry.since) : report.analysis.reportYear === current.analysis.reportYear;
    if (units.length === 0 || successors) others.push(report);
    else if (units.length === 1) formers.push({ unit: units[0], report });
    else
      throw new UnitError(
        `không rõ tệp "${report.file}" là của đơn vị nào (${units.join(", ")}): ghi nó trong 'files' của tệp đơn vị`,
        `which unit "${report.file}" reports for is unclear (${units.join(", ")}): list it under 'files' in the units file`,
      );
  }
  return { merged: { unit: entry.unit, ...(entry.since ? { since: entry.since } : {}), units: entry.from, formers }, others };
}

/**
 * For a consolidation: the units the mapping says make up the table's unit (the mapping's only
 * unit, or the one the table names), and those of them no report names. Null when the mapping
 * does not cover the table.
 */
export function unitsMissing(
  mapping: UnitMapping,
  table: ComparedReport,
  reports: readonly ComparedReport[],
): { unit: string; expected: string[]; missing: string[]; twice: Array<{ unit: string; files: string[] }> } | null {
  const files = mapping.files ?? {};
  const entry = entryOf(mapping, table);
  if (!entry) return null;
  const byUnit = new Map<string, string[]>();
  for (const r of reports) for (const u of unitsNamed(r, entry.from, files)) byUnit.set(u, [...(byUnit.get(u) ?? []), r.file]);
  return {
    unit: entry.unit,
    expected: entry.from,
    missing: entry.from.filter((u) => !byUnit.has(u)),
    twice: [...byUnit].filter(([, f]) => f.length > 1).map(([unit, f]) => ({ unit, files: f })),
  };
}
