// Rules on one indicator's figures: stated percentages and evaluations that the figures do not
// give, rates out of range, text where a figure must be, missing figures, ×1000 slips, and
// implausible growth or plan progress.

import { cellList, type Finding } from "../model/findings";
import { isBlank, parseAddress } from "../model/snapshot";
import { fold, tidy } from "../model/text";
import { parseUnit } from "../model/units";
import { decimalsAt, finding, indicatorRule, NONE, roundingTolerance, valueAt, vi, type Rule, type SheetContext } from "./context";
import { childrenOf } from "./families";
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

export const statedPercent: Rule = {
  id: "stated-percent",
  severity: "error",
  name: "Tỷ lệ ghi trong biểu không khớp số liệu",
  nameEn: "Stated percentage the figures do not give",
  description:
    "Cột TH/KH và so với cùng kỳ phải bằng tỷ lệ tính từ số liệu, sai khác không quá mức làm tròn của số chữ số thập phân được ghi. Cột so với cùng kỳ thường ghi chỉ số (106,0) hoặc tăng trưởng (6,0): chấp nhận một trong hai, nhưng phải nhất quán trong cột.",
  check(ctx) {
    const out: Finding[] = [];
    for (const sheet of ctx.sheets) {
      const form = previousForm(sheet);
      // The stated columns are the same for every row of a sheet.
      const first = sheet.indicators[0];
      const planCol = columnOf(first?.cells.statedPlanPercent ?? null);
      const previousCol = columnOf(first?.cells.statedPrevious ?? null);
      for (const ind of sheet.indicators) {
        if (ind.kind !== "absolute") continue;
        const name = ind.name;
        if (ind.stated.planPercent !== null && ind.planPercent !== null && ind.cells.statedPlanPercent) {
          const diff = ind.stated.planPercent - ind.planPercent;
          // Within a hundredth nothing can be wrong; only then is the cell's format looked up.
          if (Math.abs(diff) > 0.01 && Math.abs(diff) > roundingTolerance(decimalsAt(sheet.sheet, ind.row - 1, planCol))) {
            out.push(
              finding(
                statedPercent,
                "error",
                sheet.sheet.name,
                ind.cells.statedPlanPercent,
                `${name}: ghi ${vi(ind.stated.planPercent)}% kế hoạch, nhưng ${vi(ind.actual ?? 0)}/${vi(ind.plan ?? 0)} = ${vi(ind.planPercent)}%.`,
                `${name}: states ${ind.stated.planPercent}% of plan, but the figures give ${ind.planPercent.toFixed(2)}%.`,
                {
                  expected: ind.planPercent,
                  actual: ind.stated.planPercent,
                  imbalance: diff,
                },
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
                finding(
                  statedPercent,
                  "error",
                  sheet.sheet.name,
                  ind.cells.evaluation,
                  `${name}: ghi "${tidy(ind.stated.evaluation as string)}" (tức ${vi(claimed)}% kế hoạch), nhưng ${vi(ind.actual ?? 0)}/${vi(ind.plan ?? 0)} = ${vi(ind.planPercent)}%, tức vượt ${vi(ind.planPercent - 100)}%.`,
                  `${name}: states "${tidy(ind.stated.evaluation as string)}" (${claimed}% of plan), but the figures give ${ind.planPercent.toFixed(2)}%.`,
                  { expected: ind.planPercent, actual: claimed, imbalance: diff },
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
            const formVi = form === "index" ? "chỉ số (cùng kỳ = 100)" : "tốc độ tăng (%)";
            out.push(
              finding(
                statedPercent,
                "error",
                sheet.sheet.name,
                ind.cells.statedPrevious,
                asOther
                  ? `${name}: cột so với cùng kỳ ghi theo dạng ${formVi} nhưng ô này ghi ${vi(stated)}, dạng còn lại; theo dạng của cột phải là ${vi(expected, 1)}.`
                  : `${name}: ghi ${vi(stated)} so với cùng kỳ, nhưng số liệu cho ${vi(expected, 1)} (${formVi}).`,
                asOther
                  ? `${name}: the column is in ${form} form but this cell holds the other form; expected ${expected.toFixed(1)}.`
                  : `${name}: states ${stated} against the same period, the figures give ${expected.toFixed(2)} (${form}).`,
                { expected, actual: stated, imbalance: stated - expected },
              ),
            );
          }
        }
      }
    }
    return out;
  },
};

export const ratePlanPercent: Rule = indicatorRule({
  id: "rate-plan-percent",
  severity: "warning",
  kinds: ["rate"],
  name: "Chỉ tiêu tỷ lệ ghi % kế hoạch",
  nameEn: "Plan percentage of a rate",
  description:
    "Chỉ tiêu tỷ lệ (%, tỷ lệ, cơ cấu, tốc độ tăng) so sánh bằng điểm phần trăm và đánh giá Đạt/Vượt/Không đạt, không tính % kế hoạch.",
  each: (ind, sheet) =>
    ind.kind === "rate" && ind.stated.planPercent !== null && ind.cells.statedPlanPercent
      ? [
          finding(
            ratePlanPercent,
            "warning",
            sheet.sheet.name,
            ind.cells.statedPlanPercent,
            `${ind.name} là chỉ tiêu tỷ lệ: nên so sánh bằng điểm phần trăm${ind.planGapPoints !== null ? ` (${ind.planGapPoints >= 0 ? "cao hơn" : "thấp hơn"} kế hoạch ${vi(Math.abs(ind.planGapPoints))} điểm phần trăm)` : ""} và đánh giá Đạt/Vượt/Không đạt, không ghi ${vi(ind.stated.planPercent)}% kế hoạch.`,
            `${ind.name} is a rate: compare it in percentage points and evaluate it, rather than stating ${ind.stated.planPercent}% of plan.`,
            {
              expected: ind.planGapPoints,
              actual: ind.stated.planPercent,
            },
          ),
        ]
      : NONE,
});

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

export const statedEvaluation: Rule = indicatorRule({
  id: "stated-evaluation",
  severity: "error",
  name: "Đánh giá không khớp số liệu",
  nameEn: "Stated evaluation the figures do not give",
  description:
    "Cột Đánh giá phải khớp với kết quả so sánh số thực hiện và kế hoạch, theo chiều tốt của chỉ tiêu (chỉ tiêu nghịch: thấp hơn là tốt). Ghi “Đạt” khi số liệu cho “Vượt”, hay ghi ngược chiều với một chỉ tiêu ngoài danh mục, hay số thực hiện đúng bằng mức “dưới”/“trên” của kế hoạch, chỉ là cảnh báo.",
  each: (ind, sheet) => {
    if (!ind.stated.evaluation || !ind.evaluation || !ind.cells.evaluation) return NONE;
    const f = fold(ind.stated.evaluation);
    const stated = EVALUATION_WORDS.find(([re]) => re.test(f))?.[1];
    if (!stated || stated === ind.evaluation) return NONE;
    const plan = ind.planText !== null ? tidy(ind.planText) : vi(ind.plan ?? 0);
    return [
      finding(
        statedEvaluation,
        evaluationSeverity(ind, stated, ind.evaluation),
        sheet.sheet.name,
        ind.cells.evaluation,
        `${ind.name}: ghi "${tidy(ind.stated.evaluation)}", nhưng thực hiện ${vi(ind.actual ?? 0)} so với kế hoạch ${plan} là "${ind.evaluation}"${ind.direction === "lower" ? " (chỉ tiêu càng thấp càng tốt)" : ""}.`,
        `${ind.name}: states "${tidy(ind.stated.evaluation)}", but the figures give "${ind.evaluation}".`,
      ),
    ];
  },
});

export const rateRange: Rule = indicatorRule({
  id: "rate-range",
  severity: "error",
  kinds: ["rate"],
  name: "Tỷ lệ ngoài khoảng 0–100%",
  nameEn: "Rate outside 0–100%",
  description: "Chỉ tiêu tỷ lệ, cơ cấu (đơn vị %) phải nằm trong khoảng 0–100% (ngưỡng đổi được theo chỉ tiêu).",
  each: (ind, sheet, ctx) => {
    if (ind.kind !== "rate" || (ind.measure !== "level" && ind.measure !== "share")) return NONE;
    const range = ctx.thresholds(ind).rateRange;
    const low = range[0];
    const high = range[1];
    const plan = ind.planTarget?.qualifier === "point" ? ind.plan : null;
    const outside = (v: number | null) => v !== null && (v < low || v > high);
    if (!outside(ind.actual) && !outside(ind.previous) && !outside(plan)) return NONE;
    const unit = parseUnit(ind.unit);
    if (unit.perMille || unit.points || /\bso voi\b/.test(fold(ind.name))) return NONE;
    const figures: Array<[number | null, string | null, string]> = [
      [ind.actual, ind.cells.actual, "thực hiện"],
      [ind.previous, ind.cells.previous, "cùng kỳ"],
      [plan, ind.cells.plan, "kế hoạch"],
    ];
    return figures
      .filter(([v, cell]) => cell !== null && outside(v))
      .map(([v, cell, what]) =>
        finding(
          rateRange,
          "error",
          sheet.sheet.name,
          cell as string,
          `${ind.name} ${vi(v as number)}% (${what}) nằm ngoài khoảng ${vi(low)}–${vi(high)}%.`,
          `${ind.name} ${v}% (${what}) is outside ${low}–${high}%.`,
          { expected: Math.min(Math.max(v as number, low), high), actual: v },
        ),
      );
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
    finding(
      notANumber,
      "warning",
      sheet.sheet.name,
      all[0],
      `Dòng ${row} ghi ${lines.length} chỉ tiêu (${names.join("; ")}) trong cùng các ô, mỗi chỉ tiêu một dòng chữ (${cellList(all)}): đã đọc từng dòng, nhưng Excel không tính được trên các ô này; nên tách mỗi chỉ tiêu ra một dòng của bảng.`,
      `Row ${row} holds ${lines.length} indicators (${names.join("; ")}) as lines of the same cells (${cellList(all)}): read line by line, but Excel cannot compute on them; give each indicator a row of its own.`,
    ),
  ];
}

/** "0" or "0.00" standing for a figure not yet known among a row's real figures: read as missing, and said so. */
function placeholderFindings(sheet: SheetContext, ind: Indicator): readonly Finding[] {
  if (ind.series === null) return NONE;
  const points = ind.series.filter((p) => p.placeholder);
  if (points.length === 0) return NONE;
  return points.map((p) =>
    finding(
      notANumber,
      "warning",
      sheet.sheet.name,
      p.cell,
      `${ind.name}: ô ${p.cell} (${p.header}) ghi 0 giữa các số liệu khác của dòng — có lẽ là số chưa có, đã coi là trống; nếu đúng là 0 thì hãy giải trình, nếu chưa có số thì để trống.`,
      `${ind.name}: ${p.cell} (${p.header}) holds 0 among the row's real figures: probably a figure not yet known, read as missing; leave it empty, or explain a real zero.`,
    ),
  );
}

/** Numbers typed as text: one note per sheet naming the cells. */
function textNumberNotes(sheet: SheetContext): readonly Finding[] {
  const cells = [...new Set(sheet.indicators.flatMap((i) => i.textNumbers))];
  if (cells.length === 0) return NONE;
  const list = cellList(cells);
  return [
    finding(
      notANumber,
      "info",
      sheet.sheet.name,
      cells[0],
      `${cells.length} ô số được nhập dạng chữ (${list}); đã đọc được, nhưng Excel không tính được công thức trên các ô này.`,
      `${cells.length} figures are typed as text (${list}); they were read, but Excel formulas cannot use them.`,
    ),
  ];
}

type FigureCell = "actual" | "previous" | "plan" | "statedPlanPercent" | "statedPrevious";
const FIGURE_CELLS: ReadonlyArray<readonly [FigureCell, string]> = [
  ["actual", "thực hiện"],
  ["previous", "cùng kỳ"],
  ["plan", "kế hoạch"],
  ["statedPlanPercent", "so với kế hoạch"],
  ["statedPrevious", "so với cùng kỳ"],
];

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
function wordedFigure(ind: Indicator, key: FigureCell, v: unknown, cell: string): string | null {
  if (typeof v !== "string" || (key !== "actual" && key !== "previous") || ind.textNumbers.includes(cell) || parseNumberText(v) !== null)
    return null;
  const value = key === "actual" ? ind.actual : ind.previous;
  const target = key === "actual" ? ind.actualTarget : ind.previousTarget;
  if (target !== null) return planTargetText(target);
  return value !== null ? vi(value) : null;
}

/** A range or a bound in words: "61–62", "trên 4", "dưới 2", "khoảng 24". */
function planTargetText(t: PlanTarget): string {
  const low = t.low === null ? "" : vi(t.low);
  const high = t.high === null ? "" : vi(t.high);
  switch (t.qualifier) {
    case "range":
      return `${low}–${high}`;
    case "min":
      return `${t.strict ? "trên" : "từ"} ${low}`;
    case "max":
      return `${t.strict ? "dưới" : "không quá"} ${high}`;
    case "approx":
      return `khoảng ${low}`;
    case "point":
      return low;
  }
}

export const notANumber: Rule = {
  id: "not-a-number",
  severity: "error",
  name: "Chữ ở ô phải là số",
  nameEn: "Text where a figure must be",
  description:
    "Ô số liệu chứa lỗi Excel (#DIV/0!, #N/A), chữ có kèm số (“khoảng 10.000”) hay chữ (“n/a”) thì không tính được; số nhập dạng chữ đọc được chỉ được ghi chú.",
  check(ctx) {
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
          const key = FIGURE_CELLS[k][0];
          const what = FIGURE_CELLS[k][1];
          const cell = ind.cells[key];
          if (!cell || (futureActual && key === "actual")) continue;
          const v = valueAt(sheet.sheet, cell);
          // A figure read from words around it ("136 tỷ", "Khoảng 24", "61-62") is used, but Excel cannot compute on it.
          const worded = wordedFigure(ind, key, v, cell);
          if (worded !== null) {
            out.push(
              finding(
                notANumber,
                "warning",
                sheet.sheet.name,
                cell,
                `${ind.name}: ô ${what} ${cell} ghi "${(v as string).trim().slice(0, 60)}" — đã đọc là ${worded}, nhưng Excel không tính được trên ô chữ; hãy ghi một số (đơn vị để ở cột ĐVT, ghi chú để ở cột Ghi chú).`,
                `${ind.name}: the ${what} cell ${cell} holds "${(v as string).trim().slice(0, 60)}", read as ${worded}; Excel cannot compute on text: write a plain figure.`,
              ),
            );
            continue;
          }
          // A figure read as a number (typed as one or as text) needs no second look.
          if (readAsNumber(ind, key)) continue;
          if (v === null || v === undefined || typeof v === "number" || typeof v === "boolean") continue;
          if (typeof v === "object") {
            out.push(
              finding(
                notANumber,
                "error",
                sheet.sheet.name,
                cell,
                `${ind.name}: ô ${what} ${cell} là lỗi ${v.error}, không phải số liệu.`,
                `${ind.name}: the ${what} cell ${cell} holds the error ${v.error}.`,
              ),
            );
            continue;
          }
          if ((key === "plan" && ind.planTarget !== null) || ind.textNumbers.includes(cell) || /^\s*[-–—.x]?\s*$/.test(v)) continue;
          const hasDigits = /\d/.test(v);
          // A plan in words ("Duy trì") or as a change ("Giảm 1,5") is a real target, only noted.
          const severity = key === "plan" ? "info" : hasDigits ? "error" : "warning";
          out.push(
            finding(
              notANumber,
              severity,
              sheet.sheet.name,
              cell,
              `${ind.name}: ô ${what} ${cell} ghi "${v.trim().slice(0, 60)}" — ${hasDigits ? "chữ kèm số không tính được, hãy ghi một số" : "không phải số liệu"}.`,
              `${ind.name}: the ${what} cell ${cell} holds "${v.trim().slice(0, 60)}", not a figure.`,
            ),
          );
        }
      }
      out.push(...textNumberNotes(sheet));
      for (const row of stackedRows) out.push(...stackedRowFinding(sheet, row));
      for (const ind of sheet.indicators) if (ind.line === 0) out.push(...placeholderFindings(sheet, ind));
    }
    return out;
  },
};

/** An actual cell left empty, or holding a placeholder "0.00". */
function emptyActual(ind: Indicator, sheet: SheetContext): boolean {
  if (!ind.cells.actual || ind.actual !== null || ind.actualText !== null || ind.actualTarget !== null) return false;
  const raw = valueAt(sheet.sheet, ind.cells.actual);
  return isBlank(raw) || (ind.series !== null && ind.series.some((p) => p.placeholder && p.cell === ind.cells.actual));
}

export const missingValue: Rule = {
  id: "missing-value",
  severity: "warning",
  name: "Thiếu số thực hiện",
  nameEn: "Missing actual figure",
  description:
    "Chỉ tiêu có tên và đơn vị nhưng ô thực hiện để trống (trừ dòng mẹ có số liệu ở các thành phần, như “Cơ cấu kinh tế”). Khi cả cột thực hiện gần như trống (số liệu năm đó chưa có), chỉ ghi chú một lần ở tiêu đề cột.",
  check(ctx) {
    const out: Finding[] = [];
    for (const sheet of ctx.sheets) {
      const rows = sheet.indicators.filter((i) => i.line === 0 && i.cells.actual);
      const empty = rows.filter((i) => emptyActual(i, sheet));
      const column = sheet.columns.find((c) => c.role === "actual");
      // A report year whose figures are not out yet leaves the whole column empty: one note, not one per row.
      if (column && empty.length >= 3 && empty.length >= 0.8 * rows.length) {
        out.push(
          finding(
            missingValue,
            "info",
            sheet.sheet.name,
            column.headerCell,
            `Cột "${column.header}" chưa có số liệu cho ${empty.length}/${rows.length} chỉ tiêu: có lẽ số liệu năm đó chưa có.`,
            `Column "${column.header}" is empty for ${empty.length} of ${rows.length} indicators: its figures are probably not out yet.`,
          ),
        );
        continue;
      }
      // A parent whose figures are in its components (a structure) needs none of its own.
      for (const ind of empty.filter((i) => childrenOf(sheet, i).length === 0))
        out.push(
          finding(
            missingValue,
            "warning",
            sheet.sheet.name,
            ind.cells.actual as string,
            `${ind.name}: chưa có số thực hiện (ô ${ind.cells.actual} trống).`,
            `${ind.name}: the actual figure (${ind.cells.actual}) is empty.`,
          ),
        );
    }
    return out;
  },
};

/** log10 of a / b, or null when either is not positive. */
function logRatio(a: number | null, b: number | null): number | null {
  return a !== null && b !== null && a > 0 && b > 0 ? Math.log10(a / b) : null;
}

function isScaleSlip(log: number | null, band: [number, number]): boolean {
  if (log === null) return false;
  const x = Math.abs(log);
  const low = band[0];
  const high = band[1];
  return (x >= low && x <= high) || (x >= low + 3 && x <= high + 3);
}

export const unitScale: Rule = indicatorRule({
  id: "unit-scale",
  severity: "error",
  kinds: ["absolute"],
  name: "Nhầm đơn vị (gấp 1.000 lần)",
  nameEn: "Unit-scale slip (×1000)",
  description:
    "Một số liệu gấp khoảng 1.000 lần (hoặc bằng khoảng 1/1.000) các số so sánh của nó: thường là nhầm nghìn/triệu, kWh/triệu kWh.",
  each: (ind, sheet, ctx) => {
    if (ind.kind !== "absolute") return NONE;
    const band = ctx.thresholds(ind).unitScaleLog;
    const plan = ind.planTarget?.qualifier === "point" ? ind.plan : null;
    // Most rows: no pair of figures is ~1000× apart.
    if (
      !isScaleSlip(logRatio(ind.actual, ind.previous), band) &&
      !isScaleSlip(logRatio(ind.actual, plan), band) &&
      !isScaleSlip(logRatio(ind.previous, plan), band)
    )
      return NONE;
    const figures = [
      { what: "thực hiện", value: ind.actual, cell: ind.cells.actual },
      { what: "cùng kỳ", value: ind.previous, cell: ind.cells.previous },
      { what: "kế hoạch", value: plan, cell: ind.cells.plan },
    ].filter((f) => f.value !== null && f.value > 0 && f.cell);
    // The odd one out is the figure that slips against every other one.
    for (const f of figures) {
      const others = figures.filter((o) => o !== f);
      if (others.length === 0 || !others.every((o) => isScaleSlip(logRatio(f.value, o.value), band))) continue;
      if (others.length === 1 && f.what !== "thực hiện") continue;
      const o = others[0];
      const times = (f.value as number) / (o.value as number);
      return [
        finding(
          unitScale,
          "error",
          sheet.sheet.name,
          f.cell as string,
          `${ind.name}: số ${f.what} ${vi(f.value as number)} ${times > 1 ? `gấp khoảng ${vi(Math.round(times))} lần` : `chỉ bằng khoảng 1/${vi(Math.round(1 / times))}`} số ${o.what} ${vi(o.value as number)} (${ind.unit}) — có thể nhầm đơn vị.`,
          `${ind.name}: the ${f.what} ${f.value} is about ${times > 1 ? `${Math.round(times)}×` : `1/${Math.round(1 / times)} of`} the ${o.what} ${o.value}: a unit slip?`,
          {
            expected: o.value,
            actual: f.value,
          },
        ),
      ];
    }
    return NONE;
  },
});

export const growthOutlier: Rule = indicatorRule({
  id: "growth-outlier",
  severity: "warning",
  kinds: ["absolute", "rate"],
  name: "Tăng trưởng bất thường",
  nameEn: "Implausible growth",
  description:
    "Tốc độ tăng so với cùng kỳ ngoài khoảng hợp lý của loại chỉ tiêu (phần lớn chỉ tiêu dòng ±30%, GRDP −10…+20%); tăng từ 200% trở lên nên viết “gấp X lần”.",
  each: (ind, sheet, ctx) => {
    const band = ctx.thresholds(ind).growthBand;
    if (!band || !ind.cells.actual) return NONE;
    const low = band[0];
    const high = band[1];
    // A growth rate itself (GRDP, CPI) is checked as a value; a level by its growth on the same period.
    const growth = ind.kind === "rate" && ind.measure === "growth" ? ind.actual : ind.kind === "absolute" ? ind.growthPercent : null;
    if (growth === null || (growth >= low && growth <= high)) return NONE;
    if (ind.kind === "absolute" && isScaleSlip(logRatio(ind.actual, ind.previous), ctx.thresholds(ind).unitScaleLog)) return NONE;
    const multiple = ind.index !== null && ind.index >= 300 ? ` (gấp ${vi(ind.index / 100, 1)} lần)` : "";
    return [
      finding(
        growthOutlier,
        "warning",
        sheet.sheet.name,
        ind.cells.actual,
        `${ind.name}: ${growth >= 0 ? "tăng" : "giảm"} ${vi(Math.abs(growth), 1)}%${multiple} so với cùng kỳ, ngoài khoảng thường gặp ${vi(low)}…${vi(high)}%; hãy kiểm tra hoặc giải trình.`,
        `${ind.name}: ${growth.toFixed(1)}% on the same period, outside the usual ${low}…${high}%.`,
        {
          expected: growth < low ? low : high,
          actual: growth,
        },
      ),
    ];
  },
});

function paceIssue(
  ind: Indicator,
  months: number | null,
  t: { planPercentMax: number; paceLow: number; paceHigh: number },
): { message: string; messageEn: string; expected: number } | null {
  const p = ind.planPercent as number;
  if (p > t.planPercentMax) {
    return {
      message: `${ind.name}: đạt ${vi(p, 1)}% kế hoạch, trên ${vi(t.planPercentMax)}%; hãy kiểm tra số kế hoạch hoặc giải trình.`,
      messageEn: `${ind.name}: ${p.toFixed(1)}% of plan, above ${t.planPercentMax}%.`,
      expected: t.planPercentMax,
    };
  }
  if (months === null || months >= 12 || ind.measure !== "flow") return null;
  const expected = (months / 12) * 100;
  if (p >= t.paceLow * expected && p <= t.paceHigh * expected) return null;
  return {
    message: `${ind.name}: sau ${months} tháng đạt ${vi(p, 1)}% kế hoạch năm, ${p < expected ? "chậm xa so với" : "vượt xa"} tiến độ thời gian (~${vi(expected, 0)}%); hãy kiểm tra hoặc giải trình.`,
    messageEn: `${ind.name}: ${p.toFixed(1)}% of the annual plan after ${months} months, far ${p < expected ? "behind" : "ahead of"} the elapsed ${expected.toFixed(0)}%.`,
    expected,
  };
}

export const planOutlier: Rule = indicatorRule({
  id: "plan-outlier",
  severity: "warning",
  kinds: ["absolute"],
  name: "Tiến độ kế hoạch bất thường",
  nameEn: "Implausible plan progress",
  description:
    "Chỉ tiêu dòng (cộng dồn) đạt % kế hoạch năm quá xa tiến độ thời gian (dưới 0,5 hoặc trên 1,5 lần số tháng đã qua), hoặc trên 200% kế hoạch.",
  each: (ind, sheet, ctx) => {
    if (ind.planPercent === null || !ind.cells.actual) return NONE;
    const t = ctx.thresholds(ind);
    if (isScaleSlip(logRatio(ind.actual, ind.plan), t.unitScaleLog)) return NONE;
    const issue = paceIssue(ind, sheet.period?.months ?? null, t);
    return issue
      ? [
          finding(planOutlier, "warning", sheet.sheet.name, ind.cells.actual, issue.message, issue.messageEn, {
            expected: issue.expected,
            actual: ind.planPercent,
          }),
        ]
      : NONE;
  },
});

/** Whether an indicator has any figure at all (plan, actual, previous or a year of its series). */
function hasFigure(ind: Indicator): boolean {
  return (
    ind.plan !== null || ind.actual !== null || ind.previous !== null || (ind.series !== null && ind.series.some((p) => p.value !== null))
  );
}

export const missingUnit: Rule = {
  id: "missing-unit",
  severity: "warning",
  name: "Thiếu đơn vị tính",
  nameEn: "Missing unit",
  description:
    "Chỉ tiêu có số liệu nhưng không ghi đơn vị tính, trong một biểu mà các chỉ tiêu khác đều ghi: cảnh báo khi biểu có cột ĐVT, ghi chú khi đơn vị được ghi trong tên chỉ tiêu. Chỉ số và hệ số (HDI, ICOR) không cần đơn vị. Trong lời văn: con số không ghi đơn vị.",
  check(ctx) {
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
          finding(
            missingUnit,
            unitColumn ? "warning" : "info",
            sheet.sheet.name,
            ind.cells.unit,
            `${ind.name}: có số liệu nhưng không ghi đơn vị tính (${unitColumn ? `ô ${ind.cells.unit} trống` : "tên không ghi đơn vị trong ngoặc"}), trong khi ${withUnit} chỉ tiêu khác của biểu đều ghi.`,
            `${ind.name}: figures with no unit (${ind.cells.unit}), while ${withUnit} other indicators of the table have one.`,
          ),
        );
      }
    }
    return out;
  },
};

/** "Vượt 0,2%" or "tăng 0,3%" written about a rate: the change of a rate is in percentage points. */
const RATE_CHANGE_IN_PERCENT = /^(vuot|tang|giam|cao hon|thap hon|hon)\s*[+-]?\d+(,\d+)?\s*%/;
/** "Tỷ lệ hộ nghèo giảm", "Mức giảm tỷ lệ …": the size of a change of a rate. */
const RATE_CHANGE_NAME = /^(muc (giam|tang) )?ty le .*\b(giam|tang)\s*$|^muc (giam|tang) ty le\b/;

export const ratePoints: Rule = indicatorRule({
  id: "rate-points",
  severity: "warning",
  kinds: ["rate"],
  name: "Chênh lệch của tỷ lệ ghi bằng %",
  nameEn: "Change of a rate written in %",
  description:
    "Chênh lệch giữa hai tỷ lệ (so với kế hoạch, so với cùng kỳ) tính bằng điểm phần trăm, không phải %: “vượt 0,2 điểm %”, không phải “vượt 0,2%”. Cảnh báo khi cột đánh giá ghi như vậy cho một chỉ tiêu tỷ lệ; ghi chú khi một chỉ tiêu là mức tăng, giảm của một tỷ lệ mà đơn vị ghi %. Trong lời văn: thay đổi của một tỷ lệ viết bằng %.",
  each: (ind, sheet) => {
    if (ind.kind !== "rate") return NONE;
    let out: Finding[] | null = null;
    const stated = ind.stated.evaluation;
    if (stated && ind.cells.evaluation && RATE_CHANGE_IN_PERCENT.test(fold(stated)))
      (out ??= []).push(
        finding(
          ratePoints,
          "warning",
          sheet.sheet.name,
          ind.cells.evaluation,
          `${ind.name} là chỉ tiêu tỷ lệ: ô ${ind.cells.evaluation} ghi "${stated}" — chênh lệch của tỷ lệ tính bằng điểm phần trăm${ind.planGapPoints !== null ? ` (${vi(Math.abs(ind.planGapPoints))} điểm phần trăm)` : ""}, không phải %.`,
          `${ind.name} is a rate: "${stated}" should be in percentage points, not %.`,
        ),
      );
    if (
      ind.line === 0 &&
      parseUnit(ind.unit).percent &&
      /gi[aả]m|t[aă]ng/i.test(ind.name) &&
      RATE_CHANGE_NAME.test(fold(ind.name).replace(/\s*\([^)]*\)\s*$/, ""))
    )
      (out ??= []).push(
        finding(
          ratePoints,
          "info",
          sheet.sheet.name,
          ind.cells.unit,
          `${ind.name}: mức tăng, giảm của một tỷ lệ tính bằng điểm phần trăm; nên ghi đơn vị "điểm %" thay cho "%".`,
          `${ind.name}: the change of a rate is in percentage points; write the unit as "điểm %" rather than "%".`,
        ),
      );
    return out ?? NONE;
  },
});

export const unitMismatch: Rule = indicatorRule({
  id: "unit-mismatch",
  severity: "warning",
  name: "Đơn vị khác danh mục",
  nameEn: "Unit unlike the catalogue's",
  description:
    "Chỉ tiêu trong danh mục đo bằng phần nghìn (‰: tỷ suất sinh, tỷ lệ tăng dân số tự nhiên) mà biểu ghi % (hoặc ngược lại): số liệu gấp hoặc bằng một phần mười lần, thường là ghi nhầm đơn vị.",
  each: (ind, sheet, ctx) => {
    const entry = ctx.entry(ind.catalogueId);
    if (!entry?.unit || ind.unit === "" || ind.line > 0) return NONE;
    const expected = parseUnit(entry.unit);
    const written = parseUnit(ind.unit);
    const swapped = (expected.perMille && written.percent) || (expected.percent && written.perMille);
    if (!swapped) return NONE;
    return [
      finding(
        unitMismatch,
        "warning",
        sheet.sheet.name,
        ind.cells.unit,
        `${ind.name} thường tính bằng ${entry.unit}, nhưng biểu ghi ${ind.unit}${ind.actual !== null ? ` (${vi(ind.actual)}${ind.unit})` : ""}: hãy kiểm tra đơn vị.`,
        `${ind.name} is usually in ${entry.unit}, but the table writes ${ind.unit}: check the unit.`,
      ),
    ];
  },
});
