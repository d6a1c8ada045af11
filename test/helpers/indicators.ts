// Builds indicators, indicator sheets and rule contexts by hand for rule tests: every field of an
// Indicator filled (figures and computations empty unless given), a series of years laid out in
// columns, and the sheet snapshot filled from the figures so that rules reading cells (decimals,
// number formats, stated columns) see what an official would.
import { DEFAULT_CATALOGUE } from "../../src/core/model/catalogueData";
import type { ColumnInfo, Indicator, IndicatorSheet, SeriesPoint, WorkbookReading } from "../../src/core/model/indicator";
import { pointTarget } from "../../src/core/model/plan";
import { address, columnLetters, parseAddress, type CellValue } from "../../src/core/model/snapshot";
import { DEFAULT_RULE_CONFIG, mergeRuleConfig, ruleContext, type RuleConfig, type RuleContext } from "../../src/core/rules";

/** A series over `years` in the columns from `firstCol` (0-based; 2 = C) of a 1-based `row`; null is a missing figure. */
export function series(
  row: number,
  years: number[],
  values: Array<number | null>,
  options: { firstCol?: number; headers?: Record<number, string>; placeholders?: number[] } = {},
): SeriesPoint[] {
  const first = options.firstCol ?? 2;
  return years.map((year, i) => ({
    year,
    header: options.headers?.[year] ?? String(year),
    value: values[i] ?? null,
    cell: address(row - 1, first + i),
    provisional: /sơ bộ|ước/i.test(options.headers?.[year] ?? ""),
    placeholder: options.placeholders?.includes(year) ?? false,
  }));
}

export type IndicatorSpec = Partial<Omit<Indicator, "cells" | "stated">> & {
  name: string;
  row: number;
  cells?: Partial<Indicator["cells"]>;
  stated?: Partial<Indicator["stated"]>;
};

/** An indicator with every field filled: an absolute figure with no plan, actual or previous unless given. */
export function indicator(spec: IndicatorSpec): Indicator {
  const { cells, stated, ...rest } = spec;
  const plan = rest.plan ?? null;
  return {
    sheet: "Biểu",
    line: 0,
    order: "",
    unit: "",
    group: null,
    level: rest.parentRow ? 2 : 1,
    parentRow: null,
    parentLine: 0,
    breakdown: null,
    breakdownBlock: rest.parentRow ? 1 : null,
    breakdownInferred: false,
    kind: "absolute",
    measure: null,
    direction: "higher",
    catalogueId: null,
    plan,
    planText: null,
    planTarget: plan === null ? null : pointTarget(plan),
    actual: null,
    actualText: null,
    actualTarget: null,
    previous: null,
    previousTarget: null,
    notes: [],
    series: null,
    planPercent: null,
    index: null,
    growthPercent: null,
    changePoints: null,
    planGapPoints: null,
    evaluation: null,
    textNumbers: [],
    ...rest,
    stated: { planPercent: null, previousComparison: null, previousForm: null, evaluation: null, ...stated },
    cells: {
      name: `B${spec.row}`,
      unit: `C${spec.row}`,
      plan: null,
      actual: null,
      previous: null,
      statedPlanPercent: null,
      statedPrevious: null,
      evaluation: null,
      ...cells,
    },
  };
}

/** A column of a sheet from its letter, header and role; the year is the header's last year unless given. */
export function column(letter: string, header: string, role: ColumnInfo["role"], extra: Partial<ColumnInfo> = {}): ColumnInfo {
  const col = parseAddress(`${letter}1`)!.col;
  const years = header.match(/(?:19|20)\d\d/g);
  return {
    col,
    letter,
    header,
    role,
    year: years ? Number(years[0]) : null,
    period: null,
    headerCell: `${letter}2`,
    ...extra,
  };
}

/** Columns of a table of years: STT, Chỉ tiêu, then one column per year from C. */
export function yearColumns(years: number[], headers: Record<number, string> = {}): ColumnInfo[] {
  return [
    column("A", "STT", "order"),
    column("B", "Chỉ tiêu", "indicator"),
    ...years.map((y, i) => column(columnLetters(2 + i), headers[y] ?? String(y), "history", { year: y })),
  ];
}

/**
 * An indicator sheet whose snapshot holds each indicator's name and figures at their cells, then
 * the extra `cells` (stated columns, raw texts) and the number `formats` given by A1 address.
 */
export function table(
  indicators: Indicator[],
  options: { name?: string; columns?: ColumnInfo[]; cells?: Record<string, CellValue>; formats?: Record<string, string> } = {},
): IndicatorSheet {
  const name = options.name ?? "Biểu";
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const put = (a1: string | null, v: CellValue) => {
    const at = a1 ? parseAddress(a1) : null;
    if (!at) return;
    while (values.length <= at.row) values.push([]);
    values[at.row][at.col] = v;
  };
  for (const ind of indicators) {
    if (ind.line !== 0) continue;
    put(ind.cells.name, ind.name);
    put(ind.cells.plan, ind.plan);
    put(ind.cells.actual, ind.actual);
    put(ind.cells.previous, ind.previous);
    for (const p of ind.series ?? []) put(p.cell, p.placeholder ? 0 : p.value);
  }
  for (const [a1, v] of Object.entries(options.cells ?? {})) put(a1, v);
  for (const [a1, f] of Object.entries(options.formats ?? {})) {
    const at = parseAddress(a1)!;
    while (formats.length <= at.row) formats.push([]);
    formats[at.row][at.col] = f;
  }
  for (let r = 0; r < values.length; r++) values[r] = Array.from({ length: values[r]?.length ?? 0 }, (_, c) => values[r]?.[c] ?? null);
  return {
    sheet: { name, values, merges: [], numberFormats: options.formats ? formats : undefined },
    reportYear: null,
    period: null,
    titleCells: [],
    columns: options.columns ?? [],
    indicators: indicators.map((i) => ({ ...i, sheet: name })),
  };
}

/** A reading of hand-built sheets, with no year. */
export function readingOf(sheets: IndicatorSheet[]): WorkbookReading {
  return {
    reportYear: null,
    reportYearSource: null,
    sheets: [],
    tables: sheets,
    indicators: sheets.flatMap((s) => s.indicators),
    findings: [],
  };
}

/** The context the rules run in over hand-built sheets, with the default catalogue and a configuration. */
export function contextOf(sheets: IndicatorSheet[], config: Partial<RuleConfig> = {}): RuleContext {
  return ruleContext(readingOf(sheets), mergeRuleConfig(DEFAULT_RULE_CONFIG, config), DEFAULT_CATALOGUE);
}

/** Every number an indicator carries (absent ones as null): what a property test wants finite. */
export function numbersOf(ind: Indicator): Array<number | null> {
  return [
    ind.plan,
    ind.actual,
    ind.previous,
    ind.planPercent,
    ind.index,
    ind.growthPercent,
    ind.changePoints,
    ind.planGapPoints,
    ind.planTarget?.low ?? null,
    ind.planTarget?.high ?? null,
    ind.stated.planPercent,
    ind.stated.previousComparison,
    ...(ind.series ?? []).map((p) => p.value),
  ];
}
