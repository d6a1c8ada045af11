// Thresholds of the rules: defaults from the research (V01–V35), overridable per indicator by
// catalogue id or by name, and rules that can be switched off.

import type { CatalogueEntry, Measure } from "../model/catalogue";
import { fold } from "../model/text";
import type { Indicator } from "../model/indicator";

export interface Thresholds {
  /** Bounds of a rate (tỷ lệ, cơ cấu) in percent. */
  rateRange: [number, number];
  /** Plausible growth on the same period, in percent; null takes the catalogue's or the measure's. */
  growthBand: [number, number] | null;
  /** A plan percentage above this is implausible whatever the period. */
  planPercentMax: number;
  /** Plan progress of a flow below low × or above high × the elapsed share of the year is off pace. */
  paceLow: number;
  paceHigh: number;
  /** A figure 10^low…10^high times its comparison (either way) is a ×1000 slip. */
  unitScaleLog: [number, number];
  /** Shares off 100 by more than this many points are an error (less: a warning). */
  shareErrorPoints: number;
  /** Components off their total by more than this share of the total are an error (less: a warning). */
  componentErrorShare: number;
}

export interface RuleConfig {
  defaults: Thresholds;
  /** Overrides by catalogue id or by indicator name (any case, with or without diacritics). */
  byIndicator: Record<string, Partial<Thresholds>>;
  /** Rule ids switched off. */
  disabled: string[];
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  rateRange: [0, 100],
  growthBand: null,
  planPercentMax: 200,
  paceLow: 0.5,
  paceHigh: 1.5,
  unitScaleLog: [2.5, 3.5],
  shareErrorPoints: 1,
  componentErrorShare: 0.01,
};

export const DEFAULT_RULE_CONFIG: RuleConfig = { defaults: DEFAULT_THRESHOLDS, byIndicator: {}, disabled: [] };

/** Growth bands by measure when neither the user nor the catalogue gives one. */
const MEASURE_GROWTH_BAND: Partial<Record<Measure, [number, number]>> = {
  flow: [-30, 30],
  stock: [-30, 50],
  ratio: [-25, 25],
};

export function mergeRuleConfig(base: RuleConfig, extra: Partial<RuleConfig>): RuleConfig {
  const byIndicator: Record<string, Partial<Thresholds>> = { ...base.byIndicator };
  for (const [key, value] of Object.entries(extra.byIndicator ?? {})) byIndicator[fold(key)] = { ...byIndicator[fold(key)], ...value };
  return {
    defaults: { ...base.defaults, ...(extra.defaults ?? {}) },
    byIndicator,
    disabled: [...base.disabled, ...(extra.disabled ?? [])],
  };
}

/** Checks a user's rule configuration; returns the problems found. */
export function ruleConfigProblems(value: unknown, knownRules: string[]): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return ["cấu hình phải là một đối tượng JSON / the configuration must be a JSON object"];
  const problems: string[] = [];
  const { defaults, byIndicator, disabled } = value as Record<string, unknown>;
  const keys = Object.keys(DEFAULT_THRESHOLDS);
  const checkThresholds = (t: unknown, where: string) => {
    if (typeof t !== "object" || t === null) return problems.push(`${where} phải là một đối tượng / must be an object`);
    for (const k of Object.keys(t)) if (!keys.includes(k)) problems.push(`${where}.${k}: ngưỡng không có / unknown threshold`);
    return 0;
  };
  if (defaults !== undefined) checkThresholds(defaults, "defaults");
  if (byIndicator !== undefined) {
    if (typeof byIndicator !== "object" || byIndicator === null) problems.push("byIndicator phải là một đối tượng / must be an object");
    else for (const [k, v] of Object.entries(byIndicator)) checkThresholds(v, `byIndicator["${k}"]`);
  }
  if (disabled !== undefined) {
    if (!Array.isArray(disabled)) problems.push("disabled phải là một mảng / must be an array");
    else
      for (const id of disabled) if (!knownRules.includes(String(id))) problems.push(`disabled: không có quy tắc "${id}" / unknown rule`);
  }
  return problems;
}

/** The thresholds for one indicator: defaults, then the override by catalogue id, then by name. */
export function thresholdsFor(
  config: RuleConfig,
  indicator: Indicator,
  entry: CatalogueEntry | null,
): Thresholds & { growthBand: [number, number] | null } {
  const overridden = Object.keys(config.byIndicator).length > 0;
  const byId = overridden && indicator.catalogueId ? config.byIndicator[fold(indicator.catalogueId)] : undefined;
  const byName = overridden ? config.byIndicator[fold(indicator.name)] : undefined;
  const t = { ...config.defaults, ...(byId ?? {}), ...(byName ?? {}) };
  const growthBand =
    t.growthBand ??
    entry?.growthBand ??
    (indicator.measure
      ? (MEASURE_GROWTH_BAND[indicator.measure] ?? null)
      : indicator.kind === "absolute"
        ? (MEASURE_GROWTH_BAND.flow ?? null)
        : null);
  return { ...t, growthBand };
}
