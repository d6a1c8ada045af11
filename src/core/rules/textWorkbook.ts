// The text against its workbook: each claim beside the indicator it names, its percentage, index,
// growth, points, multiple or figure against the one the workbook gives (within the rounding of the
// decimals written, and a hedge's margin: "khoảng", "trên", "gần").

import type { TextFinding } from "../model/findings";
import type { Indicator } from "../model/indicator";
import { fold } from "../model/text";
import { parseUnit } from "../model/units";
import type { Claim } from "../reading/claims";
import { roundingTolerance } from "./context";
import { STATED_PERCENT } from "./figures";
import { defineRule } from "./record";
import { reportText, textRule, type TextContext } from "./textContext";
import { INDEX_AS_GROWTH } from "./textRules";

export const CLAIM_VALUE = defineRule({
  id: "claim-value",
  severity: "error",
  scope: "text",
  name: "Số liệu trong lời văn khác bảng tính",
  nameEn: "A figure of the text the workbook does not hold",
  description:
    "Khi kiểm tra lời văn cùng bảng tính: một số liệu ghi trong câu (“đạt 1.235,6 tỷ đồng”) phải bằng số thực hiện của chỉ tiêu trong bảng tính, cùng đơn vị, trong mức làm tròn của số chữ số thập phân được ghi; “khoảng”, “trên”, “gần” cho thêm một khoảng nhỏ.",
  descriptionEn:
    "When a text is checked with its workbook: a figure of a sentence (“đạt 1.235,6 tỷ đồng”) must equal the indicator's actual in the workbook, in the same unit, within the rounding of the decimals written; “khoảng” (about), “trên” (over) and “gần” (nearly) allow a small margin.",
  options: {},
  messages: {
    textValue: {
      vi: '{name}: văn bản ghi "{excerpt}" nhưng bảng tính (trang "{sheet}", ô {cell}) ghi {value:n3} (cùng đơn vị).',
      en: '{name}: the text says "{excerpt}" but the workbook (sheet "{sheet}", {cell}) holds {value:n3} (in the same unit).',
    },
  },
});

/** The indicator of the workbook a claim is about: by catalogue entry, else by its name in the subject. */
function indicatorFor(ctx: TextContext, claim: Claim, indicators: readonly Indicator[]): Indicator | null {
  const entry = ctx.matcher.match(claim.subject);
  const candidates = entry ? indicators.filter((i) => i.catalogueId === entry.id) : [];
  if (candidates.length > 0) return candidates.find((i) => i.parentRow === null) ?? candidates[0];
  const subject = fold(claim.subject);
  let best: Indicator | null = null;
  let bestLength = 0;
  for (const ind of indicators) {
    const name = fold(ind.name);
    if (name.length >= 8 && name.length > bestLength && subject.includes(name)) {
      best = ind;
      bestLength = name.length;
    }
  }
  return best;
}

const againstSamePeriod = (claim: Claim) => !claim.basis || /cung ky|nam truoc|\d{4}/.test(fold(claim.basis));
const againstPlan = (claim: Claim) => claim.basis !== undefined && /ke hoach|kh\b|du toan/.test(fold(claim.basis));

/** The figure a claim states, as the workbook gives it: which message, the computed value and the cell. */
function workbookFigure(claim: Claim, ind: Indicator, tol: number) {
  const cell = ind.cells.actual ?? ind.cells.name;
  switch (claim.kind) {
    case "planPercent":
      return ind.kind === "absolute" ? { key: "textPlan" as const, computed: ind.planPercent, cell } : null;
    case "exceedPercent":
      return ind.kind === "absolute" && ind.planPercent !== null
        ? { key: "textExceed" as const, computed: ind.planPercent - 100, cell }
        : null;
    case "index":
      return { key: "textIndex" as const, computed: ind.index, cell };
    case "growth":
      if (ind.kind === "absolute" && againstSamePeriod(claim)) return { key: "textGrowth" as const, computed: ind.growthPercent, cell };
      if (ind.kind === "rate" && ind.changePoints !== null && ind.measure !== "growth") {
        // A rate's change in "%" may be its points or its relative change: either is what the workbook gives.
        const relative = ind.previous ? ((ind.actual ?? 0) / ind.previous - 1) * 100 : null;
        if (relative !== null && Math.abs(relative - claim.value) <= tol) return null;
        return { key: "textPoints" as const, computed: ind.changePoints, cell };
      }
      return null;
    case "points":
      return againstSamePeriod(claim) ? { key: "textPoints" as const, computed: ind.changePoints, cell } : null;
    case "multiple": {
      const percent = againstPlan(claim) ? ind.planPercent : ind.index;
      return { key: "textMultiple" as const, computed: percent === null ? null : percent / 100, cell };
    }
    default:
      return null;
  }
}

/** A figure in the text against the indicator's actual, in the text's unit and decimals. */
function actualInTextUnit(claim: Claim, ind: Indicator): number | null {
  if (ind.actual === null) return null;
  const unit = parseUnit(ind.unit);
  if (claim.unit === "%") return unit.percent ? ind.actual : null;
  if (fold(claim.unit ?? "").split(" ")[0] !== unit.base.split(" ")[0] || claim.scale === undefined) return null;
  return (ind.actual * unit.scale) / claim.scale;
}

/** Whether a figure written with a hedge ("trên", "gần", "khoảng") covers the actual. */
function covers(claim: Claim, actual: number): boolean {
  const v = claim.value;
  const half = 0.5 * 10 ** -claim.decimals + 1e-9 * Math.abs(v);
  switch (claim.hedge) {
    case "tren":
    case "hon":
      return actual >= v - half && actual <= v * 1.2 + half;
    case "gan":
      return actual <= v + half && actual >= v * 0.8;
    case "khoang":
    case "xap xi":
      return Math.abs(actual - v) <= Math.max(half, Math.abs(v) * 0.05);
    default:
      return Math.abs(actual - v) <= half;
  }
}

/** Claims against the workbook's percentages, indices, points and multiples; an index written as growth when the workbook shows it. */
export const statedPercentText = textRule(STATED_PERCENT, (ctx) => {
  const out: TextFinding[] = [];
  if (!ctx.analysis) return out;
  for (const claim of ctx.claims) {
    if (claim.kind === "period" || claim.kind === "value") continue;
    const ind = indicatorFor(ctx, claim, ctx.analysis.indicators);
    if (!ind) continue;
    const tol = roundingTolerance(claim.decimals) + (claim.hedge && claim.kind !== "multiple" ? 1 : 0);
    // An index written as growth matches the workbook's index, not its growth: index-as-growth says so.
    if (
      claim.kind === "growth" &&
      ind.kind === "absolute" &&
      ind.index !== null &&
      ind.growthPercent !== null &&
      Math.abs(ind.index - claim.value) <= tol &&
      Math.abs(ind.growthPercent - claim.value) > tol
    ) {
      if (ctx.enabled(INDEX_AS_GROWTH))
        out.push(
          reportText(
            ctx,
            INDEX_AS_GROWTH,
            "provenByWorkbook",
            {
              name: ind.name,
              excerpt: claim.excerpt,
              index: ind.index,
              growth: ind.growthPercent,
              sheet: ind.sheet,
              cell: ind.cells.actual ?? ind.cells.name,
            },
            {
              claim,
              severity: "error",
              expected: ind.growthPercent,
              actual: claim.value,
              workbookCell: { sheet: ind.sheet, cell: ind.cells.actual ?? ind.cells.name },
            },
          ),
        );
      continue;
    }
    const figure = workbookFigure(claim, ind, tol);
    if (!figure || figure.computed === null || Math.abs(figure.computed - claim.value) <= tol) continue;
    out.push(
      reportText(
        ctx,
        STATED_PERCENT,
        figure.key,
        { name: ind.name, excerpt: claim.excerpt, sheet: ind.sheet, cell: figure.cell, computed: figure.computed },
        { claim, expected: figure.computed, actual: claim.value, workbookCell: { sheet: ind.sheet, cell: figure.cell } },
      ),
    );
  }
  return out;
});

/** Figures of the text against the workbook's actuals. */
export const claimValueText = textRule(CLAIM_VALUE, (ctx) => {
  const out: TextFinding[] = [];
  if (!ctx.analysis) return out;
  for (const claim of ctx.claims) {
    if (claim.kind !== "value") continue;
    const ind = indicatorFor(ctx, claim, ctx.analysis.indicators);
    const actual = ind ? actualInTextUnit(claim, ind) : null;
    if (!ind || actual === null || covers(claim, actual)) continue;
    out.push(
      reportText(
        ctx,
        CLAIM_VALUE,
        "textValue",
        { name: ind.name, excerpt: claim.excerpt, sheet: ind.sheet, cell: ind.cells.actual ?? ind.cells.name, value: actual },
        { claim, expected: actual, actual: claim.value, workbookCell: { sheet: ind.sheet, cell: ind.cells.actual ?? ind.cells.name } },
      ),
    );
  }
  return out;
});
