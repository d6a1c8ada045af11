// Reading, checking (workbooks and texts), the narrative and filling for the pane, off its main thread: in the analysis
// worker where the browser has workers, else in the page (tests), a turn of the event loop given
// to the page first. Work can be cancelled: the worker is stopped and started afresh on the next
// request, and what it held is asked for again from the page.

import type { CheckResult } from "../../core/check";
import type { FillResult, NarrativeItem } from "../../core/fill";
import type { EditPlan } from "../../core/fill/plan";
import { applyIgnores } from "../../core/model/ignores";
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/model/snapshot";
import { HostError, RefusedFile, type OpenedFile } from "../../hosts/host";
import type { Indicator } from "../../core/model/indicator";
import type { PairOverride } from "../../core/compare";
import {
  narrativePreview,
  type CheckSettings,
  type EarlierFile,
  type PaneComparison,
  type IndicatorRow,
  type KeptSheet,
  type NarrativePreview,
  type PaneAnalysis,
  type PartKey,
  type Reply,
  type RequestBody,
  type TemplateChoice,
  type TextChecked,
} from "./protocol";
import { startWorker } from "./startWorker";

export type {
  CheckSettings,
  EarlierFile,
  IndicatorRow,
  NarrativePreview,
  PaneAnalysis,
  PaneComparison,
  TemplateChoice,
  TextChecked,
} from "./protocol";

/** The official cancelled the work. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

export type OnProgress = (done: number, total: number) => void;

export interface Analyser {
  read(bytes: Uint8Array, onProgress?: OnProgress): Promise<OpenedFile>;
  /** Applies a plan to a file's bytes and reads the result (`before`: the file's snapshot, whose untouched sheets are kept). */
  write(bytes: Uint8Array, plan: EditPlan, before?: WorkbookSnapshot): Promise<OpenedFile & { bytes: Uint8Array }>;
  check(snapshot: WorkbookSnapshot, settings: CheckSettings, onProgress?: OnProgress): Promise<PaneAnalysis>;
  /** The report's first `count` sentences and whole text, for a check this analyser made. */
  narrative(analysis: PaneAnalysis, count: number): Promise<NarrativePreview>;
  /**
   * Fills a template for a check. `cells: false` (the worker will write the plan itself, outside
   * Excel): the plan's sheets come without their cells, which stay in the worker.
   */
  fill(analysis: PaneAnalysis, template: TemplateChoice, cells?: boolean): Promise<FillResult>;
  /** One sheet's indicators whole, for its comparison columns. */
  sheetIndicators(analysis: PaneAnalysis, sheet: string): Promise<Indicator[]>;
  /** A text checked against the check's workbook, or alone. */
  checkText(analysis: PaneAnalysis | null, text: string): Promise<TextChecked>;
  /** The check (of the workbook named `file`) against earlier reports, with the pairs set by hand. */
  compare(analysis: PaneAnalysis, file: string, earlier: EarlierFile[], pairs: PairOverride[]): Promise<PaneComparison>;
  cancel(): void;
}

/** An earlier report chosen to compare with that cannot be used. */
function unusable(file: string, reason: string, reasonEn: string): HostError {
  return new HostError(
    `Không so được với "${file}": ${reason}.`,
    "Hãy chọn một báo cáo kỳ trước khác (tệp .xlsx có biểu chỉ tiêu).",
    `Cannot compare with "${file}": ${reasonEn}.`,
    "Choose another earlier report (an .xlsx file with an indicator sheet).",
  );
}

/** A report whose cells stayed in a worker that no longer holds them. */
function reportLost(): HostError {
  return new HostError(
    "Phần báo cáo vừa tạo không còn trong bộ nhớ (công việc đã bị huỷ hoặc đã tạo báo cáo khác).",
    "Hãy bấm Tạo trang báo cáo lần nữa.",
    "The report just made is no longer held (the work was cancelled, or another report was made).",
    "Press Generate report sheet again.",
  );
}

/** The same work in the page, on a whole check. */
async function inPage() {
  const [work, check, standalone] = await Promise.all([import("./work"), import("../../core/check"), import("../../hosts/standalone")]);
  return { ...work, ...check, ...standalone };
}

interface Pending {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  onProgress?: OnProgress;
  parts: Partial<Record<PartKey, unknown[]>>;
}

type Answer = { reply: Reply; parts: Partial<Record<PartKey, unknown[]>> };

function unexpected(reply: Reply): Error {
  return new Error(reply.type === "failed" ? reply.message : `unexpected reply ${reply.type}`);
}

/** What a check was made of, to make it again in a worker that lost it. */
interface CheckSource {
  check: number;
  snapshot: WorkbookSnapshot;
  settings: CheckSettings;
}

class WorkerAnalyser implements Analyser {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, Pending>();
  /** What the worker holds, by the number it knows it by. */
  private workbooks = new WeakMap<WorkbookSnapshot, number>();
  /** By the check's findings list: ignoring or restoring makes a new analysis with the same list. */
  private checks = new WeakMap<PaneAnalysis["findings"], CheckSource>();
  private plans = new WeakMap<EditPlan, number>();
  /** Plans whose cells stayed in the worker: written only by the worker that holds them. */
  private hollow = new WeakSet<EditPlan>();
  /** Where the progress of work the worker does ahead (a new file's check) goes: the latest check asked for. */
  private aheadProgress: OnProgress | undefined;

  constructor(private readonly start: () => Worker) {}

  private send(request: RequestBody, onProgress?: OnProgress, transfer: Transferable[] = []): Promise<Answer> {
    if (!this.worker) {
      const worker = this.start();
      worker.onmessage = (event: MessageEvent<Reply>) => this.receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.fail(new Error(event.message || "the analysis worker stopped"));
      };
      this.worker = worker;
    }
    const id = this.next++;
    return new Promise<Answer>((resolve, reject) => {
      const pending: Pending = { resolve: (reply) => resolve({ reply, parts: pending.parts }), reject, onProgress, parts: {} };
      this.pending.set(id, pending);
      this.worker?.postMessage({ ...request, id }, transfer);
    });
  }

  private receive(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (reply.type === "progress") return (pending?.onProgress ?? this.aheadProgress)?.(reply.done, reply.total);
    if (!pending) return;
    if (reply.type === "part") {
      const list = (pending.parts[reply.key] ??= []);
      for (const item of reply.items) list.push(item);
      return;
    }
    this.pending.delete(reply.id);
    pending.resolve(reply);
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.workbooks = new WeakMap();
    this.plans = new WeakMap();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  private opened({ reply, parts }: Answer, before?: WorkbookSnapshot): OpenedFile & { bytes?: Uint8Array } {
    if (reply.type === "refused") throw new RefusedFile(reply.reason, reply.reasonEn);
    if (reply.type !== "read") throw unexpected(reply);
    const sheets = ((parts.sheets ?? []) as Array<SheetSnapshot | KeptSheet>).map((s) =>
      "kept" in s ? (before?.sheets[s.kept] as SheetSnapshot) : s,
    );
    sheets.forEach((sheet, i) => {
      if (before?.sheets.includes(sheet)) return;
      sheet.values = (parts[`values.${i}`] ?? []) as SheetSnapshot["values"];
      if (sheet.numberFormats) sheet.numberFormats = (parts[`formats.${i}`] ?? []) as NonNullable<SheetSnapshot["numberFormats"]>;
    });
    const snapshot: WorkbookSnapshot = { sheets };
    this.workbooks.set(snapshot, reply.workbook);
    return { snapshot, ignores: reply.ignores, ...(reply.bytes ? { bytes: reply.bytes } : {}) };
  }

  async read(bytes: Uint8Array, onProgress?: OnProgress): Promise<OpenedFile> {
    return this.opened(await this.send({ op: "read", bytes }, onProgress));
  }

  async write(bytes: Uint8Array, plan: EditPlan, before?: WorkbookSnapshot): Promise<OpenedFile & { bytes: Uint8Array }> {
    const held = before ? this.workbooks.get(before) : undefined;
    const request = { op: "write" as const, bytes, plan: this.plans.get(plan) ?? plan, ...(held !== undefined ? { before: held } : {}) };
    if (this.hollow.has(plan) && typeof request.plan !== "number") throw reportLost();
    let answer = await this.send(request);
    if (answer.reply.type === "gone") {
      // The worker has filled another plan since, or was restarted: the plan goes whole, if the page has it.
      if (this.hollow.has(plan)) throw reportLost();
      answer = await this.send({ ...request, plan });
    }
    const written = this.opened(answer, held !== undefined ? before : undefined);
    return { ...written, bytes: written.bytes as Uint8Array };
  }

  private async checkIn(snapshot: WorkbookSnapshot, settings: CheckSettings, onProgress?: OnProgress): Promise<Answer & { check: number }> {
    this.aheadProgress = onProgress;
    let answer = await this.send({ op: "check", workbook: this.workbooks.get(snapshot) ?? snapshot, settings }, onProgress);
    if (answer.reply.type === "gone") {
      // The worker has read or been sent another workbook since: this one goes to it whole again.
      this.workbooks.delete(snapshot);
      answer = await this.send({ op: "check", workbook: snapshot, settings }, onProgress);
    }
    if (answer.reply.type !== "checked") throw unexpected(answer.reply);
    if (!this.workbooks.has(snapshot)) this.workbooks.set(snapshot, answer.reply.check);
    return { ...answer, check: answer.reply.check };
  }

  async check(snapshot: WorkbookSnapshot, settings: CheckSettings, onProgress?: OnProgress): Promise<PaneAnalysis> {
    const { reply, parts, check } = await this.checkIn(snapshot, settings, onProgress);
    if (reply.type !== "checked") throw unexpected(reply);
    const findings = (parts.findings ?? []) as CheckResult["findings"];
    const result: PaneAnalysis = {
      ...reply.result,
      indicators: (parts.rows ?? []) as IndicatorRow[],
      findings,
      ...applyIgnores(findings, settings.ignores ?? []),
    };
    this.checks.set(result.findings, { check, snapshot, settings });
    return result;
  }

  /** Asks about a check the worker made; a worker restarted since (after a cancel) makes it again first. */
  private async about(analysis: PaneAnalysis, request: (check: number) => RequestBody): Promise<Answer> {
    const source = this.checks.get(analysis.findings);
    if (!source) throw new Error("a check this analyser did not make");
    const answer = await this.send(request(source.check));
    if (answer.reply.type !== "gone") return answer;
    source.check = (await this.checkIn(source.snapshot, source.settings)).check;
    return this.send(request(source.check));
  }

  async narrative(analysis: PaneAnalysis, count: number): Promise<NarrativePreview> {
    const { reply, parts } = await this.about(analysis, (check) => ({ op: "narrative", check, count }));
    if (reply.type !== "narrated") throw unexpected(reply);
    const { total, withheld, text } = reply;
    return { items: (parts.items ?? []) as NarrativeItem[], total, withheld, text };
  }

  async fill(analysis: PaneAnalysis, template: TemplateChoice, cells = true): Promise<FillResult> {
    const { reply, parts } = await this.about(analysis, (check) => ({ op: "fill", check, template, cells }));
    if (reply.type !== "filled") throw unexpected(reply);
    const { plan } = reply.result;
    if (!plan) return reply.result;
    plan.sheets.forEach((sheet, i) => (sheet.cells = (parts[`cells.${i}`] ?? []) as typeof sheet.cells));
    this.plans.set(plan, reply.fill);
    if (!cells) this.hollow.add(plan);
    return { plan, problems: [] };
  }

  async sheetIndicators(analysis: PaneAnalysis, sheet: string): Promise<Indicator[]> {
    const { reply, parts } = await this.about(analysis, (check) => ({ op: "indicators", check, sheet }));
    if (reply.type !== "indicators") throw unexpected(reply);
    return (parts.indicators ?? []) as Indicator[];
  }

  async checkText(analysis: PaneAnalysis | null, text: string): Promise<TextChecked> {
    if (!analysis) return (await inPage()).textChecked(text, null);
    const { reply } = await this.about(analysis, (check) => ({ op: "text", check, text }));
    if (reply.type !== "text") throw unexpected(reply);
    return reply.result;
  }

  async compare(analysis: PaneAnalysis, file: string, earlier: EarlierFile[], pairs: PairOverride[]): Promise<PaneComparison> {
    const { reply } = await this.about(analysis, (check) => ({ op: "compare", check, file, earlier, pairs }));
    if (reply.type === "unusable") throw unusable(reply.file, reply.reason, reply.reasonEn);
    if (reply.type !== "compared") throw unexpected(reply);
    return reply.result;
  }

  cancel(): void {
    this.fail(new Cancelled());
  }
}

/** In the page: the same work, after giving the page a turn to draw its progress. */
class PageAnalyser implements Analyser {
  private generation = 0;
  /** The checks made here, whole, with their workbooks, by their findings list (as the worker's). */
  private checks = new WeakMap<PaneAnalysis["findings"], { snapshot: WorkbookSnapshot; result: CheckResult }>();

  private async turn<T>(work: () => Promise<T> | T): Promise<T> {
    const generation = this.generation;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (generation !== this.generation) throw new Cancelled();
    const result = await work();
    if (generation !== this.generation) throw new Cancelled();
    return result;
  }

  private made(analysis: PaneAnalysis): { snapshot: WorkbookSnapshot; result: CheckResult } {
    const made = this.checks.get(analysis.findings);
    if (!made) throw new Error("a check this analyser did not make");
    return made;
  }

  read(bytes: Uint8Array): Promise<OpenedFile> {
    return this.turn(async () => (await inPage()).readFileInPage(bytes));
  }

  write(bytes: Uint8Array, plan: EditPlan): Promise<OpenedFile & { bytes: Uint8Array }> {
    return this.turn(async () => (await inPage()).writeFileInPage(bytes, plan));
  }

  check(snapshot: WorkbookSnapshot, settings: CheckSettings, onProgress?: OnProgress): Promise<PaneAnalysis> {
    return this.turn(async () => {
      const result = (await inPage()).checkWorkbook(snapshot, { ...settings, onSheet: onProgress });
      this.checks.set(result.findings, { snapshot, result });
      return result;
    });
  }

  narrative(analysis: PaneAnalysis, count: number): Promise<NarrativePreview> {
    const { snapshot, result } = this.made(analysis);
    return this.turn(async () => narrativePreview((await inPage()).narrativeOf(snapshot, result), count));
  }

  fill(analysis: PaneAnalysis, template: TemplateChoice): Promise<FillResult> {
    const { snapshot, result } = this.made(analysis);
    return this.turn(async () => {
      const filled = (await inPage()).fillChoice(snapshot, result, template);
      if (!filled) throw new Error(`no template sheet "${"sheet" in template ? template.sheet : ""}"`);
      return filled;
    });
  }

  async sheetIndicators(analysis: PaneAnalysis, sheet: string): Promise<Indicator[]> {
    return this.made(analysis).result.indicators.filter((i) => i.sheet === sheet);
  }

  checkText(analysis: PaneAnalysis | null, text: string): Promise<TextChecked> {
    const result = analysis ? this.made(analysis).result : null;
    return this.turn(async () => (await inPage()).textChecked(text, result));
  }

  compare(analysis: PaneAnalysis, file: string, earlier: EarlierFile[], pairs: PairOverride[]): Promise<PaneComparison> {
    const { snapshot, result } = this.made(analysis);
    return this.turn(async () => {
      const work = await inPage();
      try {
        return await work.comparedWith({ file, snapshot, analysis: result }, earlier, pairs);
      } catch (error) {
        if (error instanceof work.UnusableEarlier) throw unusable(error.file, error.reason, error.reasonEn);
        throw error;
      }
    });
  }

  cancel(): void {
    this.generation++;
  }
}

/** An analyser over workers that `start` makes (one at a time; another after a cancel). */
export function workerAnalyser(start: () => Worker): Analyser {
  return new WorkerAnalyser(start);
}

/** The analyser of this page: a worker where there can be one. */
export function pageAnalyser(): Analyser {
  const probe = startWorker();
  if (!probe) return new PageAnalyser();
  let first: Worker | null = probe;
  return workerAnalyser(() => {
    const worker = first ?? (startWorker() as Worker);
    first = null;
    return worker;
  });
}
