// Rules on one indicator's figures: stated percentages and evaluations that the figures do not
// give, rates out of range, text where a figure must be, missing figures, ×1000 slips, and
// implausible growth or plan progress.

import type { Measure } from "../model/catalogue";
import { cellList, type Finding } from "../model/findings";
import { isBlank, parseAddress } from "../model/snapshot";
import { fold, tidy } from "../model/text";
import { parseUnit } from "../model/units";
import { decimalsAt, indicatorRule, NONE, report, roundingTolerance, sheetRule, valueAt, type SheetContext } from "./context";
import { childrenOf } from "./families";
import { changeLabel, figureLabel, numberLabel, type FigureLabel } from "./labels";
import { phrase, type MessageParam } from "./message";
import { defineRule, option, type Band } from "./record";
import { tableDate } from "./years";
import type { Indicator } from "../model/indicator";
import { parseNumberText } from "../model/numbers";
import type { PlanTarget } from "../model/plan";

function columnOf(a1: string | null): number {
  return a1 ? (parseAddress(a1)?.col ?? -1) : -1;
}

/**
 * The form a "so với cùng kỳ" column is written in on a sheet, decided by what most rows are
 * closer to: the index and the growth are 100 apart, so no tolerance is needed to tell them apart.
 */
function previousForm(sheet: SheetContext): "index" | "growth" {
  let index = 0;
  let growth = 0;
  for (const ind of sheet.indicators) {
    const stated = ind.stated.previousComparison;
    if (stated === null || ind.index === null || ind.growthPercent === null || ind.kind !== "absolute") continue;
    if (Math.abs(stated - ind.index) < Math.abs(stated - ind.growthPercent)) index++;
    else growth++;
  }
  if (index === growth) return sheet.indicators.find((i) => i.stated.previousForm)?.stated.previousForm ?? "index";
  return index > growth ? "index" : "growth";
}

const EXCEED_PERCENT = /^vuot\s*([\d.,]+)\s*%/;

// ---------------------------------------------------------------------------------------------
// stated-percent
// ---------------------------------------------------------------------------------------------

export const STATED_PERCENT = defineRule({
  id: "stated-percent",
  severity: "error",
  scope: "both",
  name: "Tỷ lệ ghi trong biểu không khớp số liệu",
  nameEn: "Stated percentage the figures do not give",
  description:
    "Cột TH/KH và so với cùng kỳ phải bằng tỷ lệ tính từ số liệu, sai khác không quá mức làm tròn của số chữ số thập phân được ghi. Cột so với cùng kỳ thường ghi chỉ số (106,0) hoặc tăng trưởng (6,0): chấp nhận một trong hai, nhưng phải nhất quán trong cột. Trong lời văn kèm bảng tính: tỷ lệ, chỉ số, mức tăng, điểm phần trăm và số lần ghi trong câu phải bằng số của bảng tính.",
  descriptionEn:
    "A written plan percentage (TH/KH) or same-period comparison must equal the one the figures give, within the rounding of the decimals shown. A same-period column may hold an index (106.0) or a growth (6.0): either is accepted, but consistently within the column. In a text checked with its workbook: the percentages, indices, growths, points and multiples of the sentences must equal the workbook's.",
  options: {},
  messages: {
    statedPlan: {
      vi: "{name}: ghi {stated:n}% kế hoạch, nhưng {actual:n}/{plan:n} = {computed:n}%.",
      en: "{name}: states {stated:n}% of plan, but {actual:n}/{plan:n} = {computed:n}%.",
    },
    statedExceed: {
      vi: '{name}: ghi "{written}" (tức {claimed:n}% kế hoạch), nhưng {actual:n}/{plan:n} = {computed:n}%, tức vượt {exceed:n}%.',
      en: '{name}: states "{written}" ({claimed:n}% of plan), but {actual:n}/{plan:n} = {computed:n}%, that is {exceed:n}% above the plan.',
    },
    previousOtherForm: {
      vi: "{name}: cột so với cùng kỳ ghi theo dạng {form} nhưng ô này ghi {stated:n}, dạng còn lại; theo dạng của cột phải là {expected:n1}.",
      en: "{name}: the same-period column is written as {form} but this cell holds {stated:n}, the other form; in the column's form it is {expected:n1}.",
    },
    previousWrong: {
      vi: "{name}: ghi {stated:n} so với cùng kỳ, nhưng số liệu cho {expected:n1} ({form}).",
      en: "{name}: states {stated:n} against the same period, but the figures give {expected:n1} ({form}).",
    },
    textPlan: {
      vi: '{name}: văn bản ghi "{excerpt}" nhưng bảng tính (trang "{sheet}", ô {cell}) cho {computed:n2}% kế hoạch.',
      en: '{name}: the text says "{excerpt}" but the workbook (sheet "{sheet}", {cell}) gives {computed:n2}% of plan.',
    },
    textExceed: {
      vi: '{name}: văn bản ghi "{excerpt}" nhưng bảng tính (trang "{sheet}", ô {cell}) cho mức vượt kế hoạch {computed:n2}%.',
      en: '{name}: the text says "{excerpt}" but the workbook (sheet "{sheet}", {cell}) gives {computed:n2}% above the plan.',
    },
    textIndex: {
      vi: '{name}: văn bản ghi "{excerpt}" nhưng bảng tính (trang "{sheet}", ô {cell}) cho chỉ số so với cùng kỳ {computed:n2}%.',
      en: '{name}: the text says "{excerpt}" but the workbook (sheet "{sheet}", {cell}) gives an index of {computed:n2}% of the same period.',
    },
    textGrowth: {
      vi: '{name}: văn bản ghi "{excerpt}" nhưng bảng tính (trang "{sheet}", ô {cell}) cho tốc độ tăng so với cùng kỳ {computed:n2}%.',
      en: '{name}: the text says "{excerpt}" but the workbook (sheet "{sheet}", {cell}) gives a growth of {computed:n2}% on the same period.',
    },
    textPoints: {
      vi: '{name}: văn bản ghi "{excerpt}" nhưng bảng tính (trang "{sheet}", ô {cell}) cho mức thay đổi {computed:n2} điểm phần trăm.',
      en: '{name}: the text says "{excerpt}" but the workbook (sheet "{sheet}", {cell}) gives a change of {computed:n2} points.',
    },
    textMultiple: {
      vi: '{name}: văn bản ghi "{excerpt}" nhưng bảng tính (trang "{sheet}", ô {cell}) cho gấp {computed:n2} lần.',
      en: '{name}: the text says "{excerpt}" but the workbook (sheet "{sheet}", {cell}) gives {computed:n2} times.',
    },
    formIndex: { vi: "chỉ số (cùng kỳ = 100)", en: "an index (same period = 100)" },
    formGrowth: { vi: "tốc độ tăng (%)", en: "a growth (%)" },
  },
});

export const statedPercent = sheetRule(STATED_PERCENT, (ctx) => {
  const out: Finding[] = [];
  for (const sheet of ctx.sheets) {
    const form = previousForm(sheet);
    const formPhrase = phrase(STATED_PERCENT, form === "index" ? "formIndex" : "formGrowth", {});
    // The stated columns are the same for every row of a sheet.
    const first = sheet.indicators[0];
    const planCol = columnOf(first?.cells.statedPlanPercent ?? null);
    const previousCol = columnOf(first?.cells.statedPrevious ?? null);
    const at = (cell: string) => ({ sheet: sheet.sheet.name, cell });
    for (const ind of sheet.indicators) {
      if (ind.kind !== "absolute") continue;
      const name = ind.name;
      if (ind.stated.planPercent !== null && ind.planPercent !== null && ind.cells.statedPlanPercent) {
        const diff = ind.stated.planPercent - ind.planPercent;
        // Within a hundredth nothing can be wrong; only then is the cell's format looked up.
        if (Math.abs(diff) > 0.01 && Math.abs(diff) > roundingTolerance(decimalsAt(sheet.sheet, ind.row - 1, planCol))) {
          out.push(
            report(
              STATED_PERCENT,
              "statedPlan",
              { name, stated: ind.stated.planPercent, actual: ind.actual ?? 0, plan: ind.plan ?? 0, computed: ind.planPercent },
              { ...at(ind.cells.statedPlanPercent), expected: ind.planPercent, actual: ind.stated.planPercent, imbalance: diff },
            ),
          );
        }
      }
      // "Vượt 38,07%" in an evaluation column states TH/KH = 138,07%.
      const exceed = ind.stated.evaluation ? EXCEED_PERCENT.exec(fold(ind.stated.evaluation)) : null;
      if (exceed && ind.planPercent !== null && ind.cells.evaluation && ind.stated.planPercent === null) {
        const parsed = parseNumberText(exceed[1]);
        if (parsed) {
          const claimed = 100 + parsed.value;
          const diff = claimed - ind.planPercent;
          if (Math.abs(diff) > roundingTolerance(parsed.decimals)) {
            out.push(
              report(
                STATED_PERCENT,
                "statedExceed",
                {
                  name,
                  written: tidy(ind.stated.evaluation as string),
                  claimed,
                  actual: ind.actual ?? 0,
                  plan: ind.plan ?? 0,
                  computed: ind.planPercent,
                  exceed: ind.planPercent - 100,
                },
                { ...at(ind.cells.evaluation), expected: ind.planPercent, actual: claimed, imbalance: diff },
              ),
            );
          }
        }
      }
      const stated = ind.stated.previousComparison;
      if (stated !== null && ind.index !== null && ind.growthPercent !== null && ind.cells.statedPrevious) {
        const expected = form === "index" ? ind.index : ind.growthPercent;
        const other = form === "index" ? ind.growthPercent : ind.index;
        const tol = Math.abs(stated - expected) <= 0.01 ? 0.01 : roundingTolerance(decimalsAt(sheet.sheet, ind.row - 1, previousCol));
        if (Math.abs(stated - expected) > tol) {
          const asOther = Math.abs(stated - other) <= tol;
          out.push(
            report(
              STATED_PERCENT,
              asOther ? "previousOtherForm" : "previousWrong",
              { name, form: formPhrase, stated, expected },
              { ...at(ind.cells.statedPrevious), expected, actual: stated, imbalance: stated - expected },
            ),
          );
        }
      }
    }
  }
  return out;
});

// ---------------------------------------------------------------------------------------------
// rate-plan-percent
// ---------------------------------------------------------------------------------------------

export const RATE_PLAN_PERCENT = defineRule({
  id: "rate-plan-percent",
  severity: "warning",
  scope: "sheet",
  name: "Chỉ tiêu tỷ lệ ghi % kế hoạch",
  nameEn: "Plan percentage of a rate",
  description:
    "Chỉ tiêu tỷ lệ (%, tỷ lệ, cơ cấu, tốc độ tăng) so sánh bằng điểm phần trăm và đánh giá Đạt/Vượt/Không đạt, không tính % kế hoạch.",
  descriptionEn:
    "A rate (%, ratio, share, growth rate) is compared with its plan in percentage points and evaluated as met / exceeded / not met; a percentage of plan is not computed for it.",
  options: {},
  messages: {
    planPercent: {
      vi: "{name} là chỉ tiêu tỷ lệ: nên so sánh bằng điểm phần trăm và đánh giá Đạt/Vượt/Không đạt, không ghi {stated:n}% kế hoạch.",
      en: "{name} is a rate: compare it in percentage points and evaluate it, rather than stating {stated:n}% of plan.",
    },
    planPercentGap: {
      vi: "{name} là chỉ tiêu tỷ lệ: nên so sánh bằng điểm phần trăm ({direction} kế hoạch {points:n} điểm phần trăm) và đánh giá Đạt/Vượt/Không đạt, không ghi {stated:n}% kế hoạch.",
      en: "{name} is a rate: compare it in percentage points ({points:n} points {direction} the plan) and evaluate it, rather than stating {stated:n}% of plan.",
    },
    above: { vi: "cao hơn", en: "above" },
    below: { vi: "thấp hơn", en: "below" },
  },
});

export const ratePlanPercent = indicatorRule(RATE_PLAN_PERCENT, {
  kinds: ["rate"],
  each: (ind, sheet) => {
    if (ind.kind !== "rate" || ind.stated.planPercent === null || !ind.cells.statedPlanPercent) return NONE;
    const at = { sheet: sheet.sheet.name, cell: ind.cells.statedPlanPercent, expected: ind.planGapPoints, actual: ind.stated.planPercent };
    const gap = ind.planGapPoints;
    return [
      gap === null
        ? report(RATE_PLAN_PERCENT, "planPercent", { name: ind.name, stated: ind.stated.planPercent }, at)
        : report(
            RATE_PLAN_PERCENT,
            "planPercentGap",
            {
              name: ind.name,
              direction: phrase(RATE_PLAN_PERCENT, gap >= 0 ? "above" : "below", {}),
              points: Math.abs(gap),
              stated: ind.stated.planPercent,
            },
            at,
          ),
    ];
  },
});

// ---------------------------------------------------------------------------------------------
// stated-evaluation
// ---------------------------------------------------------------------------------------------

const EVALUATION_WORDS: Array<[RegExp, string]> = [
  [/^(khong dat|chua dat|khong hoan thanh|chua hoan thanh)/, "Không đạt"],
  [/^(vuot)/, "Vượt"],
  [/^(dat|hoan thanh)/, "Đạt"],
];

/**
 * How sure a mismatch between a stated and a computed evaluation is. Đạt where the figures say Vượt
 * understates (warning). Vượt against Không đạt flips with the indicator's direction: an error only
 * when the catalogue knows the direction. A figure equal to a strict bound ("< 7,6" met by 7,6) is
 * how many tables write "at most" (warning).
 */
function evaluationSeverity(ind: Indicator, stated: string, computed: string): "error" | "warning" {
  if (stated === "Đạt" && computed === "Vượt") return "warning";
  const opposite = (stated === "Vượt" && computed === "Không đạt") || (stated === "Không đạt" && computed === "Vượt");
  if (opposite && ind.catalogueId === null) return "warning";
  const t = ind.planTarget;
  const atStrictBound =
    t !== null && t.strict && ind.actual !== null && (ind.actual === t.low || ind.actual === t.high) && stated === "Đạt";
  return atStrictBound ? "warning" : "error";
}

export const STATED_EVALUATION = defineRule({
  id: "stated-evaluation",
  severity: "error",
  severities: ["error", "warning"],
  scope: "sheet",
  name: "Đánh giá không khớp số liệu",
  nameEn: "Stated evaluation the figures do not give",
  description:
    "Cột Đánh giá phải khớp với kết quả so sánh số thực hiện và kế hoạch, theo chiều tốt của chỉ tiêu (chỉ tiêu nghịch: thấp hơn là tốt). Ghi “Đạt” khi số liệu cho “Vượt”, hay ghi ngược chiều với một chỉ tiêu ngoài danh mục, hay số thực hiện đúng bằng mức “dưới”/“trên” của kế hoạch, chỉ là cảnh báo.",
  descriptionEn:
    "The Evaluation column must match what the actual figure gives against the plan, in the indicator's good direction (for an indicator where lower is better, below plan is good). Writing “Đạt” (met) where the figures give “Vượt” (exceeded), the opposite direction for an indicator outside the catalogue, or an actual figure exactly at a “below”/“above” bound of the plan is only a warning.",
  options: {},
  messages: {
    evaluation: {
      vi: '{name}: ghi "{written}", nhưng thực hiện {actual:n} so với kế hoạch {plan} là "{computed}".',
      en: '{name}: states "{written}", but the actual {actual:n} against the plan {plan} gives "{computed}".',
    },
    evaluationLowerIsBetter: {
      vi: '{name}: ghi "{written}", nhưng thực hiện {actual:n} so với kế hoạch {plan} là "{computed}" (chỉ tiêu càng thấp càng tốt).',
      en: '{name}: states "{written}", but the actual {actual:n} against the plan {plan} gives "{computed}" (lower is better).',
    },
  },
});

export const statedEvaluation = indicatorRule(STATED_EVALUATION, {
  each: (ind, sheet) => {
    if (!ind.stated.evaluation || !ind.evaluation || !ind.cells.evaluation) return NONE;
    const f = fold(ind.stated.evaluation);
    const stated = EVALUATION_WORDS.find(([re]) => re.test(f))?.[1];
    if (!stated || stated === ind.evaluation) return NONE;
    const plan: MessageParam = ind.planText !== null ? tidy(ind.planText) : numberLabel(ind.plan ?? 0);
    return [
      report(
        STATED_EVALUATION,
        ind.direction === "lower" ? "evaluationLowerIsBetter" : "evaluation",
        { name: ind.name, written: tidy(ind.stated.evaluation), actual: ind.actual ?? 0, plan, computed: ind.evaluation },
        { sheet: sheet.sheet.name, cell: ind.cells.evaluation, severity: evaluationSeverity(ind, stated, ind.evaluation) },
      ),
    ];
  },
});

// ---------------------------------------------------------------------------------------------
// rate-range
// ---------------------------------------------------------------------------------------------

export const RATE_RANGE = defineRule({
  id: "rate-range",
  severity: "error",
  scope: "sheet",
  name: "Tỷ lệ ngoài khoảng 0–100%",
  nameEn: "Rate outside 0–100%",
  description: "Chỉ tiêu tỷ lệ, cơ cấu (đơn vị %) phải nằm trong khoảng 0–100% (ngưỡng đổi được theo chỉ tiêu).",
  descriptionEn: "A rate or a share (unit %) must lie between 0 and 100% (the bounds can be changed per indicator).",
  options: {
    rateRange: option.band(
      [0, 100],
      "Khoảng hợp lệ của một tỷ lệ, cơ cấu (%), [thấp, cao].",
      "The bounds of a rate or a share in percent, [low, high].",
    ),
  },
  messages: {
    outside: {
      vi: "{name} {value:n}% ({what}) nằm ngoài khoảng {low:n}–{high:n}%.",
      en: "{name} {value:n}% ({what}) is outside {low:n}–{high:n}%.",
    },
  },
});

export const rateRange = indicatorRule(RATE_RANGE, {
  kinds: ["rate"],
  each: (ind, sheet, ctx) => {
    if (ind.kind !== "rate" || (ind.measure !== "level" && ind.measure !== "share")) return NONE;
    const [low, high] = ctx.option(ind, RATE_RANGE, "rateRange");
    const plan = ind.planTarget?.qualifier === "point" ? ind.plan : null;
    const outside = (v: number | null) => v !== null && (v < low || v > high);
    if (!outside(ind.actual) && !outside(ind.previous) && !outside(plan)) return NONE;
    const unit = parseUnit(ind.unit);
    if (unit.perMille || unit.points || /\bso voi\b/.test(fold(ind.name))) return NONE;
    const figures: Array<[number | null, string | null, FigureLabel]> = [
      [ind.actual, ind.cells.actual, "actual"],
      [ind.previous, ind.cells.previous, "previous"],
      [plan, ind.cells.plan, "plan"],
    ];
    return figures
      .filter(([v, cell]) => cell !== null && outside(v))
      .map(([v, cell, what]) =>
        report(
          RATE_RANGE,
          "outside",
          { name: ind.name, value: v as number, what: figureLabel(what), low, high },
          { sheet: sheet.sheet.name, cell: cell as string, expected: Math.min(Math.max(v as number, low), high), actual: v },
        ),
      );
  },
});

// ---------------------------------------------------------------------------------------------
// not-a-number
// ---------------------------------------------------------------------------------------------

export const NOT_A_NUMBER = defineRule({
  id: "not-a-number",
  severity: "error",
  severities: ["error", "warning", "info"],
  scope: "sheet",
  name: "Chữ ở ô phải là số",
  nameEn: "Text where a figure must be",
  description:
    "Ô số liệu chứa lỗi Excel (#DIV/0!, #N/A), chữ có kèm số (“khoảng 10.000”) hay chữ (“n/a”) thì không tính được; số nhập dạng chữ đọc được chỉ được ghi chú.",
  descriptionEn:
    "A figure cell holding an Excel error (#DIV/0!, #N/A), text with a number (“khoảng 10.000”) or text (“n/a”) cannot be used; a number typed as text that can be read is only noted.",
  options: {},
  messages: {
    worded: {
      vi: '{name}: ô {what} {cell} ghi "{text}" — đã đọc là {read}, nhưng Excel không tính được trên ô chữ; hãy ghi một số (đơn vị để ở cột ĐVT, ghi chú để ở cột Ghi chú).',
      en: '{name}: the {what} cell {cell} holds "{text}", read as {read}; Excel cannot compute on text: write a plain figure.',
    },
    excelError: {
      vi: "{name}: ô {what} {cell} là lỗi {error}, không phải số liệu.",
      en: "{name}: the {what} cell {cell} holds the error {error}.",
    },
    textWithDigits: {
      vi: '{name}: ô {what} {cell} ghi "{text}" — chữ kèm số không tính được, hãy ghi một số.',
      en: '{name}: the {what} cell {cell} holds "{text}", not a figure: write a number.',
    },
    text: {
      vi: '{name}: ô {what} {cell} ghi "{text}" — không phải số liệu.',
      en: '{name}: the {what} cell {cell} holds "{text}", not a figure.',
    },
    typedAsText: {
      vi: "{count} ô số được nhập dạng chữ ({cells}); đã đọc được, nhưng Excel không tính được công thức trên các ô này.",
      en: "{count} figures are typed as text ({cells}); they were read, but Excel formulas cannot use them.",
    },
    stackedRow: {
      vi: "Dòng {row} ghi {count} chỉ tiêu ({names}) trong cùng các ô, mỗi chỉ tiêu một dòng chữ ({cells}): đã đọc từng dòng, nhưng Excel không tính được trên các ô này; nên tách mỗi chỉ tiêu ra một dòng của bảng.",
      en: "Row {row} holds {count} indicators ({names}) as lines of the same cells ({cells}): read line by line, but Excel cannot compute on them; give each indicator a row of its own.",
    },
    placeholderZero: {
      vi: "{name}: ô {cell} ({header}) ghi 0 giữa các số liệu khác của dòng — có lẽ là số chưa có, đã coi là trống; nếu đúng là 0 thì hãy giải trình, nếu chưa có số thì để trống.",
      en: "{name}: {cell} ({header}) holds 0 among the row's real figures: probably a figure not yet known, read as missing; leave it empty, or explain a real zero.",
    },
    targetRange: { vi: "{low:n}–{high:n}", en: "{low:n}–{high:n}" },
    targetAbove: { vi: "trên {low:n}", en: "above {low:n}" },
    targetFrom: { vi: "từ {low:n}", en: "from {low:n}" },
    targetBelow: { vi: "dưới {high:n}", en: "below {high:n}" },
    targetAtMost: { vi: "không quá {high:n}", en: "at most {high:n}" },
    targetAbout: { vi: "khoảng {low:n}", en: "about {low:n}" },
  },
});

/**
 * Several indicators written as lines of one row's cells ("7,6\n10,4"): read line by line, but
 * Excel cannot compute on such cells. One warning per row, at its first such cell.
 */
function stackedRowFinding(sheet: SheetContext, row: number): readonly Finding[] {
  const lines = sheet.indicators.filter((i) => i.row === row);
  const first = lines[0];
  const keys = ["plan", "actual", "previous"] as const;
  const cells = [...new Set(lines.flatMap((i) => keys.map((k) => i.cells[k])).filter((c): c is string => c !== null))].filter((c) =>
    /\n/.test(String(valueAt(sheet.sheet, c) ?? "")),
  );
  const series = (first.series ?? []).map((p) => p.cell).filter((c) => /\n/.test(String(valueAt(sheet.sheet, c) ?? "")));
  const all = [...new Set([...cells, ...series])].sort((a, b) => (parseAddress(a)?.col ?? 0) - (parseAddress(b)?.col ?? 0));
  if (all.length === 0) return NONE;
  const names = lines.map((i) => i.name).filter((n) => n !== "");
  return [
    report(
      NOT_A_NUMBER,
      "stackedRow",
      { row, count: lines.length, names: names.join("; "), cells: cellList(all) },
      { sheet: sheet.sheet.name, cell: all[0], severity: "warning" },
    ),
  ];
}

/** "0" or "0.00" standing for a figure not yet known among a row's real figures: read as missing, and said so. */
function placeholderFindings(sheet: SheetContext, ind: Indicator): readonly Finding[] {
  if (ind.series === null) return NONE;
  const points = ind.series.filter((p) => p.placeholder);
  if (points.length === 0) return NONE;
  return points.map((p) =>
    report(
      NOT_A_NUMBER,
      "placeholderZero",
      { name: ind.name, cell: p.cell, header: p.header },
      { sheet: sheet.sheet.name, cell: p.cell, severity: "warning" },
    ),
  );
}

/** Numbers typed as text: one note per sheet naming the cells. */
function textNumberNotes(sheet: SheetContext): readonly Finding[] {
  const cells = [...new Set(sheet.indicators.flatMap((i) => i.textNumbers))];
  if (cells.length === 0) return NONE;
  return [
    report(
      NOT_A_NUMBER,
      "typedAsText",
      { count: cells.length, cells: cellList(cells) },
      { sheet: sheet.sheet.name, cell: cells[0], severity: "info" },
    ),
  ];
}

type FigureCell = "actual" | "previous" | "plan" | "statedPlanPercent" | "statedPrevious";
const FIGURE_CELLS: readonly FigureCell[] = ["actual", "previous", "plan", "statedPlanPercent", "statedPrevious"];

function readAsNumber(ind: Indicator, key: FigureCell): boolean {
  switch (key) {
    case "actual":
      return ind.actual !== null;
    case "previous":
      return ind.previous !== null;
    case "plan":
      return ind.plan !== null && ind.planText === null;
    case "statedPlanPercent":
      return ind.stated.planPercent !== null;
    case "statedPrevious":
      return ind.stated.previousComparison !== null;
  }
}

/**
 * What was read from a figure written with words ("136 tỷ" → "136", "Khoảng 24" → "khoảng 24",
 * "61-62" → "61–62"); null for a plain figure or none. Plans in words are the plan rules' business.
 */
function wordedFigure(ind: Indicator, key: FigureCell, v: unknown, cell: string): MessageParam | null {
  if (typeof v !== "string" || (key !== "actual" && key !== "previous") || ind.textNumbers.includes(cell) || parseNumberText(v) !== null)
    return null;
  const value = key === "actual" ? ind.actual : ind.previous;
  const target = key === "actual" ? ind.actualTarget : ind.previousTarget;
  if (target !== null) return targetPhrase(target);
  return value !== null ? numberLabel(value) : null;
}

/** A range or a bound in words: "61–62", "trên 4", "dưới 2", "khoảng 24". */
function targetPhrase(t: PlanTarget): MessageParam {
  const low = t.low ?? "";
  const high = t.high ?? "";
  switch (t.qualifier) {
    case "range":
      return phrase(NOT_A_NUMBER, "targetRange", { low, high });
    case "min":
      return phrase(NOT_A_NUMBER, t.strict ? "targetAbove" : "targetFrom", { low });
    case "max":
      return phrase(NOT_A_NUMBER, t.strict ? "targetBelow" : "targetAtMost", { high });
    case "approx":
      return phrase(NOT_A_NUMBER, "targetAbout", { low });
    case "point":
      return t.low === null ? "" : numberLabel(t.low);
  }
}

export const notANumber = sheetRule(NOT_A_NUMBER, (ctx) => {
  const out: Finding[] = [];
  for (const sheet of ctx.sheets) {
    const stackedRows = new Set(sheet.indicators.filter((i) => i.line > 0).map((i) => i.row));
    // An "actual" column dated after the table itself holds targets: base-year says so once, at its header.
    const dated = tableDate(sheet.titleCells.map((t) => t.text).join(" | "));
    const actualColumn = sheet.columns.find((c) => c.role === "actual");
    const futureActual = dated !== null && actualColumn?.year != null && actualColumn.year > dated.year;
    for (const ind of sheet.indicators) {
      // The lines of a stacked row were read one by one; its cells are reported once, below.
      if (stackedRows.has(ind.row)) continue;
      for (let k = 0; k < FIGURE_CELLS.length; k++) {
        const key = FIGURE_CELLS[k];
        const cell = ind.cells[key];
        if (!cell || (futureActual && key === "actual")) continue;
        const v = valueAt(sheet.sheet, cell);
        const what = figureLabel(key);
        // A figure read from words around it ("136 tỷ", "Khoảng 24", "61-62") is used, but Excel cannot compute on it.
        const worded = wordedFigure(ind, key, v, cell);
        if (worded !== null) {
          out.push(
            report(
              NOT_A_NUMBER,
              "worded",
              { name: ind.name, what, cell, text: (v as string).trim().slice(0, 60), read: worded },
              { sheet: sheet.sheet.name, cell, severity: "warning" },
            ),
          );
          continue;
        }
        // A figure read as a number (typed as one or as text) needs no second look.
        if (readAsNumber(ind, key)) continue;
        if (v === null || v === undefined || typeof v === "number" || typeof v === "boolean") continue;
        if (typeof v === "object") {
          out.push(
            report(
              NOT_A_NUMBER,
              "excelError",
              { name: ind.name, what, cell, error: v.error },
              { sheet: sheet.sheet.name, cell, severity: "error" },
            ),
          );
          continue;
        }
        if ((key === "plan" && ind.planTarget !== null) || ind.textNumbers.includes(cell) || /^\s*[-–—.x]?\s*$/.test(v)) continue;
        const hasDigits = /\d/.test(v);
        // A plan in words ("Duy trì") or as a change ("Giảm 1,5") is a real target, only noted.
        const severity = key === "plan" ? "info" : hasDigits ? "error" : "warning";
        out.push(
          report(
            NOT_A_NUMBER,
            hasDigits ? "textWithDigits" : "text",
            { name: ind.name, what, cell, text: v.trim().slice(0, 60) },
            { sheet: sheet.sheet.name, cell, severity },
          ),
        );
      }
    }
    out.push(...textNumberNotes(sheet));
    for (const row of stackedRows) out.push(...stackedRowFinding(sheet, row));
    for (const ind of sheet.indicators) if (ind.line === 0) out.push(...placeholderFindings(sheet, ind));
  }
  return out;
});

// ---------------------------------------------------------------------------------------------
// missing-value
// ---------------------------------------------------------------------------------------------

/** An actual cell left empty, or holding a placeholder "0.00". */
function emptyActual(ind: Indicator, sheet: SheetContext): boolean {
  if (!ind.cells.actual || ind.actual !== null || ind.actualText !== null || ind.actualTarget !== null) return false;
  const raw = valueAt(sheet.sheet, ind.cells.actual);
  return isBlank(raw) || (ind.series !== null && ind.series.some((p) => p.placeholder && p.cell === ind.cells.actual));
}

export const MISSING_VALUE = defineRule({
  id: "missing-value",
  severity: "warning",
  severities: ["warning", "info"],
  scope: "sheet",
  name: "Thiếu số thực hiện",
  nameEn: "Missing actual figure",
  description:
    "Chỉ tiêu có tên và đơn vị nhưng ô thực hiện để trống (trừ dòng mẹ có số liệu ở các thành phần, như “Cơ cấu kinh tế”). Khi cả cột thực hiện gần như trống (số liệu năm đó chưa có), chỉ ghi chú một lần ở tiêu đề cột.",
  descriptionEn:
    "An indicator with a name and a unit whose actual cell is empty (except a parent row whose figures are in its parts, such as “Cơ cấu kinh tế”). When the whole actual column is nearly empty (that year's figures are not out yet), one note at the column's header.",
  options: {},
  messages: {
    emptyColumn: {
      vi: 'Cột "{header}" chưa có số liệu cho {empty}/{rows} chỉ tiêu: có lẽ số liệu năm đó chưa có.',
      en: 'Column "{header}" is empty for {empty} of {rows} indicators: its figures are probably not out yet.',
    },
    empty: {
      vi: "{name}: chưa có số thực hiện (ô {cell} trống).",
      en: "{name}: the actual figure ({cell}) is empty.",
    },
  },
});

export const missingValue = sheetRule(MISSING_VALUE, (ctx) => {
  const out: Finding[] = [];
  for (const sheet of ctx.sheets) {
    const rows = sheet.indicators.filter((i) => i.line === 0 && i.cells.actual);
    const empty = rows.filter((i) => emptyActual(i, sheet));
    const column = sheet.columns.find((c) => c.role === "actual");
    // A report year whose figures are not out yet leaves the whole column empty: one note, not one per row.
    if (column && empty.length >= 3 && empty.length >= 0.8 * rows.length) {
      out.push(
        report(
          MISSING_VALUE,
          "emptyColumn",
          { header: column.header, empty: empty.length, rows: rows.length },
          { sheet: sheet.sheet.name, cell: column.headerCell, severity: "info" },
        ),
      );
      continue;
    }
    // A parent whose figures are in its components (a structure) needs none of its own.
    for (const ind of empty.filter((i) => childrenOf(sheet, i).length === 0)) {
      const cell = ind.cells.actual as string;
      out.push(report(MISSING_VALUE, "empty", { name: ind.name, cell }, { sheet: sheet.sheet.name, cell }));
    }
  }
  return out;
});

// ---------------------------------------------------------------------------------------------
// unit-scale
// ---------------------------------------------------------------------------------------------

/** log10 of a / b, or null when either is not positive. */
function logRatio(a: number | null, b: number | null): number | null {
  return a !== null && b !== null && a > 0 && b > 0 ? Math.log10(a / b) : null;
}

function isScaleSlip(log: number | null, band: Band): boolean {
  if (log === null) return false;
  const x = Math.abs(log);
  const low = band[0];
  const high = band[1];
  return (x >= low && x <= high) || (x >= low + 3 && x <= high + 3);
}

export const UNIT_SCALE = defineRule({
  id: "unit-scale",
  severity: "error",
  severities: ["error", "warning"],
  scope: "both",
  name: "Nhầm đơn vị (gấp 1.000 lần)",
  nameEn: "Unit-scale slip (×1000)",
  description:
    "Một số liệu gấp khoảng 1.000 lần (hoặc bằng khoảng 1/1.000) các số so sánh của nó: thường là nhầm nghìn/triệu, kWh/triệu kWh.",
  descriptionEn:
    "A figure about 1,000 times (or about 1/1,000 of) the figures it is compared with: usually a thousand/million slip, kWh against million kWh.",
  options: {
    unitScaleLog: option.band(
      [2.5, 3.5],
      "Hai số lệch nhau 10^thấp…10^cao lần (hoặc gấp thêm 1.000 lần nữa) là nhầm đơn vị; series-scale, growth-outlier, plan-outlier và series-growth cũng dùng ngưỡng này.",
      "Two figures 10^low…10^high times apart (or another 1,000 times more) are a unit slip; series-scale, growth-outlier, plan-outlier and series-growth use it too.",
    ),
  },
  messages: {
    more: {
      vi: "{name}: số {what} {value:n} gấp khoảng {times:n} lần số {other} {otherValue:n} ({unit}) — có thể nhầm đơn vị.",
      en: "{name}: the {what} {value:n} is about {times:n}× the {other} {otherValue:n} ({unit}): a unit slip?",
    },
    less: {
      vi: "{name}: số {what} {value:n} chỉ bằng khoảng 1/{times:n} số {other} {otherValue:n} ({unit}) — có thể nhầm đơn vị.",
      en: "{name}: the {what} {value:n} is about 1/{times:n} of the {other} {otherValue:n} ({unit}): a unit slip?",
    },
    textBeyondUnit: {
      vi: '"{excerpt}": {amount:n0} {unit} là nhiều hơn mức có thể có (khoảng {ceiling}) — có thể nhầm đơn vị (nghìn, triệu).',
      en: '"{excerpt}": {amount:n0} {unit} is more than there can be (about {ceiling}): a unit slip (thousand, million)?',
    },
  },
});

export const unitScale = indicatorRule(UNIT_SCALE, {
  kinds: ["absolute"],
  each: (ind, sheet, ctx) => {
    if (ind.kind !== "absolute") return NONE;
    const band = ctx.option(ind, UNIT_SCALE, "unitScaleLog");
    const plan = ind.planTarget?.qualifier === "point" ? ind.plan : null;
    // Most rows: no pair of figures is ~1000× apart.
    if (
      !isScaleSlip(logRatio(ind.actual, ind.previous), band) &&
      !isScaleSlip(logRatio(ind.actual, plan), band) &&
      !isScaleSlip(logRatio(ind.previous, plan), band)
    )
      return NONE;
    const figures = (
      [
        { what: "actual", value: ind.actual, cell: ind.cells.actual },
        { what: "previous", value: ind.previous, cell: ind.cells.previous },
        { what: "plan", value: plan, cell: ind.cells.plan },
      ] as const
    ).filter((f) => f.value !== null && f.value > 0 && f.cell);
    // The odd one out is the figure that slips against every other one.
    for (const f of figures) {
      const others = figures.filter((o) => o !== f);
      if (others.length === 0 || !others.every((o) => isScaleSlip(logRatio(f.value, o.value), band))) continue;
      if (others.length === 1 && f.what !== "actual") continue;
      const o = others[0];
      const times = (f.value as number) / (o.value as number);
      return [
        report(
          UNIT_SCALE,
          times > 1 ? "more" : "less",
          {
            name: ind.name,
            what: figureLabel(f.what),
            value: f.value as number,
            times: times > 1 ? Math.round(times) : Math.round(1 / times),
            other: figureLabel(o.what),
            otherValue: o.value as number,
            unit: ind.unit,
          },
          { sheet: sheet.sheet.name, cell: f.cell as string, expected: o.value, actual: f.value },
        ),
      ];
    }
    return NONE;
  },
});

// ---------------------------------------------------------------------------------------------
// growth-outlier
// ---------------------------------------------------------------------------------------------

/** Growth bands by measure when neither the user nor the catalogue gives one. */
const MEASURE_GROWTH_BAND: Partial<Record<Measure, Band>> = {
  flow: [-30, 30],
  stock: [-30, 50],
  ratio: [-25, 25],
};

export const GROWTH_OUTLIER = defineRule({
  id: "growth-outlier",
  severity: "warning",
  scope: "sheet",
  name: "Tăng trưởng bất thường",
  nameEn: "Implausible growth",
  description:
    "Tốc độ tăng so với cùng kỳ ngoài khoảng hợp lý của loại chỉ tiêu (phần lớn chỉ tiêu dòng ±30%, GRDP −10…+20%); tăng từ 200% trở lên nên viết “gấp X lần”.",
  descriptionEn:
    "A growth on the same period outside what is plausible for the kind of indicator (±30% for most flows, −10…+20% for GRDP); a growth of 200% or more should be written “X times”.",
  options: {
    growthBand: option.bandOrNull(
      null,
      "Khoảng tăng trưởng hợp lý so với cùng kỳ (%), [thấp, cao]; null: theo danh mục chỉ tiêu, nếu không thì theo loại (dòng ±30%, tồn −30…+50%, tỷ số ±25%).",
      "The plausible growth on the same period in percent, [low, high]; null: the catalogue's, else by measure (flows ±30%, stocks −30…+50%, ratios ±25%).",
    ),
  },
  messages: {
    growth: {
      vi: "{name}: {change}{multiple} so với cùng kỳ, ngoài khoảng thường gặp {low:n}…{high:n}%; hãy kiểm tra hoặc giải trình.",
      en: "{name}: {change}{multiple} on the same period, outside the usual {low:n}…{high:n}%.",
    },
    multiple: { vi: " (gấp {times:n1} lần)", en: " ({times:n1} times)" },
  },
});

/** The growth band of an indicator: the configured one, else the catalogue's, else its measure's. */
function growthBandOf(ind: Indicator, configured: Band | null, entryBand: Band | null | undefined): Band | null {
  if (configured) return configured;
  if (entryBand) return entryBand;
  if (ind.measure) return MEASURE_GROWTH_BAND[ind.measure] ?? null;
  return ind.kind === "absolute" ? (MEASURE_GROWTH_BAND.flow ?? null) : null;
}

export const growthOutlier = indicatorRule(GROWTH_OUTLIER, {
  kinds: ["absolute", "rate"],
  each: (ind, sheet, ctx) => {
    if (!ind.cells.actual) return NONE;
    const band = growthBandOf(ind, ctx.option(ind, GROWTH_OUTLIER, "growthBand"), ctx.entry(ind.catalogueId)?.growthBand);
    if (!band) return NONE;
    const low = band[0];
    const high = band[1];
    // A growth rate itself (GRDP, CPI) is checked as a value; a level by its growth on the same period.
    const growth = ind.kind === "rate" && ind.measure === "growth" ? ind.actual : ind.kind === "absolute" ? ind.growthPercent : null;
    if (growth === null || (growth >= low && growth <= high)) return NONE;
    if (ind.kind === "absolute" && isScaleSlip(logRatio(ind.actual, ind.previous), ctx.option(ind, UNIT_SCALE, "unitScaleLog")))
      return NONE;
    const multiple = ind.index !== null && ind.index >= 300 ? phrase(GROWTH_OUTLIER, "multiple", { times: ind.index / 100 }) : "";
    return [
      report(
        GROWTH_OUTLIER,
        "growth",
        { name: ind.name, change: changeLabel(growth), multiple, low, high },
        { sheet: sheet.sheet.name, cell: ind.cells.actual, expected: growth < low ? low : high, actual: growth },
      ),
    ];
  },
});

// ---------------------------------------------------------------------------------------------
// plan-outlier
// ---------------------------------------------------------------------------------------------

export const PLAN_OUTLIER = defineRule({
  id: "plan-outlier",
  severity: "warning",
  scope: "sheet",
  name: "Tiến độ kế hoạch bất thường",
  nameEn: "Implausible plan progress",
  description:
    "Chỉ tiêu dòng (cộng dồn) đạt % kế hoạch năm quá xa tiến độ thời gian (dưới 0,5 hoặc trên 1,5 lần số tháng đã qua), hoặc trên 200% kế hoạch.",
  descriptionEn:
    "A cumulative flow whose percentage of the annual plan is far from the share of the year elapsed (below 0.5 or above 1.5 times the months elapsed), or above 200% of plan.",
  options: {
    planPercentMax: option.number(
      200,
      "Trên mức % kế hoạch này là bất thường, dù ở kỳ nào.",
      "A plan percentage above this is implausible whatever the period.",
      { minimum: 0 },
    ),
    paceLow: option.number(
      0.5,
      "Chỉ tiêu dòng đạt dưới (hệ số này × phần năm đã qua) kế hoạch năm là chậm xa tiến độ.",
      "A flow below this times the elapsed share of the year is far behind pace.",
      { minimum: 0 },
    ),
    paceHigh: option.number(
      1.5,
      "Chỉ tiêu dòng đạt trên (hệ số này × phần năm đã qua) kế hoạch năm là vượt xa tiến độ.",
      "A flow above this times the elapsed share of the year is far ahead of pace.",
      { minimum: 0 },
    ),
  },
  messages: {
    aboveMax: {
      vi: "{name}: đạt {percent:n1}% kế hoạch, trên {max:n}%; hãy kiểm tra số kế hoạch hoặc giải trình.",
      en: "{name}: {percent:n1}% of plan, above {max:n}%; check the plan or explain.",
    },
    behindPace: {
      vi: "{name}: sau {months} tháng đạt {percent:n1}% kế hoạch năm, chậm xa so với tiến độ thời gian (~{elapsed:n0}%); hãy kiểm tra hoặc giải trình.",
      en: "{name}: {percent:n1}% of the annual plan after {months} months, far behind the elapsed {elapsed:n0}%.",
    },
    aheadOfPace: {
      vi: "{name}: sau {months} tháng đạt {percent:n1}% kế hoạch năm, vượt xa tiến độ thời gian (~{elapsed:n0}%); hãy kiểm tra hoặc giải trình.",
      en: "{name}: {percent:n1}% of the annual plan after {months} months, far ahead of the elapsed {elapsed:n0}%.",
    },
  },
});

function paceFinding(
  ind: Indicator,
  sheet: SheetContext,
  t: { planPercentMax: number; paceLow: number; paceHigh: number },
): Finding | null {
  const p = ind.planPercent as number;
  const at = { sheet: sheet.sheet.name, cell: ind.cells.actual as string, actual: ind.planPercent };
  if (p > t.planPercentMax)
    return report(PLAN_OUTLIER, "aboveMax", { name: ind.name, percent: p, max: t.planPercentMax }, { ...at, expected: t.planPercentMax });
  const months = sheet.period?.months ?? null;
  if (months === null || months >= 12 || ind.measure !== "flow") return null;
  const expected = (months / 12) * 100;
  if (p >= t.paceLow * expected && p <= t.paceHigh * expected) return null;
  return report(
    PLAN_OUTLIER,
    p < expected ? "behindPace" : "aheadOfPace",
    { name: ind.name, months, percent: p, elapsed: expected },
    { ...at, expected },
  );
}

export const planOutlier = indicatorRule(PLAN_OUTLIER, {
  kinds: ["absolute"],
  each: (ind, sheet, ctx) => {
    // The kinds above let the run skip other indicators; the check holds to them on its own as well.
    if (ind.kind !== "absolute" || ind.planPercent === null || !ind.cells.actual) return NONE;
    if (isScaleSlip(logRatio(ind.actual, ind.plan), ctx.option(ind, UNIT_SCALE, "unitScaleLog"))) return NONE;
    const found = paceFinding(ind, sheet, {
      planPercentMax: ctx.option(ind, PLAN_OUTLIER, "planPercentMax"),
      paceLow: ctx.option(ind, PLAN_OUTLIER, "paceLow"),
      paceHigh: ctx.option(ind, PLAN_OUTLIER, "paceHigh"),
    });
    return found ? [found] : NONE;
  },
});

// ---------------------------------------------------------------------------------------------
// missing-unit
// ---------------------------------------------------------------------------------------------

/** Whether an indicator has any figure at all (plan, actual, previous or a year of its series). */
function hasFigure(ind: Indicator): boolean {
  return (
    ind.plan !== null || ind.actual !== null || ind.previous !== null || (ind.series !== null && ind.series.some((p) => p.value !== null))
  );
}

export const MISSING_UNIT = defineRule({
  id: "missing-unit",
  severity: "warning",
  severities: ["warning", "info"],
  scope: "both",
  name: "Thiếu đơn vị tính",
  nameEn: "Missing unit",
  description:
    "Chỉ tiêu có số liệu nhưng không ghi đơn vị tính, trong một biểu mà các chỉ tiêu khác đều ghi: cảnh báo khi biểu có cột ĐVT, ghi chú khi đơn vị được ghi trong tên chỉ tiêu. Chỉ số và hệ số (HDI, ICOR) không cần đơn vị. Trong lời văn: con số không ghi đơn vị.",
  descriptionEn:
    "An indicator with figures but no unit, in a table where the others all have one: a warning when the table has a unit column, a note when units are written in the names. Indices and coefficients (HDI, ICOR) need none. In the text: a figure stated with no unit.",
  options: {},
  messages: {
    emptyUnitCell: {
      vi: "{name}: có số liệu nhưng không ghi đơn vị tính (ô {cell} trống), trong khi {count} chỉ tiêu khác của biểu đều ghi.",
      en: "{name}: figures with no unit ({cell} is empty), while {count} other indicators of the table have one.",
    },
    noUnitInName: {
      vi: "{name}: có số liệu nhưng không ghi đơn vị tính (tên không ghi đơn vị trong ngoặc), trong khi {count} chỉ tiêu khác của biểu đều ghi.",
      en: "{name}: figures with no unit (none in brackets after the name), while {count} other indicators of the table have one.",
    },
    textNoUnit: {
      vi: '"{excerpt}": thiếu đơn vị sau số {value:n} (%, điểm phần trăm hay đơn vị của chỉ tiêu?).',
      en: '"{excerpt}": the number {value:n} has no unit (%, percentage points, or the indicator\'s unit?).',
    },
  },
});

export const missingUnit = sheetRule(MISSING_UNIT, (ctx) => {
  const out: Finding[] = [];
  for (const sheet of ctx.sheets) {
    const rows = sheet.indicators.filter((i) => i.line === 0 && hasFigure(i) && i.kind !== "index" && i.kind !== "coefficient");
    const withUnit = rows.filter((i) => i.unit !== "").length;
    // A table that writes no unit at all says nothing row by row; one that writes most says something by leaving one out.
    if (withUnit < 2 || withUnit * 2 < rows.length) continue;
    const unitColumn = rows.some((i) => i.cells.unit !== i.cells.name);
    for (const ind of rows) {
      if (ind.unit !== "") continue;
      out.push(
        report(
          MISSING_UNIT,
          unitColumn ? "emptyUnitCell" : "noUnitInName",
          { name: ind.name, cell: ind.cells.unit, count: withUnit },
          { sheet: sheet.sheet.name, cell: ind.cells.unit, severity: unitColumn ? "warning" : "info" },
        ),
      );
    }
  }
  return out;
});

// ---------------------------------------------------------------------------------------------
// rate-points
// ---------------------------------------------------------------------------------------------

/** "Vượt 0,2%" or "tăng 0,3%" written about a rate: the change of a rate is in percentage points. */
const RATE_CHANGE_IN_PERCENT = /^(vuot|tang|giam|cao hon|thap hon|hon)\s*[+-]?\d+(,\d+)?\s*%/;
/** "Tỷ lệ hộ nghèo giảm", "Mức giảm tỷ lệ …": the size of a change of a rate. */
const RATE_CHANGE_NAME = /^(muc (giam|tang) )?ty le .*\b(giam|tang)\s*$|^muc (giam|tang) ty le\b/;

export const RATE_POINTS = defineRule({
  id: "rate-points",
  severity: "warning",
  severities: ["warning", "info"],
  scope: "both",
  name: "Chênh lệch của tỷ lệ ghi bằng %",
  nameEn: "Change of a rate written in %",
  description:
    "Chênh lệch giữa hai tỷ lệ (so với kế hoạch, so với cùng kỳ) tính bằng điểm phần trăm, không phải %: “vượt 0,2 điểm %”, không phải “vượt 0,2%”. Cảnh báo khi cột đánh giá ghi như vậy cho một chỉ tiêu tỷ lệ; ghi chú khi một chỉ tiêu là mức tăng, giảm của một tỷ lệ mà đơn vị ghi %. Trong lời văn: thay đổi của một tỷ lệ viết bằng %.",
  descriptionEn:
    "A difference between two rates (against the plan, against the same period) is in percentage points, not %: “vượt 0,2 điểm %”, not “vượt 0,2%”. In tables: a warning when an evaluation says so for a rate, a note when an indicator is the change of a rate with the unit %; in the text: a change of a rate written in %.",
  options: {},
  messages: {
    evaluationInPercent: {
      vi: '{name} là chỉ tiêu tỷ lệ: ô {cell} ghi "{written}" — chênh lệch của tỷ lệ tính bằng điểm phần trăm, không phải %.',
      en: '{name} is a rate: "{written}" ({cell}) should be in percentage points, not %.',
    },
    evaluationInPercentGap: {
      vi: '{name} là chỉ tiêu tỷ lệ: ô {cell} ghi "{written}" — chênh lệch của tỷ lệ tính bằng điểm phần trăm ({points:n} điểm phần trăm), không phải %.',
      en: '{name} is a rate: "{written}" ({cell}) should be in percentage points ({points:n} points), not %.',
    },
    unitInPercent: {
      vi: '{name}: mức tăng, giảm của một tỷ lệ tính bằng điểm phần trăm; nên ghi đơn vị "điểm %" thay cho "%".',
      en: '{name}: the change of a rate is in percentage points; write the unit as "điểm %" rather than "%".',
    },
    textGrowthOfRate: {
      vi: '{subject} là một tỷ lệ: "{excerpt}" nên ghi mức thay đổi bằng điểm phần trăm ("{value:n} điểm phần trăm"), không ghi "%" (trừ khi đúng là mức thay đổi tương đối).',
      en: '{subject} is a rate: "{excerpt}" should give its change in percentage points ("{value:n} points"), not "%" (unless a relative change is meant).',
    },
    textDifference: {
      vi: '"{excerpt}": chênh lệch giữa hai tỷ lệ tính bằng điểm phần trăm ("{value:n} điểm phần trăm"), không phải %.',
      en: '"{excerpt}": the difference between two rates is in percentage points ("{value:n} points"), not %.',
    },
    textExceedShare: {
      vi: '"{excerpt}": phần vượt của một tỷ lệ (tính trên số đơn vị) là điểm phần trăm ("vượt {value:n} điểm phần trăm"), không phải %.',
      en: '"{excerpt}": the excess of a rate (a share of units) is in percentage points ("{value:n} points"), not %.',
    },
    textContribution: {
      vi: '"{excerpt}": phần đóng góp vào mức thay đổi của một chỉ số tính bằng điểm phần trăm ("{value:n} điểm phần trăm"), không phải %.',
      en: '"{excerpt}": a contribution to the change of an index is in percentage points ("{value:n} points"), not %.',
    },
  },
});

export const ratePoints = indicatorRule(RATE_POINTS, {
  kinds: ["rate"],
  each: (ind, sheet) => {
    if (ind.kind !== "rate") return NONE;
    let out: Finding[] | null = null;
    const stated = ind.stated.evaluation;
    const cell = ind.cells.evaluation;
    if (stated && cell && RATE_CHANGE_IN_PERCENT.test(fold(stated))) {
      const at = { sheet: sheet.sheet.name, cell };
      (out ??= []).push(
        ind.planGapPoints !== null
          ? report(
              RATE_POINTS,
              "evaluationInPercentGap",
              { name: ind.name, cell, written: stated, points: Math.abs(ind.planGapPoints) },
              at,
            )
          : report(RATE_POINTS, "evaluationInPercent", { name: ind.name, cell, written: stated }, at),
      );
    }
    if (
      ind.line === 0 &&
      parseUnit(ind.unit).percent &&
      /gi[aả]m|t[aă]ng/i.test(ind.name) &&
      RATE_CHANGE_NAME.test(fold(ind.name).replace(/\s*\([^)]*\)\s*$/, ""))
    )
      (out ??= []).push(
        report(RATE_POINTS, "unitInPercent", { name: ind.name }, { sheet: sheet.sheet.name, cell: ind.cells.unit, severity: "info" }),
      );
    return out ?? NONE;
  },
});

// ---------------------------------------------------------------------------------------------
// unit-mismatch
// ---------------------------------------------------------------------------------------------

export const UNIT_MISMATCH = defineRule({
  id: "unit-mismatch",
  severity: "warning",
  scope: "sheet",
  name: "Đơn vị khác danh mục",
  nameEn: "Unit unlike the catalogue's",
  description:
    "Chỉ tiêu trong danh mục đo bằng phần nghìn (‰: tỷ suất sinh, tỷ lệ tăng dân số tự nhiên) mà biểu ghi % (hoặc ngược lại): số liệu gấp hoặc bằng một phần mười lần, thường là ghi nhầm đơn vị.",
  descriptionEn:
    "An indicator the catalogue measures in per mille (birth rate, natural population growth) written in % (or the other way round): the figures are ten times off, usually a wrong unit.",
  options: {},
  messages: {
    mismatch: {
      vi: "{name} thường tính bằng {expected}, nhưng biểu ghi {unit}: hãy kiểm tra đơn vị.",
      en: "{name} is usually in {expected}, but the table writes {unit}: check the unit.",
    },
    mismatchWithFigure: {
      vi: "{name} thường tính bằng {expected}, nhưng biểu ghi {unit} ({actual:n}{unit}): hãy kiểm tra đơn vị.",
      en: "{name} is usually in {expected}, but the table writes {unit} ({actual:n}{unit}): check the unit.",
    },
  },
});

export const unitMismatch = indicatorRule(UNIT_MISMATCH, {
  each: (ind, sheet, ctx) => {
    const entry = ctx.entry(ind.catalogueId);
    if (!entry?.unit || ind.unit === "" || ind.line > 0) return NONE;
    const expected = parseUnit(entry.unit);
    const written = parseUnit(ind.unit);
    const swapped = (expected.perMille && written.percent) || (expected.percent && written.perMille);
    if (!swapped) return NONE;
    const at = { sheet: sheet.sheet.name, cell: ind.cells.unit };
    return [
      ind.actual !== null
        ? report(UNIT_MISMATCH, "mismatchWithFigure", { name: ind.name, expected: entry.unit, unit: ind.unit, actual: ind.actual }, at)
        : report(UNIT_MISMATCH, "mismatch", { name: ind.name, expected: entry.unit, unit: ind.unit }, at),
    ];
  },
});
