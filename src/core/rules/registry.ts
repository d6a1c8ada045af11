// The rule registry: every rule chitieu knows, as records, in the order `chitieu rules` lists them.
// Sheet rules carry their check; a rule of the text (scope "text") joins as its record, its check
// in TEXT_CHECKS; a rule of scope "both" has both; a rule across reports (scope "periods") joins as
// its record, its check in src/core/compare.ts. The defaults of the configuration are read from
// here: every option's default, nothing switched off.

import type { RuleConfig } from "./config";
import type { Rule } from "./context";
import {
  growthOutlier,
  missingUnit,
  missingValue,
  notANumber,
  planOutlier,
  ratePlanPercent,
  ratePoints,
  rateRange,
  statedEvaluation,
  statedPercent,
  unitMismatch,
  unitScale,
} from "./figures";
import type { OptionValue, RuleOption, RuleRecord } from "./record";
import { copiedComponents, countFraction, seriesBaseYear, seriesGrowth, seriesScale, statedIndex } from "./series";
import { componentTotal, cumulativeDecrease, shareTotal } from "./structure";
import type { TextRule } from "./textContext";
import {
  CLAIM_ARITHMETIC,
  CLAIM_CONSISTENCY,
  DOUBLE_SIGN,
  EXCEED_PERCENT,
  GROWTH_AS_INDEX,
  GROWTH_MULTIPLE,
  INDEX_AS_GROWTH,
  NUMBER_FORMAT,
  TEXT_RULES,
  VERB_TYPO,
} from "./textRules";
import { CLAIM_VALUE, claimValueText, statedPercentText } from "./textWorkbook";
import { baseYear } from "./years";
import { PERIOD_RULES } from "./periods";

/** A rule of the registry: its record, and for a rule on sheets its check. */
export type RegisteredRule = RuleRecord & Partial<Pick<Rule, "check" | "each" | "kinds">>;

export const RULES: readonly RegisteredRule[] = [
  baseYear,
  statedPercent,
  ratePlanPercent,
  statedEvaluation,
  componentTotal,
  shareTotal,
  rateRange,
  notANumber,
  unitScale,
  growthOutlier,
  planOutlier,
  cumulativeDecrease,
  missingValue,
  seriesScale,
  seriesGrowth,
  seriesBaseYear,
  statedIndex,
  countFraction,
  copiedComponents,
  missingUnit,
  ratePoints,
  unitMismatch,
  INDEX_AS_GROWTH,
  GROWTH_AS_INDEX,
  EXCEED_PERCENT,
  GROWTH_MULTIPLE,
  CLAIM_ARITHMETIC,
  CLAIM_VALUE,
  DOUBLE_SIGN,
  CLAIM_CONSISTENCY,
  NUMBER_FORMAT,
  VERB_TYPO,
  ...PERIOD_RULES,
];

/** The checks of report text, the workbook's last (they need one); each names its record in RULES. */
export const TEXT_CHECKS: readonly TextRule[] = [...TEXT_RULES, statedPercentText, claimValueText];

/** Whether a registered rule checks sheets (it has a check), as opposed to a record of a text rule. */
export function isSheetRule(rule: RegisteredRule): rule is RuleRecord & Rule {
  return typeof rule.check === "function";
}

/** The rules that check sheets, in registry order. */
export const SHEET_RULES: readonly Rule[] = RULES.filter(isSheetRule);

/** A rule of the registry by id. */
export function ruleById(id: string, rules: readonly RuleRecord[] = RULES): RuleRecord | undefined {
  return rules.find((r) => r.id === id);
}

/** Every option of the registry by name, with the rule that owns it. */
export function registryOptions(rules: readonly RuleRecord[] = RULES): Map<string, { rule: RuleRecord; option: RuleOption }> {
  const out = new Map<string, { rule: RuleRecord; option: RuleOption }>();
  for (const rule of rules) for (const [name, o] of Object.entries(rule.options)) if (!out.has(name)) out.set(name, { rule, option: o });
  return out;
}

/** Every option's default, by option name. */
export const DEFAULT_OPTIONS: Readonly<Record<string, OptionValue>> = Object.freeze(
  Object.fromEntries([...registryOptions()].map(([name, { option }]) => [name, option.default])),
);

export const DEFAULT_RULE_CONFIG: RuleConfig = { defaults: DEFAULT_OPTIONS, byIndicator: {}, disabled: [] };
