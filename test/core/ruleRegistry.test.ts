// The rule registry: every record complete in both languages, every message well-formed with the
// same parameters in Vietnamese and English, options unique with valid defaults, findings built
// from the records (no placeholder left unfilled, severities among the record's), and a record of
// a text rule can join the registry without a check.
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import type { Finding } from "../../src/core/model/findings";
import {
  describeRules,
  isSheetRule,
  LABELS,
  optionValueProblem,
  parseTemplate,
  registryOptions,
  RULE_SCOPES,
  RULES,
  ruleById,
  severitiesOf,
  SHEET_RULES,
  TEXT_CHECKS,
  templateParameters,
  validateRuleConfig,
  type MessageBundle,
  type RegisteredRule,
  type RuleRecord,
} from "../../src/core/rules";
import { UNIT_MISMATCH, unitMismatch } from "../../src/core/rules/figures";
import { readWorkbook } from "../../src/hosts/xlsx/readWorkbook";
import { hostileSheet } from "../helpers/hostile";
import { contextOf, indicator, table } from "../helpers/indicators";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

function everyMessage(bundle: MessageBundle, owner: string): Array<[string, string, string, string]> {
  return Object.entries(bundle.messages).map(([key, t]) => [owner, key, t.vi, t.en]);
}

const MESSAGES = [...RULES.flatMap((r) => everyMessage(r, r.id)), ...everyMessage(LABELS, "labels")];

describe("the registry's records", () => {
  it("are complete: unique id, scope, severity among its severities, names and descriptions in both languages", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect({ id: r.id, ok: /^[a-z]+(-[a-z]+)*$/.test(r.id) }).toEqual({ id: r.id, ok: true });
      expect(RULE_SCOPES).toContain(r.scope);
      expect(severitiesOf(r)[0]).toBe(r.severity);
      expect(r.name.length).toBeGreaterThan(5);
      expect(r.nameEn.length).toBeGreaterThan(5);
      expect(r.description.length).toBeGreaterThan(30);
      expect(r.descriptionEn.length).toBeGreaterThan(30);
      expect(Object.keys(r.messages).length).toBeGreaterThan(0);
    }
  });

  it("lists the sheet rules with their checks, in registry order", () => {
    // number-format's findings in tables come from the reading of numbers, not from a check.
    // Rules across reports (scope "periods") are checked by compareReports.
    const onSheets = RULES.filter((r) => r.scope !== "text" && r.scope !== "periods" && r.id !== "number-format");
    expect(SHEET_RULES.map((r) => r.id)).toEqual(onSheets.map((r) => r.id));
    for (const r of SHEET_RULES) expect(typeof r.check).toBe("function");
  });

  it("names each option once across the registry, each with a default its own schema accepts and a description in both languages", () => {
    const names = RULES.flatMap((r) => Object.keys(r.options));
    expect(new Set(names).size).toBe(names.length);
    expect([...registryOptions().keys()].sort()).toEqual(
      [
        "componentErrorShare",
        "estimateBand",
        "growthAsIndexBelow",
        "growthBand",
        "growthMultipleFrom",
        "indexAsGrowthFrom",
        "paceHigh",
        "paceLow",
        "planPercentMax",
        "rateRange",
        "shareErrorPoints",
        "unitScaleLog",
      ].sort(),
    );
    for (const [name, { option }] of registryOptions()) {
      expect({ name, problem: optionValueProblem(option.schema, option.default) }).toEqual({ name, problem: null });
      expect(option.description.length).toBeGreaterThan(10);
      expect(option.descriptionEn.length).toBeGreaterThan(10);
    }
  });

  it("keeps the thresholds with the rules that use them", () => {
    const owner = (name: string) => registryOptions().get(name)?.rule.id;
    expect(owner("rateRange")).toBe("rate-range");
    expect(owner("growthBand")).toBe("growth-outlier");
    expect(["planPercentMax", "paceLow", "paceHigh"].map(owner)).toEqual(["plan-outlier", "plan-outlier", "plan-outlier"]);
    expect(owner("unitScaleLog")).toBe("unit-scale");
    expect(owner("shareErrorPoints")).toBe("share-total");
    expect(owner("componentErrorShare")).toBe("component-total");
  });
});

describe("every message of every rule", () => {
  it.each(MESSAGES)("%s.%s: well-formed in both languages, with the same parameters", (_rule, _key, vi, en) => {
    expect(parseTemplate(vi).problems).toEqual([]);
    expect(parseTemplate(en).problems).toEqual([]);
    expect(vi.trim().length).toBeGreaterThan(0);
    expect(en.trim().length).toBeGreaterThan(0);
    expect(templateParameters(en).sort()).toEqual(templateParameters(vi).sort());
    // A number is formatted the same way in both: {x:n1} in one is {x:n1} in the other.
    const formats = (t: string) =>
      parseTemplate(t)
        .placeholders.map((p) => `${p.name}:${p.decimals}`)
        .sort();
    expect([...new Set(formats(en))]).toEqual([...new Set(formats(vi))]);
  });
});

/** Every finding of the sample workbooks and of random hostile sheets. */
async function someFindings(): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const f of fs.readdirSync(SAMPLES).filter((x) => x.endsWith(".xlsx")))
    out.push(...checkWorkbook(await readWorkbook(fs.readFileSync(path.join(SAMPLES, f)))).findings);
  for (const sheets of fc.sample(fc.array(hostileSheet, { minLength: 1, maxLength: 3 }), { numRuns: 150, seed: 7 }))
    out.push(...checkWorkbook({ sheets }).findings);
  return out;
}

describe("findings built from the records", () => {
  let findings: Finding[] = [];
  beforeAll(async () => {
    findings = (await someFindings()).filter((f) => ruleById(f.rule) !== undefined);
  });

  it("have every placeholder filled, in both languages", () => {
    expect(findings.length).toBeGreaterThan(50);
    expect(findings.map((f) => `${f.message} | ${f.messageEn}`).filter((text) => /\{\w+\?\??\}/.test(text))).toEqual([]);
  });

  it("have one of their record's severities", () => {
    for (const f of findings) expect(severitiesOf(ruleById(f.rule) as RuleRecord)).toContain(f.severity);
  });

  it("write numbers in each language's style", () => {
    const name = "Tỷ lệ tăng dân số tự nhiên";
    const rate = indicator({ name, row: 7, unit: "%", kind: "rate", catalogueId: "natural-population-growth", actual: 1234.5 });
    const sheet = table([rate]);
    const found = unitMismatch.each!(rate, sheet, contextOf([sheet]));
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe(`${name} thường tính bằng ‰, nhưng biểu ghi % (1.234,5%): hãy kiểm tra đơn vị.`);
    expect(found[0].messageEn).toBe(`${name} is usually in ‰, but the table writes % (1,234.5%): check the unit.`);
    expect(found[0].rule).toBe(UNIT_MISMATCH.id);
  });
});

describe("the text rules in the registry", () => {
  const textOnly = RULES.filter((r) => r.scope === "text");

  it("are records without a check of sheets: listed, configurable, never run on sheets", () => {
    expect(textOnly.map((r) => r.id)).toEqual(expect.arrayContaining(["index-as-growth", "claim-arithmetic", "claim-value", "verb-typo"]));
    for (const rule of textOnly) expect(isSheetRule(rule as RegisteredRule)).toBe(false);
    expect(describeRules(RULES).find((r) => r.id === "index-as-growth")).toMatchObject({
      scope: "text",
      messages: ["indexSubject", "provenByFigures", "provenByWorkbook"],
    });
    expect(validateRuleConfig({ disabled: ["index-as-growth"], severity: { "verb-typo": "info" } })).toEqual([]);
    expect(validateRuleConfig({ disabled: ["index-as-grow"] })).toHaveLength(1);
  });

  it("each have a check of the text, and every rule with one a record in the registry", () => {
    const checked = new Set(TEXT_CHECKS.map((c) => c.rule.id));
    for (const rule of RULES.filter((r) => r.scope === "text" || r.scope === "both"))
      expect({ id: rule.id, checked: checked.has(rule.id) }).toEqual({ id: rule.id, checked: true });
    for (const id of checked) expect(ruleById(id)).toBeDefined();
  });
});
