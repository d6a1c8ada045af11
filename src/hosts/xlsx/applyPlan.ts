// Applies an edit plan to a workbook file with ExcelJS: the user's sheets are loaded and saved
// as they are; the plan only adds sheets (replacing the one chitieu generated earlier, in its
// place). Formulas are written without Excel's cached results being trusted: the file asks for a
// full recalculation when it is opened.

import ExcelJS from "exceljs";
import type { EditPlan, PlanStyle, PlannedCell, SheetCopy, SheetPlan } from "../../core/fill/plan";
import { moveFormula, moveRanges, RowMap } from "../../core/fill/references";
import { WorkbookInputError } from "./readWorkbook";

const FONT = "Times New Roman";
/** Functions newer than Excel 2007 are stored with a prefix in the file; the UI shows them without. */
const FUTURE_FUNCTIONS = /\b(NUMBERVALUE|IFNA|CONCAT|TEXTJOIN|IFS|XLOOKUP)\(/g;

export function fileFormula(formula: string): string {
  return formula.replace(FUTURE_FUNCTIONS, (_, name: string) => `_xlfn.${name}(`);
}

function excelStyle(style: PlanStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  out.font = {
    name: FONT,
    size: style.size ?? 12,
    bold: style.bold,
    italic: style.italic,
    ...(style.color ? { color: { argb: `FF${style.color}` } } : {}),
  };
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
  if (style.horizontal || style.vertical || style.wrap || style.indent) {
    out.alignment = { horizontal: style.horizontal, vertical: style.vertical, wrapText: style.wrap, indent: style.indent || undefined };
  }
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin" };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

/**
 * One ExcelJS style object per distinct plan style: ExcelJS recognises a style object it has seen
 * (a WeakMap by identity) instead of serialising it again for each of thousands of cells.
 */
class StyleCache {
  private readonly byObject = new WeakMap<PlanStyle, Partial<ExcelJS.Style>>();
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  get(style: PlanStyle): Partial<ExcelJS.Style> {
    let out = this.byObject.get(style);
    if (!out) {
      const key = JSON.stringify(style);
      out = this.byKey.get(key);
      if (!out) {
        out = excelStyle(style);
        this.byKey.set(key, out);
      }
      this.byObject.set(style, out);
    }
    return out;
  }
}

const PLAIN: Partial<ExcelJS.Style> = { font: { name: FONT, size: 12 } };

function writeCell(sheet: ExcelJS.Worksheet, planned: PlannedCell, copied: boolean, styles: StyleCache): void {
  const cell = sheet.getCell(planned.address);
  if (planned.formula !== undefined) {
    cell.value = { formula: fileFormula(planned.formula), result: planned.value ?? undefined } as ExcelJS.CellFormulaValue;
  } else {
    // Strings stay strings: ExcelJS never reads "=…" text as a formula.
    cell.value = planned.value ?? null;
  }
  if (planned.style) {
    // A copied template cell keeps its own style; the plan only adds what it names.
    if (copied) {
      if (planned.style.numberFormat) cell.numFmt = planned.style.numberFormat;
    } else {
      cell.style = styles.get(planned.style);
    }
  } else if (!copied) {
    cell.style = PLAIN;
  }
}

/** Copies a template sheet into `target`, expanding its repeated rows. */
function copySheet(from: ExcelJS.Worksheet, target: ExcelJS.Worksheet, copy: SheetCopy): void {
  const map = new RowMap(copy.repeats);
  from.columns?.forEach((column, i) => {
    const to = target.getColumn(i + 1);
    if (column.width) to.width = column.width;
    if (column.hidden) to.hidden = true;
  });
  from.eachRow({ includeEmpty: true }, (row, r) => {
    const times = map.times(r);
    for (let k = 0; k < times; k++) {
      const to = target.getRow(map.row(r) + k);
      if (row.height) to.height = row.height;
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const out = to.getCell(c);
        out.style = JSON.parse(JSON.stringify(cell.style ?? {}));
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (cell.formula) {
          out.value = {
            formula: moveFormula(cell.formula, map, from.name, times > 1 ? r : null, k),
            result: undefined,
          } as unknown as ExcelJS.CellFormulaValue;
        } else {
          out.value = JSON.parse(JSON.stringify(cell.value ?? null));
        }
      });
    }
  });
  for (const range of (from.model as unknown as { merges?: string[] }).merges ?? []) {
    const [a, b] = range.split(":");
    const top = Number(a.replace(/^\D+/, ""));
    const bottom = Number((b ?? a).replace(/^\D+/, ""));
    if (top === bottom && map.times(top) > 1) {
      for (let k = 0; k < map.times(top); k++)
        target.mergeCells(`${a.replace(/\d+$/, "")}${map.row(top) + k}:${(b ?? a).replace(/\d+$/, "")}${map.row(top) + k}`);
    } else {
      target.mergeCells(moveRanges(range, map));
    }
  }
  const formats =
    (from as unknown as { conditionalFormattings?: Array<{ ref: string; rules: ExcelJS.ConditionalFormattingRule[] }> })
      .conditionalFormattings ?? [];
  for (const cf of formats) target.addConditionalFormatting({ ref: moveRanges(cf.ref, map), rules: JSON.parse(JSON.stringify(cf.rules)) });
  target.pageSetup = { ...from.pageSetup, printArea: undefined, printTitlesRow: undefined };
  if (from.views?.length) target.views = JSON.parse(JSON.stringify(from.views));
}

/** ExcelJS orders sheets by this field, which its typings leave out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

function applySheet(workbook: ExcelJS.Workbook, plan: SheetPlan, template: ExcelJS.Workbook | null): void {
  let orderNo: number | null = null;
  if (plan.replaces !== null) {
    const old = workbook.getWorksheet(plan.replaces);
    if (old) {
      orderNo = (old as Ordered).orderNo;
      workbook.removeWorksheet(old.id);
    }
  }
  const sheet = workbook.addWorksheet(plan.name);
  if (orderNo !== null) (sheet as Ordered).orderNo = orderNo;
  if (plan.copy) {
    const book = plan.copy.from === "template" ? template : workbook;
    const from = book?.getWorksheet(plan.copy.sheet);
    if (!from) throw new WorkbookInputError(`không thấy trang mẫu "${plan.copy.sheet}"`, `template sheet "${plan.copy.sheet}" not found`);
    copySheet(from, sheet, plan.copy);
  }
  for (const column of plan.columns ?? []) sheet.getColumn(column.column).width = column.width;
  const styles = new StyleCache();
  for (const planned of plan.cells) writeCell(sheet, planned, plan.copy !== undefined, styles);
  for (const range of plan.merges) sheet.mergeCells(range);
  if (plan.printTitleRows) sheet.pageSetup.printTitlesRow = `${plan.printTitleRows.first}:${plan.printTitleRows.last}`;
  if (plan.landscape)
    Object.assign(sheet.pageSetup, { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  if (plan.frozenRows) sheet.views = [{ state: "frozen", ySplit: plan.frozenRows, xSplit: 0 }];
}

/**
 * A workbook loaded by ExcelJS to be written. Its XML parser is strict where the reader is lenient
 * (a stray character, an unquoted attribute): such a file is refused in one line, as damaged.
 */
async function loadForWriting(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw damaged(error);
  }
  return workbook;
}

function damaged(error: unknown): WorkbookInputError {
  return new WorkbookInputError(
    "tệp có phần bị hỏng: đọc được để kiểm tra nhưng không ghi lại được; hãy mở bằng Excel, lưu lại rồi thử lại",
    `the file is damaged: readable for checking but not for writing (${String((error as Error)?.message ?? error).slice(0, 80)})`,
  );
}

/**
 * The workbook's bytes with the plan applied. `template` holds the bytes of a template file when a
 * plan copies a sheet from one.
 */
export async function applyPlanToBytes(bytes: Uint8Array, plan: EditPlan, template: Uint8Array | null = null): Promise<Uint8Array> {
  const workbook = await loadForWriting(bytes);
  const templateBook = template ? await loadForWriting(template) : null;
  try {
    for (const sheet of plan.sheets) applySheet(workbook, sheet, templateBook);
    const styles = new StyleCache();
    for (const write of plan.writes ?? []) {
      const sheet = workbook.getWorksheet(write.sheet);
      if (!sheet) throw new WorkbookInputError(`không thấy trang "${write.sheet}"`, `sheet "${write.sheet}" not found`);
      // Into the user's sheet: the cell keeps its own style, only the number format is set.
      for (const planned of write.cells) writeCell(sheet, planned, true, styles);
    }
    // A damaged workbook part can leave ExcelJS without calculation properties.
    workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  } catch (error) {
    if (error instanceof WorkbookInputError) throw error;
    // ExcelJS took in a damaged part it cannot write back: the file is refused as damaged; the
    // English half keeps ExcelJS's words for whoever looks into it.
    throw damaged(error);
  }
}
