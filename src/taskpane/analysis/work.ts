// The work itself on a whole check, the same in the analysis worker and, where there is none, in
// the page: the report's sentences, a template filled, a draft text checked against the workbook.

import type { CheckResult } from "../../core/check";
import { fillSource, fillTemplate, isTemplateSheet, narrative, type FillResult, type NarrativeItem } from "../../core/fill";
import type { WorkbookSnapshot } from "../../core/model/snapshot";
import { checkText } from "../../core/narrative/check";
import type { TemplateChoice, TextChecked } from "./protocol";

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
