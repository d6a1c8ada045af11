// Reading, checking, the narrative and filling for the pane, off its main thread: in the analysis
// worker where the browser has workers, else in the page (tests), a turn of the event loop given
// to the page first. Work can be cancelled: the worker is stopped and started afresh on the next
// request, and what it held is asked for again from the page.

import type { CheckResult } from "../../core/check";
import type { FillResult, NarrativeItem } from "../../core/fill";
import type { EditPlan } from "../../core/fill/plan";
import { applyIgnores } from "../../core/model/ignores";
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/model/snapshot";
import { RefusedFile, type OpenedFile } from "../../hosts/host";
import type { CheckSettings, PartKey, Reply, RequestBody, TemplateChoice } from "./protocol";
import { startWorker } from "./startWorker";

export type { CheckSettings, TemplateChoice } from "./protocol";

/** The official cancelled the work. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

export type OnProgress = (done: number, total: number) => void;

export interface Analyser {
  read(bytes: Uint8Array, onProgress?: OnProgress): Promise<OpenedFile>;
  /** Applies a plan to a file's bytes and reads the result. */
  write(bytes: Uint8Array, plan: EditPlan): Promise<OpenedFile & { bytes: Uint8Array }>;
  check(snapshot: WorkbookSnapshot, settings: CheckSettings, onProgress?: OnProgress): Promise<CheckResult>;
  /** The report's sentences for a check this analyser made. */
  narrative(snapshot: WorkbookSnapshot, analysis: CheckResult): Promise<NarrativeItem[]>;
  fill(snapshot: WorkbookSnapshot, analysis: CheckResult, template: TemplateChoice): Promise<FillResult>;
  cancel(): void;
}

/** The same work in the page, for a check the worker does not hold (and for the page analyser). */
async function inPage() {
  const [fill, check, standalone] = await Promise.all([
    import("../../core/fill"),
    import("../../core/check"),
    import("../../hosts/standalone"),
  ]);
  return {
    ...standalone,
    ...check,
    narrative: (snapshot: WorkbookSnapshot, analysis: CheckResult) => fill.narrative(fill.fillSource(snapshot, analysis)),
    fill: (snapshot: WorkbookSnapshot, analysis: CheckResult, template: TemplateChoice): FillResult => {
      if ("builtIn" in template) return fill.fillTemplate(snapshot, analysis, template.builtIn);
      const sheet = snapshot.sheets.find((s) => s.name === template.sheet) as SheetSnapshot;
      return fill.fillTemplate(snapshot, analysis, { sheet, from: "workbook" });
    },
  };
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

class WorkerAnalyser implements Analyser {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, Pending>();
  /** What the worker holds, by the number it knows it by. */
  private workbooks = new WeakMap<WorkbookSnapshot, number>();
  private checks = new WeakMap<CheckResult, number>();
  private plans = new WeakMap<EditPlan, number>();
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
    this.checks = new WeakMap();
    this.plans = new WeakMap();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  private opened({ reply, parts }: Answer): OpenedFile & { bytes?: Uint8Array } {
    if (reply.type === "refused") throw new RefusedFile(reply.reason, reply.reasonEn);
    if (reply.type !== "read") throw unexpected(reply);
    const snapshot: WorkbookSnapshot = { sheets: (parts.sheets ?? []) as SheetSnapshot[] };
    this.workbooks.set(snapshot, reply.workbook);
    return { snapshot, ignores: reply.ignores, ...(reply.bytes ? { bytes: reply.bytes } : {}) };
  }

  async read(bytes: Uint8Array, onProgress?: OnProgress): Promise<OpenedFile> {
    return this.opened(await this.send({ op: "read", bytes }, onProgress));
  }

  async write(bytes: Uint8Array, plan: EditPlan): Promise<OpenedFile & { bytes: Uint8Array }> {
    const written = this.opened(await this.send({ op: "write", bytes, plan: this.plans.get(plan) ?? plan }));
    return { ...written, bytes: written.bytes as Uint8Array };
  }

  async check(snapshot: WorkbookSnapshot, settings: CheckSettings, onProgress?: OnProgress): Promise<CheckResult> {
    this.aheadProgress = onProgress;
    const { reply, parts } = await this.send({ op: "check", workbook: this.workbooks.get(snapshot) ?? snapshot, settings }, onProgress);
    if (reply.type !== "checked") throw unexpected(reply);
    if (!this.workbooks.has(snapshot)) this.workbooks.set(snapshot, reply.check);
    const findings = (parts.findings ?? []) as CheckResult["findings"];
    const result: CheckResult = {
      ...reply.result,
      indicators: (parts.indicators ?? []) as CheckResult["indicators"],
      findings,
      ...applyIgnores(findings, settings.ignores ?? []),
    };
    this.checks.set(result, reply.check);
    return result;
  }

  async narrative(snapshot: WorkbookSnapshot, analysis: CheckResult): Promise<NarrativeItem[]> {
    const check = this.checks.get(analysis);
    if (check !== undefined) {
      const { reply, parts } = await this.send({ op: "narrative", check });
      if (reply.type === "narrated") return (parts.items ?? []) as NarrativeItem[];
    }
    return (await inPage()).narrative(snapshot, analysis);
  }

  async fill(snapshot: WorkbookSnapshot, analysis: CheckResult, template: TemplateChoice): Promise<FillResult> {
    const check = this.checks.get(analysis);
    if (check !== undefined) {
      const { reply, parts } = await this.send({ op: "fill", check, template });
      if (reply.type === "filled") {
        const { plan } = reply.result;
        if (!plan) return reply.result;
        plan.sheets.forEach((sheet, i) => (sheet.cells = (parts[`cells.${i}`] ?? []) as typeof sheet.cells));
        this.plans.set(plan, reply.fill);
        return { plan, problems: [] };
      }
    }
    return (await inPage()).fill(snapshot, analysis, template);
  }

  cancel(): void {
    this.fail(new Cancelled());
  }
}

/** In the page: the same work, after giving the page a turn to draw its progress. */
class PageAnalyser implements Analyser {
  private generation = 0;

  private async turn<T>(work: () => Promise<T> | T): Promise<T> {
    const generation = this.generation;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (generation !== this.generation) throw new Cancelled();
    const result = await work();
    if (generation !== this.generation) throw new Cancelled();
    return result;
  }

  read(bytes: Uint8Array): Promise<OpenedFile> {
    return this.turn(async () => (await inPage()).readFileInPage(bytes));
  }

  write(bytes: Uint8Array, plan: EditPlan): Promise<OpenedFile & { bytes: Uint8Array }> {
    return this.turn(async () => {
      const { applyPlanToBytes } = await import("../../hosts/xlsx/applyPlan");
      const written = await applyPlanToBytes(bytes, plan);
      return { ...(await (await inPage()).readFileInPage(written)), bytes: written };
    });
  }

  check(snapshot: WorkbookSnapshot, settings: CheckSettings, onProgress?: OnProgress): Promise<CheckResult> {
    return this.turn(async () => (await inPage()).checkWorkbook(snapshot, { ...settings, onSheet: onProgress }));
  }

  narrative(snapshot: WorkbookSnapshot, analysis: CheckResult): Promise<NarrativeItem[]> {
    return this.turn(async () => (await inPage()).narrative(snapshot, analysis));
  }

  fill(snapshot: WorkbookSnapshot, analysis: CheckResult, template: TemplateChoice): Promise<FillResult> {
    return this.turn(async () => (await inPage()).fill(snapshot, analysis, template));
  }

  cancel(): void {
    this.generation++;
  }
}

/** The analyser of this page: a worker where there can be one. */
export function pageAnalyser(): Analyser {
  const probe = startWorker();
  if (!probe) return new PageAnalyser();
  let first: Worker | null = probe;
  return new WorkerAnalyser(() => {
    const worker = first ?? (startWorker() as Worker);
    first = null;
    return worker;
  });
}
