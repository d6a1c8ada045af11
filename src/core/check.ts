// One check of a workbook, the same for the command line and the task pane: read the indicator
// sheets, run the rules, then set aside what the official has ignored with a reason.

import { DEFAULT_CATALOGUE } from "./model/catalogueData";
import { sortFindings, type Finding } from "./model/findings";
import { applyIgnores, type Ignore } from "./model/ignores";
import type { Analysis } from "./model/indicator";
import type { WorkbookSnapshot } from "./model/snapshot";
import { readIndicators, type ReadOptions } from "./reading/workbook";
import { DEFAULT_RULE_CONFIG, ruleContext, runRules, type RuleConfig } from "./rules";

export interface CheckOptions extends ReadOptions {
  /** Thresholds and switched-off rules; the defaults when absent. */
  rules?: RuleConfig;
  /** Findings the official set aside, saved in the workbook. */
  ignores?: readonly Ignore[];
}

export interface CheckResult extends Analysis {
  /** The findings still open: every finding but the ignored ones. */
  open: Finding[];
  ignored: Array<{ finding: Finding; ignore: Ignore }>;
}

export function checkWorkbook(workbook: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const reading = readIndicators(workbook, { ...options, catalogue });
  const found = runRules(ruleContext(reading, options.rules ?? DEFAULT_RULE_CONFIG, catalogue));
  for (const f of reading.findings) found.push(f);
  const sheetOrder = (options.sheet ? workbook.sheets.filter((s) => s.name === options.sheet) : workbook.sheets).map((s) => s.name);
  const findings = sortFindings(found, sheetOrder);
  return {
    reportYear: reading.reportYear,
    reportYearSource: reading.reportYearSource,
    sheets: reading.sheets,
    indicators: reading.indicators,
    findings,
    ...applyIgnores(findings, options.ignores ?? []),
  };
}
