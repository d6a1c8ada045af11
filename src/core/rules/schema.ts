// One schema for the rule configuration, derived from the registry: the validator the command line
// runs on --config, and the same schema as JSON Schema (draft 2020-12, docs/rule-config.schema.json,
// `chitieu rules --schema`). Every problem names its key, in Vietnamese and in English.

import { SEVERITY_LEVELS, type RuleConfigFile } from "./config";
import type { OptionSchema, RuleOption, RuleRecord } from "./record";
import { RULES, registryOptions } from "./registry";
import { isObject } from "../model/json";

/** A mistake in a configuration: where (a path such as `byIndicator["thu-ngan-sach"].growthBand`) and what, in both languages. */
export interface ConfigProblem {
  path: string;
  vi: string;
  en: string;
}

const TOP_KEYS = ["$schema", "defaults", "byIndicator", "disabled", "severity"] as const;

/** `a.b`, or `a["key with spaces"]` for keys that are not plain names. */
function child(path: string, key: string): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The known name closest to a mistyped one, when it is close enough to be meant. */
function closest(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === name.toLowerCase() ? 0 : distance(name, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : null;
}

function unknownName(path: string, what: { vi: string; en: string }, name: string, known: readonly string[]): ConfigProblem {
  const guess = closest(name, known);
  return {
    path,
    vi: `không có ${what.vi} "${name}"${guess ? ` (có phải "${guess}"?)` : ""}`,
    en: `unknown ${what.en} "${name}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
  };
}

const show = (v: unknown): string => (v === undefined ? "undefined" : Array.isArray(v) ? `[${v.map(show).join(", ")}]` : JSON.stringify(v));

/** What is wrong with a value for an option's schema; null when it fits. */
export function optionValueProblem(schema: OptionSchema, value: unknown): { vi: string; en: string } | null {
  switch (schema.type) {
    case "number":
    case "integer": {
      const integer = schema.type === "integer";
      if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value)))
        return integer
          ? { vi: `phải là một số nguyên, không phải ${show(value)}`, en: `must be an integer, not ${show(value)}` }
          : { vi: `phải là một số, không phải ${show(value)}`, en: `must be a number, not ${show(value)}` };
      if (schema.minimum !== undefined && value < schema.minimum)
        return { vi: `phải từ ${schema.minimum} trở lên, không phải ${value}`, en: `must be at least ${schema.minimum}, not ${value}` };
      if (schema.maximum !== undefined && value > schema.maximum)
        return { vi: `phải không quá ${schema.maximum}, không phải ${value}`, en: `must be at most ${schema.maximum}, not ${value}` };
      return null;
    }
    case "band": {
      if (value === null && schema.nullable) return null;
      if (!Array.isArray(value) || value.length !== 2 || !value.every((x) => typeof x === "number" && Number.isFinite(x)))
        return {
          vi: `phải là một khoảng [thấp, cao] gồm hai số${schema.nullable ? " (hoặc null)" : ""}, không phải ${show(value)}`,
          en: `must be a band [low, high] of two numbers${schema.nullable ? " (or null)" : ""}, not ${show(value)}`,
        };
      if (value[0] > value[1])
        return {
          vi: `khoảng ${show(value)} bị ngược: số đầu (thấp) phải không lớn hơn số sau (cao)`,
          en: `the band ${show(value)} is reversed: low must not exceed high`,
        };
      return null;
    }
    case "boolean":
      return typeof value === "boolean"
        ? null
        : { vi: `phải là true hoặc false, không phải ${show(value)}`, en: `must be true or false, not ${show(value)}` };
    case "enum":
      return typeof value === "string" && schema.values.includes(value)
        ? null
        : {
            vi: `phải là một trong ${schema.values.join(", ")}, không phải ${show(value)}`,
            en: `must be one of ${schema.values.join(", ")}, not ${show(value)}`,
          };
  }
  return null;
}

/** Every mistake in a rule configuration (the parsed JSON of a --config file), each naming its key. */
export function validateRuleConfig(value: unknown, rules: readonly RuleRecord[] = RULES): ConfigProblem[] {
  if (!isObject(value)) return [{ path: "", vi: "cấu hình phải là một đối tượng JSON", en: "the configuration must be a JSON object" }];
  const problems: ConfigProblem[] = [];
  const options = registryOptions(rules);
  const optionNames = [...options.keys()];
  const ruleIds = rules.map((r) => r.id);
  const mustBeObject = (path: string): void => {
    problems.push({ path, vi: "phải là một đối tượng {…}", en: "must be an object {…}" });
  };

  const checkOptions = (values: unknown, path: string) => {
    if (!isObject(values)) {
      mustBeObject(path);
      return;
    }
    for (const [name, v] of Object.entries(values)) {
      const o = options.get(name);
      if (!o) {
        problems.push(unknownName(child(path, name), { vi: "tùy chọn (ngưỡng)", en: "option" }, name, optionNames));
        continue;
      }
      const problem = optionValueProblem(o.option.schema, v);
      if (problem) problems.push({ path: child(path, name), ...problem });
    }
  };

  for (const key of Object.keys(value))
    if (!(TOP_KEYS as readonly string[]).includes(key))
      problems.push({
        path: child("", key),
        vi: `khóa không có (dùng ${TOP_KEYS.slice(1).join(", ")})`,
        en: `unknown key (use ${TOP_KEYS.slice(1).join(", ")})`,
      });
  const { $schema, defaults, byIndicator, disabled, severity } = value as RuleConfigFile & Record<string, unknown>;
  if ($schema !== undefined && typeof $schema !== "string")
    problems.push({ path: "$schema", vi: "phải là một chuỗi", en: "must be a string" });
  if (defaults !== undefined) checkOptions(defaults, "defaults");
  if (byIndicator !== undefined) {
    if (!isObject(byIndicator)) mustBeObject("byIndicator");
    else for (const [k, v] of Object.entries(byIndicator)) checkOptions(v, child("byIndicator", k));
  }
  if (disabled !== undefined) {
    if (!Array.isArray(disabled))
      problems.push({ path: "disabled", vi: "phải là một mảng mã quy tắc", en: "must be an array of rule ids" });
    else
      (disabled as unknown[]).forEach((id, i) => {
        if (typeof id !== "string" || !ruleIds.includes(id))
          problems.push(unknownName(`disabled[${i}]`, { vi: "quy tắc", en: "rule" }, String(id), ruleIds));
      });
  }
  if (severity !== undefined) {
    if (!isObject(severity)) mustBeObject("severity");
    else
      for (const [id, level] of Object.entries(severity)) {
        const path = child("severity", id);
        if (!ruleIds.includes(id)) problems.push(unknownName(path, { vi: "quy tắc", en: "rule" }, id, ruleIds));
        else if (typeof level !== "string" || !(SEVERITY_LEVELS as readonly string[]).includes(level))
          problems.push({
            path,
            vi: `mức ${show(level)} không hợp lệ (dùng ${SEVERITY_LEVELS.join(", ")})`,
            en: `invalid severity ${show(level)} (use ${SEVERITY_LEVELS.join(", ")})`,
          });
      }
  }
  return problems;
}

/** A problem on one line: "defaults.rateRange: … / …". */
export function problemText(p: ConfigProblem, lang: "vi" | "en" | "both" = "both"): string {
  const where = p.path ? `${p.path}: ` : "";
  return lang === "both" ? `${where}${p.vi} / ${p.en}` : `${where}${lang === "vi" ? p.vi : p.en}`;
}

/** The problems of a configuration as lines of text (Vietnamese / English), for callers of the older API. */
export function ruleConfigProblems(value: unknown, rules: readonly RuleRecord[] = RULES): string[] {
  return validateRuleConfig(value, rules).map((p) => problemText(p));
}

// ---------------------------------------------------------------------------------------------
// JSON Schema
// ---------------------------------------------------------------------------------------------

export type JsonSchema = { [key: string]: unknown };

const JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema";

const BAND_SCHEMA: JsonSchema = {
  type: "array",
  description:
    "[thấp, cao], thấp ≤ cao (JSON Schema không diễn đạt được điều kiện này; chitieu kiểm tra) / [low, high], low ≤ high (checked by chitieu, beyond JSON Schema)",
  prefixItems: [{ type: "number" }, { type: "number" }],
  items: false,
  minItems: 2,
  maxItems: 2,
};

/** The JSON Schema of an option's value; `band` is the schema to use for a band (a $ref in the document, inline alone). */
export function optionJsonSchema(o: RuleOption, band: JsonSchema = BAND_SCHEMA): JsonSchema {
  const s = o.schema;
  const limits = (x: { minimum?: number; maximum?: number }) => ({
    ...(x.minimum !== undefined ? { minimum: x.minimum } : {}),
    ...(x.maximum !== undefined ? { maximum: x.maximum } : {}),
  });
  switch (s.type) {
    case "number":
      return { type: "number", ...limits(s) };
    case "integer":
      return { type: "integer", ...limits(s) };
    case "band":
      return s.nullable ? { anyOf: [band, { type: "null" }] } : band;
    case "boolean":
      return { type: "boolean" };
    case "enum":
      return { enum: [...s.values] };
  }
}

/** The configuration file's JSON Schema (draft 2020-12), derived from the registry. */
export function ruleConfigSchema(rules: readonly RuleRecord[] = RULES): JsonSchema {
  const band = { $ref: "#/$defs/band" };
  const properties: Record<string, JsonSchema> = {};
  for (const [name, { rule, option: o }] of registryOptions(rules))
    properties[name] = {
      ...optionJsonSchema(o, band),
      default: o.default,
      description: `[${rule.id}] ${o.description} / ${o.descriptionEn}`,
    };
  return {
    $schema: JSON_SCHEMA_DRAFT,
    title: "chitieu: cấu hình quy tắc / rule configuration (--config)",
    description:
      "Tạo từ danh mục quy tắc (chitieu rules --schema); đừng sửa tay. / Generated from the rule registry (chitieu rules --schema); do not edit.",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      defaults: {
        $ref: "#/$defs/options",
        description: "Giá trị tùy chọn cho mọi chỉ tiêu / option values for every indicator",
      },
      byIndicator: {
        type: "object",
        description:
          "Giá trị tùy chọn theo mã danh mục hoặc tên chỉ tiêu (không phân biệt hoa thường, dấu) / option values by catalogue id or indicator name (any case, with or without diacritics)",
        additionalProperties: { $ref: "#/$defs/options" },
      },
      disabled: {
        type: "array",
        description: "Các quy tắc tắt / rules switched off",
        items: { $ref: "#/$defs/ruleId" },
      },
      severity: {
        type: "object",
        description:
          "Mức của mọi kết quả của một quy tắc; off: tắt quy tắc / the severity of every finding of a rule; off switches the rule off",
        propertyNames: { $ref: "#/$defs/ruleId" },
        additionalProperties: { $ref: "#/$defs/severity" },
      },
    },
    $defs: {
      ruleId: { enum: rules.map((r) => r.id) },
      severity: { enum: [...SEVERITY_LEVELS] },
      band: BAND_SCHEMA,
      options: { type: "object", additionalProperties: false, properties },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The records' metadata, for `chitieu rules --json`
// ---------------------------------------------------------------------------------------------

export interface RuleDescription {
  id: string;
  scope: RuleRecord["scope"];
  severity: RuleRecord["severity"];
  severities: readonly RuleRecord["severity"][];
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  options: Record<string, { default: unknown; schema: JsonSchema; description: string; descriptionEn: string }>;
  messages: string[];
}

/** What `chitieu rules --json` prints of each rule: the record without its templates and check. */
export function describeRules(rules: readonly RuleRecord[] = RULES): RuleDescription[] {
  return rules.map((r) => ({
    id: r.id,
    scope: r.scope,
    severity: r.severity,
    severities: r.severities ?? [r.severity],
    name: r.name,
    nameEn: r.nameEn,
    description: r.description,
    descriptionEn: r.descriptionEn,
    options: Object.fromEntries(
      Object.entries(r.options).map(([name, o]) => [
        name,
        { default: o.default, schema: optionJsonSchema(o), description: o.description, descriptionEn: o.descriptionEn },
      ]),
    ),
    messages: Object.keys(r.messages),
  }));
}
