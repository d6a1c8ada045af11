// The rule configuration: option values (the rules' thresholds), by default and per indicator (by
// catalogue id or by name), rules switched off, and severities set by the user. The defaults come
// from the registry (registry.ts: DEFAULT_RULE_CONFIG); the file is checked by one schema derived
// from the records (schema.ts). Nothing here knows a rule: the text checker can use it as it is.

import type { Finding, Severity } from "../model/findings";
import type { Indicator } from "../model/indicator";
import { fold } from "../model/text";
import type { OptionValue } from "./record";

/** A configured severity: one of the three, or "off" to switch the rule off. */
export type SeverityLevel = Severity | "off";

export const SEVERITY_LEVELS: readonly SeverityLevel[] = ["error", "warning", "info", "off"];

/** Option values by option name (option names are unique across the rules). */
export type OptionValues = Readonly<Record<string, OptionValue>>;

/** The configuration the rules run with (DEFAULT_RULE_CONFIG merged with the user's file). */
export interface RuleConfig {
  /** Every option's value. */
  defaults: OptionValues;
  /** Overrides by catalogue id or by indicator name (any case, with or without diacritics). */
  byIndicator: Record<string, OptionValues>;
  /** Rule ids switched off. */
  disabled: string[];
  /** Severities set by rule id: they replace the severity of every finding of the rule; "off" switches it off. */
  severity?: Record<string, SeverityLevel>;
}

/** The configuration file (--config) as written: every part optional. */
export interface RuleConfigFile {
  $schema?: string;
  defaults?: OptionValues;
  byIndicator?: Record<string, OptionValues>;
  disabled?: string[];
  severity?: Record<string, SeverityLevel>;
}

/** A configuration with `extra` laid over `base`: options replaced, byIndicator keys folded, lists joined. */
export function mergeRuleConfig(base: RuleConfig, extra: RuleConfigFile | Partial<RuleConfig>): RuleConfig {
  const byIndicator: Record<string, OptionValues> = { ...base.byIndicator };
  for (const [key, value] of Object.entries(extra.byIndicator ?? {})) byIndicator[fold(key)] = { ...byIndicator[fold(key)], ...value };
  const severity = { ...(base.severity ?? {}), ...(extra.severity ?? {}) };
  return {
    defaults: { ...base.defaults, ...(extra.defaults ?? {}) },
    byIndicator,
    disabled: [...base.disabled, ...(extra.disabled ?? [])],
    ...(Object.keys(severity).length > 0 ? { severity } : {}),
  };
}

/** Whether a rule is switched off: listed in `disabled`, or its severity set to "off". */
export function isDisabled(config: RuleConfig, ruleId: string): boolean {
  return config.disabled.includes(ruleId) || config.severity?.[ruleId] === "off";
}

/** The severity of a finding of a rule: the one configured for the rule, else the one the check gave (`severity`). */
export function ruleSeverity(config: RuleConfig, ruleId: string, severity: Severity): Severity {
  const set = config.severity?.[ruleId];
  return set === undefined || set === "off" ? severity : set;
}

/**
 * Findings as the configuration wants them: those of rules switched off dropped, the configured
 * severity put on the rest. Works on any finding with a rule and a severity (sheet or text), and
 * applying it twice changes nothing.
 */
export function applyRuleConfig<F extends Pick<Finding, "rule" | "severity">>(config: RuleConfig, findings: readonly F[]): F[] {
  const set = config.severity ?? {};
  if (config.disabled.length === 0 && Object.keys(set).length === 0) return [...findings];
  const out: F[] = [];
  for (const f of findings) {
    if (isDisabled(config, f.rule)) continue;
    const severity = ruleSeverity(config, f.rule, f.severity);
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}

/** The option values for one indicator: the defaults, then the override by catalogue id, then by name. */
export function optionsFor(config: RuleConfig, indicator: Pick<Indicator, "catalogueId" | "name">): OptionValues {
  if (Object.keys(config.byIndicator).length === 0) return config.defaults;
  const byId = indicator.catalogueId ? config.byIndicator[fold(indicator.catalogueId)] : undefined;
  const byName = config.byIndicator[fold(indicator.name)];
  return byId || byName ? { ...config.defaults, ...(byId ?? {}), ...(byName ?? {}) } : config.defaults;
}
