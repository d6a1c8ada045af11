// Filling templates: the built-in ones by id, a user's template sheet, both into an edit plan.

import type { Catalogue } from "../model/catalogue";
import type { WorkbookSnapshot } from "../model/snapshot";
import { indicatorTable, narrativeReport } from "./builtin";
import type { EditPlan } from "./plan";
import type { TemplateProblem } from "./placeholders";
import { fillSource, type FillSource } from "./source";
import { fillUserTemplate, type UserTemplate } from "./userTemplate";
import type { Analysis } from "../model/indicator";

export interface BuiltInTemplate {
  id: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  plan(source: FillSource): EditPlan["sheets"][number];
}

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    id: "bieu-chi-tieu",
    name: "Biểu chỉ tiêu chủ yếu",
    nameEn: "Table of main indicators",
    description: "Bảng STT, chỉ tiêu, ĐVT, cùng kỳ, kế hoạch, thực hiện, TH/KH, TH/CK, đánh giá; số liệu là công thức tham chiếu ô nguồn",
    descriptionEn: "The standard table with live formulas referencing the source cells",
    plan: indicatorTable,
  },
  {
    id: "bao-cao",
    name: "Phần lời văn báo cáo",
    nameEn: "Narrative report section",
    description: "Mỗi chỉ tiêu một câu theo văn phong báo cáo, ghi ô nguồn, và câu tổng hợp đạt/không đạt",
    descriptionEn: "One sentence per indicator in the published style, with source cells, and the summary sentence",
    plan: narrativeReport,
  },
];

export type FillResult = { plan: EditPlan; problems: [] } | { plan: null; problems: TemplateProblem[] };

export function builtInTemplate(id: string): BuiltInTemplate | null {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id) ?? null;
}

/** Fills a built-in template (by id) or a user template sheet against an analysed workbook. */
export function fillTemplate(
  workbook: WorkbookSnapshot,
  analysis: Analysis,
  template: string | UserTemplate,
  catalogue?: Catalogue,
): FillResult {
  const source = fillSource(workbook, analysis);
  if (typeof template === "string") {
    const builtIn = builtInTemplate(template);
    if (!builtIn) throw new Error(`unknown built-in template ${template}`);
    return { plan: { sheets: [builtIn.plan(source)] }, problems: [] };
  }
  const filled = fillUserTemplate(template, source, catalogue);
  return filled.plan ? { plan: { sheets: [filled.plan] }, problems: [] } : { plan: null, problems: filled.problems };
}

export { markerText, readMarker, isGeneratedSheet, isTemplateSheet } from "../model/ownSheets";
export { placeSheet, legalSheetName } from "./plan";
export type { EditPlan, SheetPlan, PlannedCell, PlanStyle, SheetCopy, SheetWrite } from "./plan";
export { findingsSheet, comparisonColumns, type ComparisonColumns } from "./extra";
export { narrative, narrativeText, type NarrativeItem } from "./builtin";
export { fillSource, type FillSource } from "./source";
export { parseTemplateSheet, FIELDS, type TemplateProblem } from "./placeholders";
