// The work itself on a whole check, the same in the analysis worker and, where there is none, in
// the page: the report's sentences, a template filled, a draft text checked against the workbook.

import { checkWorkbook, type CheckResult } from "../../core/check";
import { compareReports, type ComparedReport, type PairOverride } from "../../core/compare";
import { fillSource, fillTemplate, isTemplateSheet, narrative, type FillResult, type NarrativeItem } from "../../core/fill";
import type { WorkbookSnapshot } from "../../core/model/snapshot";
import { checkText } from "../../core/narrative/check";
import { WorkbookInputError } from "../../hosts/xlsx/readWorkbook";
import { readWorkbookWithIgnores } from "../../hosts/xlsx/settings";
import type { EarlierFile, PaneComparison, TemplateChoice, TextChecked } from "./protocol";

export function narrativeOf(snapshot: WorkbookSnapshot, result: CheckResult): NarrativeItem[] {
  return narrative(fillSource(snapshot, result));
}

/** A built-in template, or a template sheet of the workbook, filled; null when the workbook has no such sheet. */
export function fillChoice(snapshot: WorkbookSnapshot, result: CheckResult, choice: TemplateChoice): FillResult | null {
  if ("builtIn" in choice) return fillTemplate(snapshot, result, choice.builtIn);
  const sheet = snapshot.sheets.find((s) => s.name === choice.sheet && isTemplateSheet(s));
  return sheet ? fillTemplate(snapshot, result, { sheet, from: "workbook" }) : null;
}

/** A draft checked with the text rules, against the check's workbook when there is one. */
export function textChecked(text: string, result: CheckResult | null): TextChecked {
  const checked = checkText(text, { analysis: result, reportYear: result?.reportYear ?? null });
  return { claims: checked.claims.length, findings: checked.findings };
}

/** An earlier report the pane cannot compare with: not a workbook, or no indicator sheet in it. */
export class UnusableEarlier extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn);
  }
}

/**
 * The current check against earlier reports the official chose (each read and checked with the year
 * it states), with the pairs set by hand; each earlier report's indicators come along, to pair by hand.
 */
export async function comparedWith(
  current: ComparedReport,
  earlier: readonly EarlierFile[],
  pairs: readonly PairOverride[],
): Promise<PaneComparison> {
  const reports: ComparedReport[] = [];
  for (const { name, bytes } of earlier) {
    let snapshot;
    try {
      snapshot = (await readWorkbookWithIgnores(bytes)).snapshot;
    } catch (error) {
      if (error instanceof WorkbookInputError) throw new UnusableEarlier(name, error.reason, error.reasonEn);
      throw error;
    }
    const analysis = checkWorkbook(snapshot);
    if (!analysis.sheets.some((s) => s.status === "indicators"))
      throw new UnusableEarlier(name, "không có biểu chỉ tiêu nào", "no indicator sheet");
    reports.push({ file: name, snapshot, analysis });
  }
  const result = compareReports(current, reports, { pairs });
  const indicators = reports.map((r) =>
    r.analysis.indicators.map(({ sheet, row, line, name, unit }) => ({ sheet, row, line, name, unit })),
  );
  return { ...result, indicators };
}
