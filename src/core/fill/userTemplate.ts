// User templates: a sheet with placeholders, filled into a copy of itself. The whole template is
// checked first and every problem listed by cell; a template with any problem gives no plan at all.
// A placeholder alone in its cell becomes a live formula for figures and comparisons (the number
// format after the second "|" applies to the cell); inside text it becomes formatted Vietnamese text.

import { CatalogueMatcher, type Catalogue } from "../model/catalogue";
import { DEFAULT_CATALOGUE } from "../model/catalogueData";
import { indicatorSentence, periodPhrase, summarySentence } from "../narrative/write";
import { formatCompact, formatNumber, roundTo } from "../model/numbers";
import { address, parseAddress, type SheetSnapshot } from "../model/snapshot";
import { formatDecimals } from "../rules/context";
import { fold } from "../model/text";
import { figureFormula, pointsFormula, ratioFormula, type FigureField } from "./formulas";
import {
  alonePlaceholder,
  parseTemplateSheet,
  type Field,
  type Placeholder,
  type TemplateCell,
  type TemplateProblem,
} from "./placeholders";
import { markerText } from "../model/ownSheets";
import { placeSheet, type PlannedCell, type SheetPlan } from "./plan";
import { shortPeriod, type FillSource } from "./source";
import type { Indicator } from "../model/indicator";

export interface UserTemplate {
  sheet: SheetSnapshot;
  /** Where the template sheet lives: the workbook being filled, or a separate template file. */
  from: "workbook" | "template";
}

export type UserFill = { plan: SheetPlan; problems: [] } | { plan: null; problems: TemplateProblem[] };

/** The template id recorded in the marker: the sheet name as a slug ("mau-bao-cao-quy"). */
export function templateSlug(sheetName: string): string {
  return `mau-${
    fold(sheetName)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "nguoi-dung"
  }`;
}

class IndicatorFinder {
  private readonly matcher: CatalogueMatcher;
  constructor(
    private readonly indicators: readonly Indicator[],
    catalogue: Catalogue,
  ) {
    this.matcher = CatalogueMatcher.of(catalogue);
  }

  /** Indicators a reference names: by exact name, by catalogue code, else by catalogue alias. */
  find(reference: string, sheet: string | null): Indicator[] {
    const pool = sheet === null ? this.indicators : this.indicators.filter((i) => i.sheet === sheet);
    const wanted = fold(reference);
    const byName = pool.filter((i) => fold(i.name) === wanted);
    if (byName.length > 0) return byName;
    const byCode = pool.filter((i) => i.catalogueId === reference.trim());
    if (byCode.length > 0) return byCode;
    const entry = this.matcher.match(reference);
    return entry ? pool.filter((i) => i.catalogueId === entry.id) : [];
  }

  group(name: string): Indicator[] {
    if (name === "*") return [...this.indicators];
    const wanted = fold(name);
    return this.indicators.filter((i) => (i.group !== null && fold(i.group) === wanted) || fold(i.sheet) === wanted);
  }
}

/** A field as text inside a sentence of the template. */
function fieldText(indicator: Indicator, field: Field, format: string | null, source: FillSource): string {
  const decimals = format ? formatDecimals(format) : null;
  const number = (value: number | null, fallback: number) =>
    value === null ? "-" : decimals === null ? formatCompact(roundTo(value, fallback), fallback) : formatNumber(value, decimals);
  switch (field) {
    case "name":
      return indicator.name;
    case "unit":
      return indicator.unit;
    case "order":
      return indicator.order;
    case "actual":
    case "plan":
    case "previous":
      return indicator[field] === null ? (field === "plan" ? (indicator.planText ?? "-") : "-") : number(indicator[field], 2);
    case "planPercent":
    case "index":
    case "growthPercent":
      return number(indicator[field], 1);
    case "changePoints":
      return number(indicator.changePoints, 2);
    case "evaluation":
      return indicator.evaluation ?? "-";
    case "sentence":
      return indicatorSentence(indicator, source.wording(indicator)) ?? "";
  }
}

/** A field alone in its cell: a formula over the source cells where one gives it, else the value. */
function fieldCell(at: string, indicator: Indicator, field: Field, format: string | null, source: FillSource): PlannedCell {
  const sheet = source.sheet(indicator.sheet);
  const style = source.style(indicator.sheet);
  const ref = (f: FigureField) => (indicator[f] === null ? null : figureFormula(indicator, f, sheet, style));
  const styled = format ? { numberFormat: format } : undefined;
  const formulaCell = (formula: string | null, value: number | string | null): PlannedCell =>
    formula === null ? { address: at, value: value ?? "-", style: styled } : { address: at, formula, value: value ?? "-", style: styled };
  const refs = { actual: ref("actual"), plan: ref("plan"), previous: ref("previous") };
  const { actual, plan, previous } = refs;
  switch (field) {
    case "actual":
    case "plan":
    case "previous":
      return formulaCell(refs[field], indicator[field] ?? (field === "plan" ? indicator.planText : null));
    case "planPercent":
      return formulaCell(
        actual && plan && indicator.planTarget?.qualifier === "point" && indicator.kind === "absolute" ? ratioFormula(actual, plan) : null,
        indicator.planPercent,
      );
    case "index":
      return formulaCell(actual && previous && indicator.kind === "absolute" ? ratioFormula(actual, previous) : null, indicator.index);
    case "growthPercent":
      return formulaCell(
        actual && previous && indicator.kind === "absolute" ? `IFERROR(${ratioFormula(actual, previous)}-100,"-")` : null,
        indicator.growthPercent,
      );
    case "changePoints":
      return formulaCell(
        actual && previous && indicator.kind !== "absolute" ? pointsFormula(actual, previous) : null,
        indicator.changePoints,
      );
    default:
      return { address: at, value: fieldText(indicator, field, format, source) };
  }
}

/** Checks a template against the workbook and plans the filled copy; no plan when anything is wrong. */
export function fillUserTemplate(template: UserTemplate, source: FillSource, catalogue: Catalogue = DEFAULT_CATALOGUE): UserFill {
  const { cells, problems } = parseTemplateSheet(template.sheet);
  const finder = new IndicatorFinder(source.indicators, catalogue);
  const loops = new Map<number, Indicator[]>();
  const resolved = new Map<Placeholder, Indicator>();
  for (const cell of cells) {
    const at = address(cell.row, cell.col);
    for (const { placeholder } of cell.placeholders) {
      if (placeholder.type === "each") {
        const members = finder.group(placeholder.group);
        if (members.length === 0)
          problems.push({
            cell: at,
            id: "unknown-group",
            message: `Ô ${at}: không có nhóm hay trang nào tên "${placeholder.group}" (dùng * cho mọi chỉ tiêu)`,
            messageEn: `Cell ${at}: no group or sheet named "${placeholder.group}"`,
          });
        else loops.set(cell.row, members);
      } else if (placeholder.type === "value" && placeholder.indicator !== "@") {
        const found = finder.find(placeholder.indicator, placeholder.sheet);
        const unique = new Set(found.map((i) => i.sheet));
        if (found.length === 0)
          problems.push({
            cell: at,
            id: "unknown-indicator",
            message: `Ô ${at}: không tìm thấy chỉ tiêu "${placeholder.indicator}"${placeholder.sheet ? ` ở trang "${placeholder.sheet}"` : ""}`,
            messageEn: `Cell ${at}: no indicator "${placeholder.indicator}"`,
          });
        else if (unique.size > 1 || found.length > 1)
          problems.push({
            cell: at,
            id: "ambiguous-indicator",
            message: `Ô ${at}: "${placeholder.indicator}" khớp ${found.length} chỉ tiêu (${found
              .slice(0, 3)
              .map((i) => `'${i.sheet}'!${i.cells.name}`)
              .join(", ")}); ghi rõ tên đầy đủ hoặc trang: {{'${found[0].sheet}'!${placeholder.indicator} | ${placeholder.field}}}`,
            messageEn: `Cell ${at}: "${placeholder.indicator}" matches ${found.length} indicators`,
          });
        else resolved.set(placeholder, found[0]);
      }
    }
  }
  if (problems.length > 0) return { plan: null, problems: problems.sort((a, b) => a.cell.localeCompare(b.cell, "en", { numeric: true })) };

  const loopRows = [...loops.keys()].sort((a, b) => a - b);
  // Where a template row lands once the repeated rows above it are expanded.
  const shift = (row: number) => loopRows.filter((r) => r < row).reduce((n, r) => n + (loops.get(r) as Indicator[]).length - 1, 0);
  const narrated = source.indicators.filter((i) => !source.error(i));
  const withheld = source.indicators.filter((i) => source.error(i));
  const globals = (name: string): string =>
    name === "year"
      ? String(source.reportYear ?? "")
      : name === "period"
        ? periodPhrase(source.period, source.reportYear)
        : (summarySentence(source.analysis, narrated, source.wording, withheld) ?? "");

  const planned: PlannedCell[] = [];
  const fill = (cell: TemplateCell, row: number, rowIndicator: Indicator | null, sequence: number): void => {
    const at = address(row, cell.col);
    const only = alonePlaceholder(cell);
    if (only?.type === "each") {
      planned.push({ address: at, value: sequence });
      return;
    }
    if (only?.type === "value") {
      planned.push(
        fieldCell(
          at,
          only.indicator === "@" ? (rowIndicator as Indicator) : (resolved.get(only) as Indicator),
          only.field,
          only.format,
          source,
        ),
      );
      return;
    }
    let text = "";
    let from = 0;
    for (const { start, end, placeholder } of cell.placeholders) {
      text += cell.text.slice(from, start);
      if (placeholder.type === "global") text += globals(placeholder.name);
      else if (placeholder.type === "value")
        text += fieldText(
          placeholder.indicator === "@" ? (rowIndicator as Indicator) : (resolved.get(placeholder) as Indicator),
          placeholder.field,
          placeholder.format,
          source,
        );
      from = end;
    }
    planned.push({ address: at, value: text + cell.text.slice(from) });
  };
  for (const cell of cells) {
    const members = loops.get(cell.row);
    const row = cell.row + shift(cell.row);
    if (!members) fill(cell, row, null, 0);
    else members.forEach((indicator, k) => fill(cell, row + k, indicator, k + 1));
  }
  // The template's last row: its values', or a formula's below them (one with no result stored yet holds no value).
  const rows = Math.max(template.sheet.values.length, ...(template.sheet.formulas ?? []).map((a) => (parseAddress(a)?.row ?? -1) + 1));
  const lastRow = rows + shift(rows);
  const { name, replaces } = placeSheet(
    source.workbook,
    templateSlug(template.sheet.name),
    `${template.sheet.name} ${shortPeriod(source.period, source.reportYear)}`,
  );
  planned.push({
    address: `A${lastRow + 2}`,
    value: markerText(templateSlug(template.sheet.name), name),
    style: { italic: true, size: 9, color: "808080" },
  });
  return {
    plan: {
      name,
      replaces,
      copy: {
        from: template.from,
        sheet: template.sheet.name,
        repeats: loopRows.map((r) => ({ row: r + 1, times: (loops.get(r) as Indicator[]).length })),
      },
      cells: planned,
      merges: [],
    },
    problems: [],
  };
}
