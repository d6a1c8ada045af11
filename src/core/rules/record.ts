// A rule as a record, in the manner of ESLint's rule `meta`: its id, default severity, scope, names
// and descriptions in Vietnamese and English, its options (each a default, a small schema and a
// description) and its messages (templates with named parameters, one per language). The checks
// live beside their record (context.ts: Rule); `chitieu rules`, the help page, the configuration's
// validation and its JSON Schema are all read from the records.

import type { Severity } from "../model/findings";

/** Where a rule looks: at the workbook's sheets, at the report's text, at both, or across reports (`chitieu compare`). */
export type RuleScope = "sheet" | "text" | "both" | "periods";

export const RULE_SCOPES: readonly RuleScope[] = ["sheet", "text", "both", "periods"];

/** A range of values [low, high] with low ≤ high: a rate's bounds, a plausible growth. */
export type Band = [number, number];

/** What an option's value may be. A band is [low, high] with low ≤ high. */
export type OptionSchema =
  | { readonly type: "number"; readonly minimum?: number; readonly maximum?: number }
  | { readonly type: "integer"; readonly minimum?: number; readonly maximum?: number }
  | { readonly type: "band"; readonly nullable?: boolean }
  | { readonly type: "boolean" }
  | { readonly type: "enum"; readonly values: readonly string[] };

export type OptionValue = number | boolean | string | Band | null;

/** One option of a rule: its default, its schema, and what it means in both languages. */
export interface RuleOption<T extends OptionValue = OptionValue> {
  readonly default: T;
  readonly schema: OptionSchema;
  readonly description: string;
  readonly descriptionEn: string;
}

/**
 * A message in both languages. Placeholders: `{x}` a parameter as it is (a string, a number as
 * written by String, or a phrase), `{x:n}` a number in compact form with up to 2 decimals,
 * `{x:n0}`…`{x:n9}` with up to that many, in the style of the message's language ("1.235,6" in
 * Vietnamese, "1,235.6" in English).
 */
export interface MessageTemplate {
  readonly vi: string;
  readonly en: string;
}

/** Anything that holds messages: a rule record, or a bundle of shared phrases (labels.ts). */
export interface MessageBundle {
  readonly messages: Readonly<Record<string, MessageTemplate>>;
}

/** The record of a rule: everything about it but its check. */
export interface RuleRecord extends MessageBundle {
  /** Stable id, as in findings and in the configuration ("stated-percent"). */
  readonly id: string;
  /** The severity of its findings unless the check picks another of `severities` for a case. */
  readonly severity: Severity;
  /** Every severity its findings may have, the default first; absent: the default only. */
  readonly severities?: readonly Severity[];
  readonly scope: RuleScope;
  readonly name: string;
  readonly nameEn: string;
  readonly description: string;
  readonly descriptionEn: string;
  /** Its options by name; option names are unique across the registry (a configuration names them alone). */
  readonly options: Readonly<Record<string, RuleOption>>;
}

/**
 * Declares a rule record, keeping the literal types of its messages (so that `report` checks the
 * parameters of each message at compile time) and of its severities.
 */
export function defineRule<const R extends RuleRecord>(record: R): R {
  return record;
}

/** Declares a bundle of shared phrases, keeping the literal types of its templates. */
export function defineMessages<const M extends Readonly<Record<string, MessageTemplate>>>(messages: M): { readonly messages: M } {
  return { messages };
}

/** Every severity a rule's findings may have. */
export function severitiesOf(rule: RuleRecord): readonly Severity[] {
  return rule.severities ?? [rule.severity];
}

/** The severities a check of this record may pass for a case. */
export type SeverityOf<R extends RuleRecord> = R extends { readonly severities: readonly (infer S)[] } ? S : R["severity"];

/** The value type of an option. */
export type OptionValueOf<O> = O extends RuleOption<infer T> ? T : never;

interface Limits {
  minimum?: number;
  maximum?: number;
}

/** The option constructors: each gives an option its schema and its value type. */
export const option = {
  number: (value: number, description: string, descriptionEn: string, limits: Limits = {}): RuleOption<number> => ({
    default: value,
    schema: { type: "number", ...limits },
    description,
    descriptionEn,
  }),
  integer: (value: number, description: string, descriptionEn: string, limits: Limits = {}): RuleOption<number> => ({
    default: value,
    schema: { type: "integer", ...limits },
    description,
    descriptionEn,
  }),
  band: (value: Band, description: string, descriptionEn: string): RuleOption<Band> => ({
    default: value,
    schema: { type: "band" },
    description,
    descriptionEn,
  }),
  /** A band, or null for "not set here" (the rule then takes another source). */
  bandOrNull: (value: Band | null, description: string, descriptionEn: string): RuleOption<Band | null> => ({
    default: value,
    schema: { type: "band", nullable: true },
    description,
    descriptionEn,
  }),
  boolean: (value: boolean, description: string, descriptionEn: string): RuleOption<boolean> => ({
    default: value,
    schema: { type: "boolean" },
    description,
    descriptionEn,
  }),
  oneOf: <const V extends string>(values: readonly V[], value: V, description: string, descriptionEn: string): RuleOption<V> => ({
    default: value,
    schema: { type: "enum", values },
    description,
    descriptionEn,
  }),
};
