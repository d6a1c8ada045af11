// The Office.js host: the only place where Excel.run appears. Reading takes two round trips (the
// sheet list, then every sheet's used range with values, number formats and merged areas); only
// when Excel on the web refuses a response over its 5 MB limit does it read again in row blocks.
// Writing applies a whole plan in batches kept under that limit, with calculation and (where the
// API allows) screen updating suspended. Marks are conditional formats carrying chitieu's
// signature, so that removing them never touches the user's own formatting.

import type { EditPlan, PlannedCell, PlanStyle, SheetPlan, SheetWrite } from "../core/fill/plan";
import type { Finding } from "../core/model/findings";
import { parseIgnores, type Ignore } from "../core/model/ignores";
import { columnLetters, parseAddress, type Area, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../core/model/snapshot";
import { cellMarks, HostError, IGNORES_SETTING, MARK_COLORS, type WorkbookHost } from "../hosts/host";

/** Requests and responses in Excel on the web are limited to 5 MB: stay well under it. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** Rough bytes a cell costs in a request or response, beyond its text. */
const CELL_OVERHEAD = 24;
/** Signature in the formula of every mark: how chitieu finds its own conditional formats. */
export const MARK_SIGNATURE = '"chitieu"<>""';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** Excel.run on a context already used: event handlers must be removed in the context that added them. */
type RunIn = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions {
  run?: Run;
  runIn?: RunIn;
  /** Excel.run that waits while the user edits a cell, instead of failing (reads, often in the background). */
  runAfterEdit?: Run;
  /** Office.context.requirements.isSetSupported, injectable for tests. */
  supports?: (version: string) => boolean;
  settings?: Office.Settings;
  payloadBudget?: number;
}

function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? "";
  return (
    /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(code) ||
    /payload/i.test(String((error as Error)?.message ?? ""))
  );
}

/** What a smaller request may get through: a payload limit, or the GeneralException large reads end in. */
function isSizeError(error: unknown): boolean {
  return isPayloadError(error) || (error as { code?: string })?.code === "GeneralException";
}

/** Office errors explained for the official. */
export function explain(error: unknown): Error {
  if (error instanceof HostError) return error;
  const code = (error as { code?: string })?.code ?? "";
  const message = String((error as Error)?.message ?? error);
  if (code === "InvalidOperation" && /protect/i.test(message)) {
    return new HostError(
      "Trang tính đang được bảo vệ nên chitieu không ghi được.",
      "Hãy bỏ bảo vệ trang (Review › Unprotect Sheet) rồi thử lại.",
      "The sheet is protected.",
      "Unprotect the sheet (Review › Unprotect Sheet), then try again.",
    );
  }
  if (code === "AccessDenied")
    return new HostError(
      "Excel không cho phép ghi vào bảng tính này.",
      "Hãy kiểm tra bảng tính không ở chế độ chỉ đọc, rồi thử lại.",
      "Excel does not allow writing into this workbook.",
      "Check that the workbook is not read-only, then try again.",
    );
  if (code === "ApiNotFound")
    return new HostError(
      "Phiên bản Excel này quá cũ cho chức năng này.",
      "Hãy cập nhật Excel (Microsoft 365 hoặc Excel 2019 trở lên) hoặc dùng chitieu ngoài Excel.",
      "This version of Excel is too old for this feature.",
      "Update Excel (Microsoft 365 or Excel 2019 and later), or use chitieu outside Excel.",
    );
  if (code === "InvalidOperationInCellEditMode")
    return new HostError(
      "Excel đang ở chế độ sửa ô.",
      "Hãy nhấn Enter hoặc Esc để kết thúc việc sửa ô, rồi thử lại.",
      "Excel is editing a cell.",
      "Press Enter or Esc to finish editing the cell, then try again.",
    );
  if (code === "InvalidSelection")
    return new HostError(
      "Vùng đang chọn không phải là các ô.",
      "Hãy chọn các ô chứa lời văn (không phải biểu đồ hay hình), rồi thử lại.",
      "The selection is not a range of cells.",
      "Select the cells holding the text (not a chart or a shape), then try again.",
    );
  return new HostError(
    `Excel báo lỗi: ${message}`,
    "Hãy thử lại; nếu vẫn lỗi, lưu bảng tính, mở lại và chạy lại chitieu.",
    `Excel reports an error: ${message}`,
    "Try again; if it persists, save the workbook, reopen it and run chitieu again.",
  );
}

function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  const text = String(value);
  return /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)$/.test(text) ? { error: text } : text;
}

function areaOf(a1: string): Area | null {
  const local = a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1;
  const [from, to = from] = local.replace(/\$/g, "").split(":");
  const a = parseAddress(from);
  const b = parseAddress(to);
  return a && b ? { top: a.row, left: a.col, bottom: b.row, right: b.col } : null;
}

/** Builds a sheet snapshot from a block of rows read at (top, left). */
function fill(
  target: { values: CellValue[][]; numberFormats: (string | null)[][] },
  top: number,
  left: number,
  values: unknown[][],
  formats: unknown[][],
): void {
  values.forEach((row, r) => {
    const outValues = (target.values[top + r] ??= []);
    const outFormats = (target.numberFormats[top + r] ??= []);
    row.forEach((v, c) => {
      const value = cellValue(v);
      outValues[left + c] = value;
      const format = formats[r]?.[c];
      if (typeof value === "number" && typeof format === "string" && format !== "General") outFormats[left + c] = format;
    });
  });
}

function finish(
  name: string,
  hidden: boolean,
  data: { values: CellValue[][]; numberFormats: (string | null)[][] },
  merges: Area[],
): SheetSnapshot {
  for (let r = 0; r < data.values.length; r++) {
    data.values[r] ??= [];
    for (let c = 0; c < data.values[r].length; c++) if (data.values[r][c] === undefined) data.values[r][c] = null;
  }
  return { name, values: data.values, numberFormats: data.numberFormats, merges, hidden };
}

/** The text a formula cell gets in Range.formulas: numbers as numbers, text never run as a formula. */
export function formulaCell(cell: PlannedCell): string | number | boolean | null {
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  return /^[=+\-@]/.test(v) ? `'${v}` : v;
}

function cellBytes(cell: PlannedCell): number {
  return (
    CELL_OVERHEAD + (cell.formula?.length ?? 0) + (typeof cell.value === "string" ? cell.value.length * 2 : 8) + (cell.style ? 120 : 0)
  );
}

/** A plan's cells as rows in sheet order, each row's cells in column order with their columns. */
type PlannedRow = Array<{ cell: PlannedCell; col: number }>;

function plannedRows(cells: readonly PlannedCell[]): PlannedRow[] {
  const byRow = new Map<number, PlannedRow>();
  for (const cell of cells) {
    const at = parseAddress(cell.address);
    if (!at) continue;
    const row = byRow.get(at.row) ?? [];
    row.push({ cell, col: at.col });
    byRow.set(at.row, row);
  }
  return [...byRow.keys()].sort((a, b) => a - b).map((r) => (byRow.get(r) as PlannedRow).sort((a, b) => a.col - b.col));
}

/** Rows grouped into blocks whose cells fit the payload budget. */
function rowBlocks(rows: readonly PlannedRow[], budget: number): PlannedRow[][] {
  const blocks: PlannedRow[][] = [];
  let block: PlannedRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const rowBytes = row.reduce((n, c) => n + cellBytes(c.cell), 0);
    if (block.length > 0 && bytes + rowBytes > budget) {
      blocks.push(block);
      block = [];
      bytes = 0;
    }
    block.push(row);
    bytes += rowBytes;
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

function applyStyle(range: Excel.Range, style: PlanStyle): void {
  const font = range.format.font;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.size !== undefined) font.size = style.size;
  if (style.color) font.color = `#${style.color}`;
  if (style.fill) range.format.fill.color = `#${style.fill}`;
  if (style.horizontal)
    range.format.horizontalAlignment = style.horizontal === "center" ? "Center" : style.horizontal === "right" ? "Right" : "Left";
  if (style.vertical) range.format.verticalAlignment = style.vertical === "middle" ? "Center" : "Top";
  if (style.wrap) range.format.wrapText = true;
  if (style.indent) range.format.indentLevel = style.indent;
  if (style.border) {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"] as const) {
      range.format.borders.getItem(edge).style = "Continuous";
    }
  }
}

/** Queues the writes of rows of cells: formulas and formats per contiguous run, styles per run of equal styles. */
/** The runs of adjacent cells of each row: one range each, for writing and for saving what it held. */
function cellRuns(rows: readonly PlannedRow[]): PlannedCell[][] {
  const runs: PlannedCell[][] = [];
  for (const row of rows) {
    let lastCol = -2;
    for (const { cell, col } of row) {
      if (col !== lastCol + 1 || runs.length === 0) runs.push([]);
      runs[runs.length - 1].push(cell);
      lastCol = col;
    }
  }
  return runs;
}

const runAddress = (run: readonly PlannedCell[]) => `${run[0].address}:${run[run.length - 1].address}`;

function queueCells(sheet: Excel.Worksheet, rows: readonly PlannedRow[], keepStyles: boolean): void {
  for (const run of cellRuns(rows)) {
    const range = sheet.getRange(runAddress(run));
    range.formulas = [run.map(formulaCell)] as unknown as string[][];
    if (run.some((c) => c.style?.numberFormat)) range.numberFormat = [run.map((c) => c.style?.numberFormat ?? (null as unknown as string))];
    if (!keepStyles) {
      let start = 0;
      for (let i = 1; i <= run.length; i++) {
        if (i === run.length || JSON.stringify(run[i].style ?? null) !== JSON.stringify(run[start].style ?? null)) {
          const style = run[start].style;
          if (style) applyStyle(sheet.getRange(`${run[start].address}:${run[i - 1].address}`), style);
          start = i;
        }
      }
    }
  }
}

/** What the last apply changed, to take it back: the cells it wrote over, the sheets it added. */
interface UndoRecord {
  cells: Array<{ sheet: string; address: string; formulas: unknown[][]; numberFormat: unknown[][] }>;
  sheets: string[];
}

export class OfficeHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private readonly run: Run;
  private readonly runIn: RunIn;
  private readonly runAfterEdit: Run;
  private readonly supports: (version: string) => boolean;
  private readonly budget: number;
  private lastSheetNames: string[] = [];
  /** Set while chitieu writes, so that its own edits do not trigger a re-check. */
  private writing = false;
  private lastApply: UndoRecord | null = null;

  constructor(private readonly options: OfficeHostOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.runIn = options.runIn ?? ((context, batch) => Excel.run(context, batch));
    this.runAfterEdit = options.runAfterEdit ?? ((batch) => Excel.run({ delayForCellEdit: true }, batch));
    this.supports = options.supports ?? ((v) => Office.context.requirements.isSetSupported("ExcelApi", v));
    this.budget = options.payloadBudget ?? PAYLOAD_BUDGET;
  }

  async read(): Promise<WorkbookSnapshot> {
    try {
      // A re-check after an edit may start while the user is still typing in a cell: wait for it.
      return await this.runAfterEdit(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/visibility");
        await context.sync();
        const merges = this.supports("1.13");
        const queued = worksheets.items.map((ws) => {
          const used = ws.getUsedRangeOrNullObject(true);
          used.load("address,values,numberFormat");
          const areas = merges
            ? (used as Excel.Range & { getMergedAreasOrNullObject(): Excel.RangeAreas }).getMergedAreasOrNullObject()
            : null;
          areas?.load("areas/items/address");
          return { ws, used, areas };
        });
        try {
          await context.sync();
        } catch (error) {
          if (isSizeError(error)) return await this.readInBlocks(context, worksheets.items);
          throw error;
        }
        // Excel gives no values for a very large range (past about five million cells): read it in blocks.
        if (queued.some(({ used }) => !used.isNullObject && (used.values == null || used.numberFormat == null)))
          return await this.readInBlocks(context, worksheets.items);
        this.lastSheetNames = worksheets.items.map((w) => w.name);
        return {
          sheets: queued.map(({ ws, used, areas }) => {
            const data = { values: [] as CellValue[][], numberFormats: [] as (string | null)[][] };
            const origin = used.isNullObject ? null : areaOf(used.address);
            if (origin) fill(data, origin.top, origin.left, used.values, used.numberFormat);
            const mergeAreas =
              areas && !areas.isNullObject ? areas.areas.items.map((a) => areaOf(a.address)).filter((a): a is Area => a !== null) : [];
            return finish(ws.name, ws.visibility !== "Visible", data, mergeAreas);
          }),
        };
      });
    } catch (error) {
      throw explain(error);
    }
  }

  /**
   * The slow path for Excel on the web and very large sheets: sizes and merged areas first, then
   * row blocks that fit the payload budget. A block that still fails for its size (a payload limit,
   * a GeneralException) or comes back without values is read again in halves, down to single rows.
   */
  private async readInBlocks(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<WorkbookSnapshot> {
    const merges = this.supports("1.13");
    const used = sheets.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("address,rowCount,columnCount");
      const areas = merges
        ? (range as Excel.Range & { getMergedAreasOrNullObject(): Excel.RangeAreas }).getMergedAreasOrNullObject()
        : null;
      areas?.load("areas/items/address");
      return { range, areas };
    });
    await context.sync();
    const data = sheets.map(() => ({ values: [] as CellValue[][], numberFormats: [] as (string | null)[][] }));
    type Block = { sheet: number; top: number; left: number; rows: number; cols: number };
    const halves = (b: Block): Block[] => {
      const upper = Math.ceil(b.rows / 2);
      return [
        { ...b, rows: upper },
        { ...b, top: b.top + upper, rows: b.rows - upper },
      ];
    };
    const read = async (blocks: Block[]): Promise<void> => {
      const queued = blocks.map((b) => {
        const range = sheets[b.sheet].getRangeByIndexes(b.top, b.left, b.rows, b.cols);
        range.load("values,numberFormat");
        return { b, range };
      });
      try {
        await context.sync();
      } catch (error) {
        if (!isSizeError(error) || blocks.every((b) => b.rows === 1)) throw error;
        const split = blocks.flatMap((b) => (b.rows > 1 ? halves(b) : [b]));
        const middle = Math.ceil(split.length / 2);
        await read(split.slice(0, middle));
        await read(split.slice(middle));
        return;
      }
      const again: Block[] = [];
      for (const { b, range } of queued) {
        if (range.values == null || range.numberFormat == null) {
          if (b.rows === 1)
            throw new HostError(
              "Excel không trả về số liệu của trang.",
              "Hãy lưu bảng tính rồi thử lại.",
              "Excel returned no values for the sheet.",
              "Save the workbook, then try again.",
            );
          again.push(...halves(b));
        } else fill(data[b.sheet], b.top, b.left, range.values, range.numberFormat);
      }
      if (again.length > 0) await read(again);
    };
    let pending: Block[] = [];
    let bytes = 0;
    for (let s = 0; s < sheets.length; s++) {
      if (used[s].range.isNullObject) continue;
      const area = areaOf(used[s].range.address) as Area;
      // Unknown text lengths: assume 64 bytes a cell for values and formats together.
      const cols = area.right - area.left + 1;
      const rowBytes = cols * (CELL_OVERHEAD + 64);
      const rowsPerBlock = Math.max(1, Math.floor(this.budget / rowBytes));
      for (let top = area.top; top <= area.bottom; top += rowsPerBlock) {
        const rows = Math.min(area.bottom, top + rowsPerBlock - 1) - top + 1;
        if (bytes + rows * rowBytes > this.budget && pending.length > 0) {
          await read(pending);
          pending = [];
          bytes = 0;
        }
        pending.push({ sheet: s, top, left: area.left, rows, cols });
        bytes += rows * rowBytes;
      }
    }
    if (pending.length > 0) await read(pending);
    this.lastSheetNames = sheets.map((w) => w.name);
    return {
      sheets: sheets.map((ws, s) => {
        const areas = used[s].areas;
        const mergeAreas =
          areas && !areas.isNullObject ? areas.areas.items.map((a) => areaOf(a.address)).filter((a): a is Area => a !== null) : [];
        return finish(ws.name, ws.visibility !== "Visible", data[s], mergeAreas);
      }),
    };
  }

  async apply(plan: EditPlan): Promise<void> {
    this.writing = true;
    try {
      // Kept for undo only once the whole plan is written: a half-applied plan has nothing to take back.
      this.lastApply = null;
      this.lastApply = await this.run(async (context) => {
        // What the writes will replace, saved first (one round trip) so that undo can put it back.
        const saved = (plan.writes ?? []).flatMap((write) =>
          cellRuns(plannedRows(write.cells)).map((run) => {
            const range = context.workbook.worksheets.getItem(write.sheet).getRange(runAddress(run));
            range.load("formulas,numberFormat");
            return { sheet: write.sheet, address: runAddress(run), range };
          }),
        );
        if (saved.length > 0) await context.sync();
        const record: UndoRecord = {
          cells: saved.map(({ sheet, address, range }) => ({ sheet, address, formulas: range.formulas, numberFormat: range.numberFormat })),
          sheets: plan.sheets.map((p) => p.name),
        };
        context.application.suspendApiCalculationUntilNextSync();
        if (this.supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
        let first = true;
        const nextBatch = async () => {
          await context.sync();
          context.application.suspendApiCalculationUntilNextSync();
        };
        for (const sheetPlan of plan.sheets) {
          const sheet = this.createSheet(context, sheetPlan);
          const blocks = rowBlocks(plannedRows(sheetPlan.cells), this.budget);
          for (const block of blocks) {
            if (!first) await nextBatch();
            first = false;
            queueCells(sheet, block, sheetPlan.copy !== undefined);
          }
          this.queueSheetSettings(sheet, sheetPlan);
        }
        for (const write of plan.writes ?? []) this.queueWrite(context, write);
        await context.sync();
        return record;
      });
    } catch (error) {
      throw explain(error);
    } finally {
      this.writing = false;
    }
  }

  /** Puts back what the last apply wrote over and removes the sheets it added, in one round trip. */
  async undo(): Promise<boolean> {
    const record = this.lastApply;
    if (!record) return false;
    this.writing = true;
    try {
      await this.run(async (context) => {
        for (const saved of record.cells) {
          const range = context.workbook.worksheets.getItem(saved.sheet).getRange(saved.address);
          range.formulas = saved.formulas as string[][];
          range.numberFormat = saved.numberFormat as string[][];
        }
        for (const name of record.sheets) context.workbook.worksheets.getItem(name).delete();
        await context.sync();
      });
      this.lastApply = null;
      return true;
    } catch (error) {
      throw explain(error);
    } finally {
      this.writing = false;
    }
  }

  private createSheet(context: Excel.RequestContext, plan: SheetPlan): Excel.Worksheet {
    const worksheets = context.workbook.worksheets;
    const position = plan.replaces === null ? -1 : this.lastSheetNames.indexOf(plan.replaces);
    if (plan.replaces !== null) worksheets.getItem(plan.replaces).delete();
    let sheet: Excel.Worksheet;
    if (plan.copy) {
      if (plan.copy.from === "template") {
        throw new HostError(
          "Trong Excel, mẫu phải là một trang của chính bảng tính này.",
          "Hãy chép trang mẫu vào bảng tính, hoặc dùng chitieu ngoài Excel với tệp mẫu.",
          "Inside Excel, the template must be a sheet of this workbook.",
          "Copy the template sheet into the workbook, or use chitieu outside Excel with the template file.",
        );
      }
      if (plan.copy.repeats.length > 0 && !this.supports("1.9")) {
        throw new HostError(
          "Phiên bản Excel này không sao chép được dòng lặp của mẫu.",
          "Hãy dùng Excel 2019/Microsoft 365 mới hơn, hoặc dùng chitieu ngoài Excel.",
          "This version of Excel cannot copy a template's repeated rows.",
          "Use a newer Excel (2019 or Microsoft 365), or chitieu outside Excel.",
        );
      }
      sheet = worksheets.getItem(plan.copy.sheet).copy("End");
      sheet.name = plan.name;
      for (const repeat of [...plan.copy.repeats].sort((a, b) => b.row - a.row)) {
        if (repeat.times <= 1) continue;
        const rowRange = sheet.getRange(`${repeat.row}:${repeat.row}`);
        // Inserting inside Excel moves references, merges and conditional formats natively.
        const inserted = sheet.getRange(`${repeat.row + 1}:${repeat.row + repeat.times - 1}`);
        inserted.insert("Down");
        sheet.getRange(`${repeat.row + 1}:${repeat.row + repeat.times - 1}`).copyFrom(rowRange, "All");
      }
    } else {
      sheet = worksheets.add(plan.name);
    }
    if (position >= 0) sheet.position = position;
    return sheet;
  }

  private queueSheetSettings(sheet: Excel.Worksheet, plan: SheetPlan): void {
    for (const column of plan.columns ?? []) {
      const letter = columnLetters(column.column - 1);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = Math.round(column.width * 5.6);
    }
    for (const m of plan.merges) sheet.getRange(m).merge(false);
    if (plan.frozenRows) sheet.freezePanes.freezeRows(plan.frozenRows);
    if (this.supports("1.9")) {
      if (plan.printTitleRows) sheet.pageLayout.setPrintTitleRows(`$${plan.printTitleRows.first}:$${plan.printTitleRows.last}`);
      if (plan.landscape) sheet.pageLayout.orientation = "Landscape";
      if (plan.autoFilter) sheet.autoFilter.apply(sheet.getRange(plan.autoFilter));
    }
  }

  private queueWrite(context: Excel.RequestContext, write: SheetWrite): void {
    const sheet = context.workbook.worksheets.getItem(write.sheet);
    queueCells(sheet, plannedRows(write.cells), true);
  }

  async select(sheet: string, address: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      });
    } catch (error) {
      throw explain(error);
    }
  }

  /** The text of the selected cells: each row's non-empty cells joined by a space, one line a row. */
  async selectedText(): Promise<string> {
    try {
      return await this.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("text");
        await context.sync();
        return range.text
          .map((row) => row.filter((cell) => cell.trim() !== "").join(" "))
          .filter((line) => line !== "")
          .join("\n");
      });
    } catch (error) {
      throw explain(error);
    }
  }

  async mark(findings: readonly Finding[]): Promise<void> {
    await this.clearMarks();
    this.writing = true;
    try {
      await this.run(async (context) => {
        for (const f of cellMarks(findings).values()) {
          const range = context.workbook.worksheets.getItem(f.sheet).getRange(f.cell);
          const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
          cf.custom.rule.formula = `=${MARK_SIGNATURE}`;
          cf.custom.format.fill.color = MARK_COLORS[f.severity];
        }
        await context.sync();
      });
    } catch (error) {
      throw explain(error);
    } finally {
      this.writing = false;
    }
  }

  /** Removes chitieu's marks, found by their signature: two round trips whatever the number of sheets. */
  async clearMarks(): Promise<void> {
    this.writing = true;
    try {
      await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const formats = worksheets.items.map((ws) => {
          const list = ws.getRange().conditionalFormats;
          // Types first: loading every item's custom rule throws when the sheet also holds the
          // user's colour scales or data bars (office-js #2180).
          list.load("items/type");
          return list;
        });
        await context.sync();
        const custom = formats.flatMap((list) => list.items.filter((cf) => cf.type === "Custom"));
        for (const cf of custom) cf.custom.rule.load("formula");
        await context.sync();
        for (const cf of custom) if (cf.custom.rule.formula.includes(MARK_SIGNATURE)) cf.delete();
        await context.sync();
      });
    } catch (error) {
      throw explain(error);
    } finally {
      this.writing = false;
    }
  }

  private get settings(): Office.Settings {
    return this.options.settings ?? Office.context.document.settings;
  }

  async loadIgnores(): Promise<Ignore[]> {
    return parseIgnores(this.settings.get(IGNORES_SETTING));
  }

  /** Kept in the document's settings: saved with the workbook, seen by whoever opens it next. */
  async saveIgnores(ignores: readonly Ignore[]): Promise<void> {
    this.settings.set(IGNORES_SETTING, ignores);
    await new Promise<void>((resolve, reject) =>
      this.settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded
          ? resolve()
          : reject(
              new HostError(
                "Không lưu được danh sách bỏ qua vào bảng tính.",
                "Hãy lưu bảng tính rồi thử lại.",
                `The list of ignored findings could not be saved in the workbook (${String(result.error?.message)}).`,
                "Save the workbook, then try again.",
              ),
            ),
      ),
    );
  }

  async onUserEdit(callback: () => void): Promise<() => void> {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const handler = async (event: Excel.WorksheetChangedEventArgs) => {
      if (this.writing || (event as { triggerSource?: string }).triggerSource === "ThisLocalAddin") return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(callback, 1500);
    };
    const added = await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      let handles: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[];
      if (this.supports("1.9")) {
        // One handler for every sheet, those added later included.
        handles = [worksheets.onChanged.add(handler)];
      } else {
        worksheets.load("items/name");
        await context.sync();
        handles = worksheets.items.map((ws) => ws.onChanged.add(handler));
      }
      await context.sync();
      return { context, handles };
    });
    return () => {
      if (timer) clearTimeout(timer);
      // Removed in the context that added them: from a new one, Excel ignores the removal silently
      // and the handlers pile up on every re-render.
      void this.runIn(added.context, async (context) => {
        for (const h of added.handles) h.remove();
        await context.sync();
      }).catch(() => undefined);
    };
  }
}
