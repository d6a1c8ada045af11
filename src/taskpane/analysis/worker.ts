// The analysis worker: reads .xlsx files, checks workbooks and texts, writes the narrative, fills
// templates and writes the package, all off the pane's main thread, so that a 60-sheet workbook never freezes
// the pane. Loaded by startWorker (webpack bundles it on its own).

import { checkWorkbook, type CheckResult } from "../../core/check";
import type { NarrativeItem } from "../../core/fill";
import type { EditPlan } from "../../core/fill/plan";
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/model/snapshot";
import { applyPlanToBytes } from "../../hosts/xlsx/applyPlan";
import { WorkbookInputError } from "../../hosts/xlsx/readWorkbook";
import { readWorkbookWithIgnores } from "../../hosts/xlsx/settings";
import { indicatorRow, narrativePreview, PART_SIZE, type CheckSettings, type PartKey, type Reply, type Request } from "./protocol";
import { comparedWith, fillChoice, narrativeOf, textChecked, UnusableEarlier } from "./work";

const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(reply: Reply): void };
let lastRead: { id: number; snapshot: WorkbookSnapshot } | null = null;
let lastCheck: { id: number; snapshot: WorkbookSnapshot; result: CheckResult } | null = null;
let lastFill: { id: number; plan: EditPlan } | null = null;
/** The narrative of the last check, written once however many times the preview grows. */
let lastNarrative: { check: number; items: NarrativeItem[] } | null = null;
/**
 * The check of a workbook just read, made before the pane asks for it with the settings it asks
 * with for a new file (no year, no period, the file's ignores): the pane meanwhile unpacks the sheets.
 */
let ahead: { workbook: number; settings: string; result: CheckResult } | null = null;

const settingsKey = (settings: CheckSettings) =>
  JSON.stringify([settings.reportYear ?? null, settings.period ?? null, settings.ignores ?? []]);

function parts(id: number, key: PartKey, items: readonly unknown[]): void {
  for (let i = 0; i < items.length; i += PART_SIZE) scope.postMessage({ id, type: "part", key, items: items.slice(i, i + PART_SIZE) });
}

/** A workbook's sheets, then each sheet's rows, in parts; then what closes the reply. */
const progressOf = (id: number) => (done: number, total: number) => scope.postMessage({ id, type: "progress", done, total });

/**
 * Reads `bytes` and sends the sheets in parts. After a write, `kept` gives for a sheet the plan
 * left as it was its index in the page's snapshot before: the page keeps its own copy of it.
 */
async function read(
  id: number,
  bytes: Uint8Array,
  withBytes: boolean,
  kept: (sheet: SheetSnapshot) => number = () => -1,
): Promise<Reply | null> {
  try {
    const { snapshot, ignores } = await readWorkbookWithIgnores(bytes);
    lastRead = { id, snapshot };
    snapshot.sheets.forEach((sheet, i) => {
      const before = kept(sheet);
      if (before >= 0) return scope.postMessage({ id, type: "part", key: "sheets", items: [{ kept: before }] });
      const { values, numberFormats, ...rest } = sheet;
      // The sheet without its rows (an empty list of formats says it has them, to come in parts).
      scope.postMessage({
        id,
        type: "part",
        key: "sheets",
        items: [{ ...rest, values: [], ...(numberFormats ? { numberFormats: [] } : {}) }],
      });
      parts(id, `values.${i}`, values);
      if (numberFormats) parts(id, `formats.${i}`, numberFormats);
    });
    scope.postMessage({ id, type: "read", ignores, workbook: id, ...(withBytes ? { bytes } : {}) });
    // After a write the pane checks with the year it has: nothing to do ahead.
    if (withBytes) return null;
    const settings = { reportYear: null, ignores };
    ahead = { workbook: id, settings: settingsKey(settings), result: checkWorkbook(snapshot, { ...settings, onSheet: progressOf(id) }) };
    return null;
  } catch (error) {
    if (error instanceof WorkbookInputError) return { id, type: "refused", reason: error.reason, reasonEn: error.reasonEn };
    throw error;
  }
}

const gone = (id: number): Reply => ({ id, type: "gone" });

async function answer(request: Request): Promise<Reply | null> {
  const { id } = request;
  switch (request.op) {
    case "read":
      return read(id, request.bytes, false);
    case "write": {
      const plan = typeof request.plan === "number" ? (lastFill?.id === request.plan ? lastFill.plan : null) : request.plan;
      if (!plan) return gone(id);
      // The sheets the plan neither adds, replaces nor writes into stay the page's own: only the rest crosses.
      const previous = request.before !== undefined && lastRead?.id === request.before ? lastRead.snapshot.sheets : [];
      const touched = new Set([...plan.sheets.map((s) => s.name), ...(plan.writes ?? []).map((w) => w.sheet)]);
      const kept = (sheet: SheetSnapshot) => (touched.has(sheet.name) ? -1 : previous.findIndex((s) => s.name === sheet.name));
      return read(id, await applyPlanToBytes(request.bytes, plan), true, kept);
    }
    case "check": {
      const snapshot =
        typeof request.workbook === "number" ? (lastRead?.id === request.workbook ? lastRead.snapshot : null) : request.workbook;
      if (!snapshot) return gone(id);
      // A workbook sent whole (read by Excel) is kept like one read here.
      if (typeof request.workbook !== "number") lastRead = { id, snapshot };
      const made = ahead?.workbook === request.workbook && ahead.settings === settingsKey(request.settings) ? ahead.result : null;
      const result = made ?? checkWorkbook(snapshot, { ...request.settings, onSheet: progressOf(id) });
      lastCheck = { id, snapshot, result };
      parts(id, "rows", result.indicators.map(indicatorRow));
      parts(id, "findings", result.findings);
      const { reportYear, reportYearSource, sheets } = result;
      return { id, type: "checked", result: { reportYear, reportYearSource, sheets }, check: id };
    }
    case "indicators":
      if (lastCheck?.id !== request.check) return gone(id);
      parts(
        id,
        "indicators",
        lastCheck.result.indicators.filter((i) => i.sheet === request.sheet),
      );
      return { id, type: "indicators" };
    case "text": {
      if (lastCheck?.id !== request.check) return gone(id);
      return { id, type: "text", result: textChecked(request.text, lastCheck.result) };
    }
    case "compare": {
      if (lastCheck?.id !== request.check) return gone(id);
      try {
        const current = { file: request.file, snapshot: lastCheck.snapshot, analysis: lastCheck.result };
        return { id, type: "compared", result: await comparedWith(current, request.earlier, request.pairs) };
      } catch (error) {
        if (!(error instanceof UnusableEarlier)) throw error;
        return { id, type: "unusable", file: error.file, reason: error.reason, reasonEn: error.reasonEn };
      }
    }
    case "narrative": {
      if (lastCheck?.id !== request.check) return gone(id);
      if (lastNarrative?.check !== request.check)
        lastNarrative = { check: request.check, items: narrativeOf(lastCheck.snapshot, lastCheck.result) };
      const { items, ...rest } = narrativePreview(lastNarrative.items, request.count);
      parts(id, "items", items);
      return { id, type: "narrated", ...rest };
    }
    case "fill": {
      if (lastCheck?.id !== request.check) return gone(id);
      const filled = fillChoice(lastCheck.snapshot, lastCheck.result, request.template);
      if (!filled) return gone(id);
      if (!filled.plan) return { id, type: "filled", result: filled, fill: id };
      lastFill = { id, plan: filled.plan };
      if (request.cells) filled.plan.sheets.forEach((sheet, i) => parts(id, `cells.${i}`, sheet.cells));
      const sheets = filled.plan.sheets.map((sheet) => ({ ...sheet, cells: [] }));
      return { id, type: "filled", result: { ...filled, plan: { ...filled.plan, sheets } }, fill: id };
    }
  }
}

scope.onmessage = (event) => {
  answer(event.data).then(
    (reply) => reply && scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ id: event.data.id, type: "failed", message: String((error as Error)?.message ?? error) }),
  );
};
