// The rule configuration: one validator derived from the registry (each kind of mistake names its
// key, Vietnamese then English), the same schema published as JSON Schema (the committed file is
// what the registry generates, and a JSON Schema validator agrees with ours), options per
// indicator, and severities set or switched off.
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import type { Catalogue } from "../../src/core/model/catalogue";
import { DEFAULT_CATALOGUE } from "../../src/core/model/catalogueData";
import type { Finding } from "../../src/core/model/findings";
import {
  applyRuleConfig,
  DEFAULT_OPTIONS,
  DEFAULT_RULE_CONFIG,
  isDisabled,
  mergeRuleConfig,
  optionsFor,
  ruleConfigProblems,
  ruleConfigSchema,
  ruleContext,
  defineRule,
  option,
  RULES,
  ruleSeverity,
  runRules,
  validateRuleConfig,
  type RuleConfig,
  type RuleConfigFile,
} from "../../src/core/rules";
import { GROWTH_OUTLIER, growthOutlier } from "../../src/core/rules/figures";
import { indicator, readingOf, table } from "../helpers/indicators";

const SCHEMA_FILE = path.join(__dirname, "..", "..", "docs", "rule-config.schema.json");

describe("validateRuleConfig", () => {
  it.each<[string, unknown, string, RegExp, RegExp]>([
    ["not an object", [], "", /đối tượng JSON/, /JSON object/],
    ["an unknown top-level key", { rules: {} }, "rules", /khóa không có/, /unknown key/],
    ["$schema not a string", { $schema: 5 }, "$schema", /chuỗi/, /string/],
    ["defaults not an object", { defaults: [1] }, "defaults", /đối tượng/, /object/],
    [
      "an unknown option in defaults",
      { defaults: { rateRnage: [0, 100] } },
      "defaults.rateRnage",
      /không có tùy chọn \(ngưỡng\) "rateRnage" \(có phải "rateRange"\?\)/,
      /unknown option "rateRnage" \(did you mean "rateRange"\?\)/,
    ],
    ["a number as text", { defaults: { planPercentMax: "250" } }, "defaults.planPercentMax", /phải là một số/, /must be a number/],
    ["a number below its minimum", { defaults: { paceLow: -0.5 } }, "defaults.paceLow", /từ 0 trở lên/, /at least 0/],
    ["a band of one number", { defaults: { rateRange: [0] } }, "defaults.rateRange", /khoảng \[thấp, cao\]/, /band \[low, high\]/],
    ["a band that cannot be null", { defaults: { unitScaleLog: null } }, "defaults.unitScaleLog", /hai số/, /two numbers/],
    ["a band of text", { defaults: { growthBand: ["-40", "80"] } }, "defaults.growthBand", /hoặc null/, /or null/],
    [
      "a reversed band",
      { byIndicator: { "state-budget-revenue": { growthBand: [80, -40] } } },
      'byIndicator["state-budget-revenue"].growthBand',
      /\[80, -40\] bị ngược/,
      /\[80, -40\] is reversed/,
    ],
    ["an unknown option by indicator", { byIndicator: { "Thu nội địa": { foo: 1 } } }, 'byIndicator["Thu nội địa"].foo', /foo/, /foo/],
    ["byIndicator not an object", { byIndicator: [] }, "byIndicator", /đối tượng/, /object/],
    ["an indicator's options not an object", { byIndicator: { grdp: 5 } }, "byIndicator.grdp", /đối tượng/, /object/],
    ["disabled not an array", { disabled: "plan-outlier" }, "disabled", /mảng/, /array/],
    [
      "an unknown rule in disabled",
      { disabled: ["base-year", "plan-outlir"] },
      "disabled[1]",
      /không có quy tắc "plan-outlir" \(có phải "plan-outlier"\?\)/,
      /unknown rule "plan-outlir"/,
    ],
    ["severity not an object", { severity: "error" }, "severity", /đối tượng/, /object/],
    ["an unknown rule in severity", { severity: { nope: "off" } }, "severity.nope", /không có quy tắc "nope"/, /unknown rule "nope"/],
    [
      "a bad severity",
      { severity: { "plan-outlier": "fatal" } },
      'severity["plan-outlier"]',
      /mức "fatal" không hợp lệ/,
      /invalid severity "fatal" \(use error, warning, info, off\)/,
    ],
  ])("names the key of %s", (_what, config, key, vi, en) => {
    const problems = validateRuleConfig(config);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(key);
    expect(problems[0].vi).toMatch(vi);
    expect(problems[0].en).toMatch(en);
    // One line each, Vietnamese first: "key: vi / en".
    expect(ruleConfigProblems(config)).toEqual([`${key ? `${key}: ` : ""}${problems[0].vi} / ${problems[0].en}`]);
  });

  it("reports every mistake of a file, not only the first", () => {
    const problems = validateRuleConfig({ defaults: { rateRange: [100, 0], planPercentMax: true }, disabled: ["x"], severity: { y: "z" } });
    expect(problems.map((p) => p.path)).toEqual(["defaults.rateRange", "defaults.planPercentMax", "disabled[0]", "severity.y"]);
  });

  it.each<[string, unknown]>([
    ["nothing", {}],
    [
      "the documented example",
      {
        defaults: { planPercentMax: 250 },
        byIndicator: { "state-budget-revenue": { growthBand: [-40, 80] } },
        disabled: ["plan-outlier"],
      },
    ],
    [
      "every part",
      {
        $schema: "./docs/rule-config.schema.json",
        defaults: {
          rateRange: [0, 120],
          unitScaleLog: [2.6, 3.4],
          shareErrorPoints: 0.5,
          componentErrorShare: 0.02,
          paceLow: 0.3,
          paceHigh: 2,
        },
        byIndicator: { "Thu từ hoạt động xuất nhập khẩu": { growthBand: null }, grdp: { growthBand: [-5, 15] } },
        disabled: [],
        severity: { "growth-outlier": "error", "missing-value": "off", "not-a-number": "info", "base-year": "warning" },
      },
    ],
    ["a band of one value", { defaults: { rateRange: [50, 50] } }],
  ])("accepts %s", (_what, config) => {
    expect(validateRuleConfig(config)).toEqual([]);
  });
});

describe("every kind of option schema", () => {
  // A registry with one rule of each kind of option, as text rules may bring.
  const rule = defineRule({
    id: "demo-rule",
    severity: "warning",
    scope: "text",
    name: "Quy tắc thử",
    nameEn: "A demo rule",
    description: "Một quy tắc để thử các loại tùy chọn.",
    descriptionEn: "A rule to try every kind of option.",
    options: {
      maxDecimals: option.integer(2, "Số chữ số thập phân tối đa.", "At most this many decimals.", { minimum: 0, maximum: 6 }),
      strictUnits: option.boolean(false, "Đòi đơn vị sau mọi con số.", "Require a unit after every figure."),
      style: option.oneOf(["vi", "en"], "vi", "Kiểu số.", "Number style."),
      ratio: option.number(0.5, "Tỷ lệ.", "A ratio.", { minimum: 0, maximum: 1 }),
    },
    messages: { m: { vi: "{x}", en: "{x}" } },
  });
  const registry = [rule];
  const validate = new Ajv2020({ allErrors: true }).compile(ruleConfigSchema(registry));

  it.each<[unknown, string | null]>([
    [{ defaults: { maxDecimals: 3, strictUnits: true, style: "en", ratio: 1 } }, null],
    [{ defaults: { maxDecimals: 2.5 } }, "defaults.maxDecimals"],
    [{ defaults: { maxDecimals: 7 } }, "defaults.maxDecimals"],
    [{ defaults: { strictUnits: "yes" } }, "defaults.strictUnits"],
    [{ defaults: { style: "fr" } }, "defaults.style"],
    [{ defaults: { ratio: 1.5 } }, "defaults.ratio"],
    [{ severity: { "demo-rule": "off" } }, null],
  ])("%j → %s, as the JSON Schema says", (config, key) => {
    const problems = validateRuleConfig(config, registry);
    expect(problems.map((p) => p.path)).toEqual(key ? [key] : []);
    expect(validate(config)).toBe(key === null);
  });
});

describe("the JSON Schema of the configuration", () => {
  const schema = ruleConfigSchema();

  it("is the committed docs/rule-config.schema.json (regenerate with `chitieu rules --schema`)", () => {
    expect(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"))).toEqual(schema);
  });

  it("is JSON Schema draft 2020-12 naming every rule and option", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const defs = schema.$defs as any;
    expect(defs.ruleId.enum).toEqual(RULES.map((r) => r.id));
    expect(Object.keys(defs.options.properties).sort()).toEqual(Object.keys(DEFAULT_OPTIONS).sort());
    for (const [name, value] of Object.entries(DEFAULT_OPTIONS)) expect(defs.options.properties[name].default).toEqual(value);
  });

  // Configurations a user may write, right and wrong. The one thing JSON Schema cannot say is that
  // a band's low is not above its high: those are refused by chitieu and let through by the schema.
  const GOOD: unknown[] = [
    {},
    { $schema: "./docs/rule-config.schema.json" },
    { defaults: { planPercentMax: 250 }, byIndicator: { "state-budget-revenue": { growthBand: [-40, 80] } }, disabled: ["plan-outlier"] },
    { defaults: { growthBand: null, rateRange: [0, 100.5] }, severity: { "rate-range": "warning", "unit-scale": "off" } },
    { byIndicator: { "Tỷ lệ che phủ rừng": { rateRange: [0, 70] }, x: {} } },
    { disabled: [], severity: {} },
  ];
  const BAD: unknown[] = [
    [],
    "config",
    null,
    { rules: {} },
    { defaults: { rateRnage: [0, 100] } },
    { defaults: { planPercentMax: "250" } },
    { defaults: { planPercentMax: -5 } },
    { defaults: { rateRange: [0, 100, 200] } },
    { defaults: { rateRange: null } },
    { defaults: { growthBand: [0] } },
    { byIndicator: { x: { nope: 1 } } },
    { byIndicator: { x: [] } },
    { byIndicator: [] },
    { disabled: ["plan-outlir"] },
    { disabled: "plan-outlier" },
    { disabled: [5] },
    { severity: { "plan-outlier": "fatal" } },
    { severity: { "plan-outlir": "off" } },
    { severity: { "plan-outlier": 2 } },
    { $schema: 5 },
  ];
  const REVERSED: unknown[] = [{ defaults: { rateRange: [100, 0] } }, { byIndicator: { x: { growthBand: [80, -40] } } }];

  it("agrees with the validator on right and wrong configurations", () => {
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    for (const config of [...GOOD, ...BAD]) {
      const ours = validateRuleConfig(config).length === 0;
      expect({ config, schema: validate(config), ours }).toEqual({ config, schema: ours, ours });
    }
    for (const config of GOOD) expect(validate(config)).toBe(true);
    for (const config of BAD) expect(validate(config)).toBe(false);
    // Beyond JSON Schema: a reversed band.
    for (const config of REVERSED)
      expect({ schema: validate(config), ours: validateRuleConfig(config).length === 0 }).toEqual({ schema: true, ours: false });
  });
});

describe("merging, switching off and setting severities", () => {
  const user: RuleConfigFile = {
    defaults: { planPercentMax: 250 },
    byIndicator: { "Thu Nội Địa": { growthBand: [-50, 50] } },
    disabled: ["plan-outlier"],
    severity: { "rate-range": "warning", "missing-value": "off" },
  };
  const config = mergeRuleConfig(DEFAULT_RULE_CONFIG, user);

  it("lays the file over the defaults: options replaced, names folded, lists joined", () => {
    expect(config.defaults).toEqual({ ...DEFAULT_OPTIONS, planPercentMax: 250 });
    expect(config.byIndicator).toEqual({ "thu noi dia": { growthBand: [-50, 50] } });
    expect(mergeRuleConfig(config, { disabled: ["base-year"], severity: { "rate-range": "error" } })).toMatchObject({
      disabled: ["plan-outlier", "base-year"],
      severity: { "rate-range": "error", "missing-value": "off" },
    });
    expect(DEFAULT_RULE_CONFIG.severity).toBeUndefined();
  });

  it("switches a rule off by disabled or by severity off, and gives the configured severity or the finding's own", () => {
    expect(isDisabled(config, "plan-outlier")).toBe(true);
    expect(isDisabled(config, "missing-value")).toBe(true);
    expect(isDisabled(config, "rate-range")).toBe(false);
    expect(ruleSeverity(config, "rate-range", "error")).toBe("warning");
    expect(ruleSeverity(config, "component-total", "warning")).toBe("warning");
    expect(ruleSeverity(config, "missing-value", "info")).toBe("info");
  });

  it("applies to any finding with a rule and a severity (a text finding too), and twice is once", () => {
    const findings = [
      { rule: "rate-range", severity: "error" as const, line: 1 },
      { rule: "missing-value", severity: "warning" as const, line: 2 },
      { rule: "index-as-growth", severity: "error" as const, line: 3 },
    ];
    const once = applyRuleConfig(config, findings);
    expect(once).toEqual([
      { rule: "rate-range", severity: "warning", line: 1 },
      { rule: "index-as-growth", severity: "error", line: 3 },
    ]);
    expect(applyRuleConfig(config, once)).toEqual(once);
    expect(findings[0].severity).toBe("error");
  });
});

describe("options per indicator", () => {
  const revenue = indicator({
    name: "Thu nội địa",
    row: 5,
    unit: "Tỷ đồng",
    measure: "flow",
    catalogueId: "test-revenue",
    actual: 180,
    previous: 100,
    growthPercent: 80,
    index: 180,
    cells: { actual: "F5", previous: "E5" },
  });
  const sheet = table([revenue]);
  const grow = (config: RuleConfigFile, catalogue: Catalogue = DEFAULT_CATALOGUE): Finding[] =>
    growthOutlier.check(ruleContext(readingOf([sheet]), mergeRuleConfig(DEFAULT_RULE_CONFIG, config), catalogue));

  it("take the defaults, then the override by catalogue id, then by name", () => {
    const config = mergeRuleConfig(DEFAULT_RULE_CONFIG, {
      defaults: { planPercentMax: 300 },
      byIndicator: { "TEST-REVENUE": { planPercentMax: 150, paceLow: 0.2 }, "thu noi dia": { planPercentMax: 120 } },
    });
    expect(optionsFor(config, revenue)).toMatchObject({ planPercentMax: 120, paceLow: 0.2, paceHigh: 1.5 });
    expect(optionsFor(config, { name: "Khác", catalogueId: null })).toBe(config.defaults);
    const ctx = ruleContext(readingOf([sheet]), config, DEFAULT_CATALOGUE);
    expect(ctx.option(revenue, GROWTH_OUTLIER, "growthBand")).toBeNull();
  });

  it("growth-outlier: the configured band, else the catalogue's, else the measure's (±30% for a flow)", () => {
    expect(grow({}).map((f) => f.expected)).toEqual([30]);
    const catalogue: Catalogue = {
      ...DEFAULT_CATALOGUE,
      entries: [
        ...DEFAULT_CATALOGUE.entries.filter((e) => e.id !== "test-revenue"),
        { id: "test-revenue", name: "Thu nội địa", kind: "absolute", measure: "flow", direction: "higher", growthBand: [-10, 90] },
      ],
    };
    expect(grow({}, catalogue)).toEqual([]);
    expect(grow({ byIndicator: { "Thu nội địa": { growthBand: [-10, 50] } } }, catalogue).map((f) => f.expected)).toEqual([50]);
    expect(grow({ defaults: { growthBand: [-100, 100] } })).toEqual([]);
  });

  it("keep working with a configuration built by hand that leaves options out", () => {
    const partial: RuleConfig = { defaults: { planPercentMax: 100 }, byIndicator: {}, disabled: [] };
    expect(growthOutlier.check(ruleContext(readingOf([sheet]), partial, DEFAULT_CATALOGUE))).toHaveLength(1);
  });
});

describe("severities through runRules", () => {
  // A rate of 650% (rate-range, an error) and components 1% off their total (component-total, a warning).
  const forest = indicator({
    name: "Tỷ lệ che phủ rừng",
    row: 4,
    unit: "%",
    kind: "rate",
    measure: "level",
    actual: 650,
    cells: { actual: "F4" },
  });
  const total = indicator({ name: "Tổng thu", row: 5, unit: "Tỷ đồng", actual: 1000, cells: { actual: "F5" } });
  const a = indicator({
    name: "Thu A",
    row: 6,
    unit: "Tỷ đồng",
    actual: 600,
    parentRow: 5,
    breakdown: "exhaustive",
    cells: { actual: "F6" },
  });
  const b = indicator({
    name: "Thu B",
    row: 7,
    unit: "Tỷ đồng",
    actual: 395,
    parentRow: 5,
    breakdown: "exhaustive",
    cells: { actual: "F7" },
  });
  const sheet = table([forest, total, a, b]);
  const run = (config: RuleConfigFile) =>
    runRules(ruleContext(readingOf([sheet]), mergeRuleConfig(DEFAULT_RULE_CONFIG, config), DEFAULT_CATALOGUE))
      .filter((f) => f.rule === "rate-range" || f.rule === "component-total")
      .map((f) => [f.rule, f.severity]);

  it("keeps each finding's own severity by default (the check's choice for the case)", () => {
    expect(run({})).toEqual([
      ["rate-range", "error"],
      ["component-total", "warning"],
    ]);
  });

  it("replaces the severity of every finding of a rule, raising or lowering it", () => {
    expect(run({ severity: { "rate-range": "info", "component-total": "error" } })).toEqual([
      ["rate-range", "info"],
      ["component-total", "error"],
    ]);
  });

  it("switches a rule off with off, as disabled does", () => {
    expect(run({ severity: { "rate-range": "off" } })).toEqual([["component-total", "warning"]]);
    expect(run({ disabled: ["component-total"] })).toEqual([["rate-range", "error"]]);
  });
});
