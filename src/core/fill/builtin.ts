// The built-in templates. `bieu-chi-tieu`: the table of main indicators, every figure a formula
// referencing its source cell and every comparison a formula over them. `bao-cao`: the narrative
// section, one sentence per indicator with the cells it came from beside it, then the summary.

import { indicatorSentence, periodWithYear, summarySentence } from "../narrative/write";
import { valueAt } from "../rules/context";
import { romanNumeral } from "../model/period";
import { address } from "../model/snapshot";
import {
  figureFormat,
  figureFormula,
  pointFigure,
  PERCENT_FORMAT,
  pointsFormula,
  POINTS_FORMAT,
  ratioFormula,
  sheetRef,
  type FigureField,
} from "./formulas";
import { markerText } from "../model/ownSheets";
import { placeSheet, type PlannedCell, type SheetPlan } from "./plan";
import { sections, shortPeriod, type FillSource } from "./source";
import type { Indicator } from "../model/indicator";
import { CELL, GROUP, HEADER, MARKER, SUBTITLE, TITLE } from "./styles";

function title(source: FillSource, lead: string): string {
  return `${lead} ${periodWithYear(source.period, source.reportYear)}`.toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// bieu-chi-tieu

const TABLE_COLUMNS = ["STT", "Chỉ tiêu", "ĐVT", "previous", "plan", "actual", "TH/KH (%)", "TH/CK (%)", "Đánh giá"];
const TABLE_WIDTHS = [6, 46, 12, 14, 14, 14, 11, 13, 11];

function tableHeaders(source: FillSource): string[] {
  const year = source.reportYear;
  const first = source.indicators[0];
  const wording = first ? source.wording(first) : null;
  const plan = wording?.planWord === "dự toán" ? "Dự toán" : "Kế hoạch";
  const previous = year === null ? "Cùng kỳ năm trước" : source.period ? `Cùng kỳ năm ${year - 1}` : `Thực hiện năm ${year - 1}`;
  const actual = `${wording?.estimate ? "Ước thực hiện" : "Thực hiện"} ${periodWithYear(source.period, year)}`;
  return TABLE_COLUMNS.map((h) =>
    h === "previous" ? previous : h === "plan" ? `${plan} năm ${year ?? ""}`.trim() : h === "actual" ? actual : h,
  );
}

/** The formula or text that compares two figures of the row, with the value the core computed. */
function comparisonCells(
  indicator: Indicator,
  row: number,
  hasNumber: (field: FigureField) => boolean,
): { planCell: PlannedCell; previousCell: PlannedCell; evaluationCell: PlannedCell | null } {
  const [D, E, F] = ["D", "E", "F"].map((c) => `${c}${row}`);
  const dash = (addr: string): PlannedCell => ({ address: addr, value: "-", style: { ...CELL, horizontal: "center" } });
  const pointPlan = indicator.planTarget?.qualifier === "point" && hasNumber("plan");
  let planCell: PlannedCell;
  if (indicator.kind === "absolute") {
    planCell =
      pointPlan || indicator.planPercent === null
        ? {
            address: `G${row}`,
            formula: ratioFormula(F, E),
            value: indicator.planPercent ?? "-",
            style: { ...CELL, numberFormat: PERCENT_FORMAT },
          }
        : { address: `G${row}`, value: indicator.planPercent, style: { ...CELL, italic: true, numberFormat: PERCENT_FORMAT } };
  } else if (pointPlan) {
    planCell = {
      address: `G${row}`,
      formula: pointsFormula(F, E),
      value: indicator.planGapPoints ?? "-",
      style: { ...CELL, numberFormat: POINTS_FORMAT },
    };
  } else {
    planCell = dash(`G${row}`);
  }
  const previousCell: PlannedCell =
    indicator.kind === "absolute"
      ? { address: `H${row}`, formula: ratioFormula(F, D), value: indicator.index ?? "-", style: { ...CELL, numberFormat: PERCENT_FORMAT } }
      : {
          address: `H${row}`,
          formula: pointsFormula(F, D),
          value: indicator.changePoints ?? "-",
          style: { ...CELL, numberFormat: POINTS_FORMAT },
        };
  let evaluationCell: PlannedCell | null = null;
  if (indicator.evaluation !== null) {
    const better = indicator.direction === "lower" ? "<" : ">";
    evaluationCell = pointPlan
      ? {
          address: `I${row}`,
          formula: `IF(AND(ISNUMBER(${F}),ISNUMBER(${E})),IF(${F}=${E},"Đạt",IF(${F}${better}${E},"Vượt","Không đạt")),"-")`,
          value: indicator.evaluation,
          style: { ...CELL, horizontal: "center" },
        }
      : { address: `I${row}`, value: indicator.evaluation, style: { ...CELL, horizontal: "center" } };
  }
  return { planCell, previousCell, evaluationCell };
}

export function indicatorTable(source: FillSource): SheetPlan {
  const { name, replaces } = placeSheet(source.workbook, "bieu-chi-tieu", `Biểu chỉ tiêu ${shortPeriod(source.period, source.reportYear)}`);
  const cells: PlannedCell[] = [];
  const merges: string[] = ["A1:I1", "A2:I2"];
  const sourceSheets = [...new Set(source.indicators.map((i) => i.sheet))];
  cells.push({ address: "A1", value: title(source, "Các chỉ tiêu kinh tế - xã hội chủ yếu"), style: TITLE });
  cells.push({
    address: "A2",
    value: `(Số liệu là công thức tham chiếu các ô của ${sourceSheets.length === 1 ? `trang "${sourceSheets[0]}"` : `${sourceSheets.length} trang nguồn`}; TH/KH và TH/CK là công thức; chỉ tiêu tỷ lệ so sánh bằng điểm phần trăm)`,
    style: SUBTITLE,
  });
  tableHeaders(source).forEach((text, c) => cells.push({ address: address(3, c), value: text, style: HEADER }));
  let row = 5;
  let groupNumber = 0;
  let lastSheet: string | null = null;
  for (const section of sections(source.indicators)) {
    if (sourceSheets.length > 1 && section.sheet !== lastSheet) {
      cells.push({ address: `A${row}`, value: `Trang: ${section.sheet}`, style: { ...GROUP, fill: "D9D9D9" } });
      merges.push(`A${row}:I${row}`);
      row++;
      groupNumber = 0;
    }
    lastSheet = section.sheet;
    if (section.group) {
      cells.push({ address: `A${row}`, value: romanNumeral(++groupNumber), style: { ...GROUP, horizontal: "center" } });
      cells.push({ address: `B${row}`, value: section.group, style: GROUP });
      for (const c of "CDEFGHI") cells.push({ address: `${c}${row}`, value: null, style: GROUP });
      row++;
    }
    const sheet = source.sheet(section.sheet);
    const style = source.style(section.sheet);
    for (const indicator of section.indicators) {
      // Each figure's formula once: the figure's cell and the comparisons over it both ask.
      const formulas = {
        previous: figureFormula(indicator, "previous", sheet, style),
        plan: figureFormula(indicator, "plan", sheet, style),
        actual: figureFormula(indicator, "actual", sheet, style),
      };
      const hasNumber = (field: FigureField) => indicator[field] !== null && formulas[field] !== null;
      cells.push({ address: `A${row}`, value: indicator.order || null, style: { ...CELL, horizontal: "center" } });
      cells.push({
        address: `B${row}`,
        value: indicator.name,
        style: {
          ...CELL,
          wrap: true,
          indent: Math.max(0, indicator.level - 1),
          bold: indicator.level <= 1 && indicator.breakdown !== null,
        },
      });
      cells.push({ address: `C${row}`, value: indicator.unit || null, style: { ...CELL, horizontal: "center" } });
      (["previous", "plan", "actual"] as const).forEach((field, k) => {
        const at = `${"DEF"[k]}${row}`;
        const formula = formulas[field];
        // A plan written as text ("Dưới 2,5") is referenced as it is: the formula shows the text.
        const raw = valueAt(sheet, indicator.cells[field]);
        const text = typeof raw === "string" && pointFigure(indicator, field) === null ? raw : null;
        if (formula === null || (indicator[field] === null && text === null)) cells.push({ address: at, value: null, style: CELL });
        else
          cells.push({
            address: at,
            formula,
            value: text ?? indicator[field],
            style: { ...CELL, numberFormat: figureFormat(indicator, field, sheet), horizontal: text === null ? undefined : "right" },
          });
      });
      const { planCell, previousCell, evaluationCell } = comparisonCells(indicator, row, hasNumber);
      cells.push(planCell, previousCell, evaluationCell ?? { address: `I${row}`, value: null, style: CELL });
      row++;
    }
  }
  cells.push({ address: `A${row + 1}`, value: markerText("bieu-chi-tieu", name), style: MARKER });
  merges.push(`A${row + 1}:I${row + 1}`);
  return {
    name,
    replaces,
    columns: TABLE_WIDTHS.map((width, i) => ({ column: i + 1, width })),
    cells,
    merges,
    printTitleRows: { first: 4, last: 4 },
    frozenRows: 4,
    landscape: true,
  };
}

// ---------------------------------------------------------------------------------------------
// bao-cao

export type NarrativeItem =
  | { kind: "group"; text: string }
  | { kind: "sentence"; text: string; indicator: Indicator; cells: string }
  | { kind: "error"; text: string; indicator: Indicator; cells: string; rule: string; cell: string }
  | { kind: "summary"; text: string };

/** "'Biểu 01'!F11 (TH), D11 (KH), E11 (CK)": where a sentence's figures come from. */
function sourceCells(indicator: Indicator): string {
  const parts: string[] = [];
  const labels: Array<[FigureField, string]> = [
    ["actual", "TH"],
    ["plan", "KH"],
    ["previous", "CK"],
  ];
  for (const [field, label] of labels) {
    const at = indicator.cells[field];
    if (at) parts.push(`${parts.length === 0 ? sheetRef(indicator.sheet, at) : at} (${label})`);
  }
  return parts.join(", ");
}

/** The narrative, item by item: what bao-cao writes and the task pane previews. */
export function narrative(source: FillSource): NarrativeItem[] {
  const items: NarrativeItem[] = [];
  const narrated: Indicator[] = [];
  const withheld: Indicator[] = [];
  let lastGroup: string | null = null;
  for (const section of sections(source.indicators)) {
    if (section.group && section.group !== lastGroup) items.push({ kind: "group", text: section.group });
    lastGroup = section.group;
    for (const indicator of section.indicators) {
      const error = source.error(indicator);
      if (error) {
        items.push({
          kind: "error",
          text: `⚠ Chưa viết câu cho chỉ tiêu "${indicator.name}" vì số liệu có lỗi (${error.rule}, ô ${error.cell}): ${error.message}`,
          indicator,
          cells: sourceCells(indicator),
          rule: error.rule,
          cell: error.cell,
        });
        withheld.push(indicator);
        continue;
      }
      const sentence = indicatorSentence(indicator, source.wording(indicator));
      if (sentence === null) continue;
      items.push({ kind: "sentence", text: sentence, indicator, cells: sourceCells(indicator) });
      narrated.push(indicator);
    }
  }
  const summary = summarySentence(source.analysis, narrated, source.wording, withheld);
  if (summary) items.push({ kind: "summary", text: summary });
  return items;
}

export function narrativeReport(source: FillSource): SheetPlan {
  const { name, replaces } = placeSheet(source.workbook, "bao-cao", `Báo cáo ${shortPeriod(source.period, source.reportYear)}`);
  const cells: PlannedCell[] = [
    { address: "A1", value: title(source, "Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu"), style: TITLE },
    {
      address: "A2",
      value: "(Mỗi câu ghi các ô nguồn ở cột B; chỉ tiêu có lỗi số liệu không được viết thành câu mà được đánh dấu ⚠ kèm lỗi cần sửa)",
      style: SUBTITLE,
    },
    { address: "A4", value: "Nội dung", style: HEADER },
    { address: "B4", value: "Ô nguồn", style: HEADER },
  ];
  let row = 5;
  let groupNumber = 0;
  for (const item of narrative(source)) {
    switch (item.kind) {
      case "group":
        cells.push({ address: `A${row}`, value: `${romanNumeral(++groupNumber)}. ${item.text}`, style: { bold: true } });
        break;
      case "sentence":
        cells.push({ address: `A${row}`, value: item.text, style: { wrap: true, vertical: "top" } });
        cells.push({ address: `B${row}`, value: item.cells, style: { size: 9, color: "595959", vertical: "top", wrap: true } });
        break;
      case "error":
        cells.push({ address: `A${row}`, value: item.text, style: { wrap: true, vertical: "top", bold: true, color: "C00000" } });
        cells.push({ address: `B${row}`, value: item.cells, style: { size: 9, color: "595959", vertical: "top", wrap: true } });
        break;
      case "summary":
        row++;
        cells.push({ address: `A${row}`, value: item.text, style: { wrap: true, vertical: "top", italic: true } });
        break;
    }
    row++;
  }
  cells.push({ address: `A${row + 1}`, value: markerText("bao-cao", name), style: MARKER });
  return {
    name,
    replaces,
    columns: [
      { column: 1, width: 100 },
      { column: 2, width: 34 },
    ],
    cells,
    merges: ["A1:B1", "A2:B2"],
    printTitleRows: { first: 4, last: 4 },
    frozenRows: 4,
  };
}

/**
 * Plain text of the narrative, one paragraph per line, as the task pane copies it: the sentences,
 * then, when indicators were left out for errors in their figures, a closing line naming each with
 * its rule and cell, so that nothing is missing from the copy without a word.
 */
export function narrativeText(items: readonly NarrativeItem[]): string {
  const lines = items.filter((i) => i.kind !== "error").map((i) => i.text);
  const withheld = items.filter((i) => i.kind === "error");
  if (withheld.length > 0)
    lines.push(
      `(Chưa viết câu cho ${withheld.length} chỉ tiêu vì số liệu có lỗi: ${withheld
        .map((i) => `${i.indicator.name} (${i.rule}, ô ${i.cell})`)
        .join("; ")}. Sửa các lỗi này rồi sao chép lại.)`,
    );
  return lines.join("\n");
}
