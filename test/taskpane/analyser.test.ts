// The pane's analyser over the real analysis worker: the worker module runs in-process behind a
// fake Worker that copies every message both ways (structured clone, a turn of the event loop each),
// as the browser does. What the page asks by number after the worker has moved on, or after a
// cancel has restarted it, is given again and answered.
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import { checkWorkbook } from "../../src/core/check";
import { fillSource, narrative, narrativeText } from "../../src/core/fill";
import { Cancelled, workerAnalyser } from "../../src/taskpane/analysis/analyser";
import { readWorkbook } from "../../src/hosts/xlsx/readWorkbook";
import { addSheet, tempDir, writeXlsx } from "../helpers/files";
import { periodRows, Y2019_6, Y2020_6, Y2020_9, Y2019_9 } from "../helpers/periods";

interface Scope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(reply: unknown): void;
}

/** A Worker running src/taskpane/analysis/worker.ts in this process, with its own module state. */
class InProcessWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private scope: Scope;

  constructor() {
    const scope: Scope = {
      onmessage: null,
      postMessage: (reply) => {
        const data = structuredClone(reply);
        setTimeout(() => this.onmessage?.({ data }), 0);
      },
    };
    jest.isolateModules(() => {
      (globalThis as unknown as { self: Scope }).self = scope;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../../src/taskpane/analysis/worker");
    });
    this.scope = scope;
  }

  postMessage(message: unknown): void {
    const data = structuredClone(message);
    setTimeout(() => this.scope.onmessage?.({ data }), 0);
  }

  terminate(): void {
    this.scope.onmessage = null;
    this.scope.postMessage = () => undefined;
  }
}

const dir = tempDir();

async function file(name: string, year: number, months: number, now = Y2020_6, before = Y2019_6): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  addSheet(book, "Biểu 01", periodRows(year, months, now, before));
  return new Uint8Array(fs.readFileSync(await writeXlsx(book, dir, name)));
}

function analyser() {
  const started: InProcessWorker[] = [];
  const it = workerAnalyser(() => {
    const worker = new InProcessWorker();
    started.push(worker);
    return worker as unknown as Worker;
  });
  return { it, started };
}

test("read, check, narrative, fill and write go through the worker; the page holds rows, the worker whole indicators", async () => {
  const { it } = analyser();
  const progress: Array<[number, number]> = [];
  const bytes = await file("6t.xlsx", 2020, 6);
  const { snapshot, ignores } = await it.read(bytes);
  // The sheets came across in parts and were put together as the reader gives them.
  expect(snapshot).toEqual(await readWorkbook(bytes));
  expect(ignores).toEqual([]);
  const analysis = await it.check(snapshot, { reportYear: null, ignores }, (done, total) => progress.push([done, total]));
  const whole = checkWorkbook(snapshot, { reportYear: null, ignores });
  expect(analysis.findings).toEqual(whole.findings);
  expect(analysis.indicators.map((i) => Object.keys(i).length)).toEqual(whole.indicators.map(() => 10));
  expect(analysis.indicators.map((i) => i.name)).toEqual(whole.indicators.map((i) => i.name));
  expect(await it.sheetIndicators(analysis, "Biểu 01")).toEqual(whole.indicators);
  const preview = await it.narrative(analysis, 2);
  const items = narrative(fillSource(snapshot, whole));
  expect(preview).toEqual({ items: items.slice(0, 2), total: items.length, withheld: 0, text: narrativeText(items) });
  const filled = await it.fill(analysis, { builtIn: "bao-cao" });
  const written = await it.write(await file("6t-again.xlsx", 2020, 6), filled.plan!, snapshot);
  expect(written.snapshot.sheets.map((s) => s.name)).toEqual(["Biểu 01", filled.plan!.sheets[0].name]);
  // The sheet the plan left alone is the page's own copy, not sent again; the new one came across whole.
  expect(written.snapshot.sheets[0]).toBe(snapshot.sheets[0]);
  expect(written.snapshot).toEqual(await readWorkbook(written.bytes));
  const text = await it.checkText(
    analysis,
    "Thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm 2020 ước đạt 961,1 tỷ đồng, bằng 45% kế hoạch năm.",
  );
  expect(text.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([["stated-percent", "Biểu 01", "F5"]]);
});

test("a workbook the worker no longer holds is sent again: checking it after another works", async () => {
  const { it } = analyser();
  const first = await it.read(await file("6t.xlsx", 2020, 6));
  const second = await it.read(await file("9t.xlsx", 2020, 9, Y2020_9, Y2019_9));
  await it.check(second.snapshot, { reportYear: null, ignores: [] });
  const again = await it.check(first.snapshot, { reportYear: 2020, ignores: [] });
  expect(again.indicators.map((i) => i.name)).toEqual(checkWorkbook(first.snapshot).indicators.map((i) => i.name));
  // And what is asked of that check is answered from it, not from the other workbook's.
  expect((await it.narrative(again, 50)).text).toContain("6 tháng đầu năm");
});

test("cancel stops the work under way; the next request starts a new worker, and earlier checks are made again on asking", async () => {
  const { it, started } = analyser();
  const { snapshot } = await it.read(await file("6t.xlsx", 2020, 6));
  const analysis = await it.check(snapshot, { reportYear: null, ignores: [] });
  const pending = it.check(snapshot, { reportYear: 2020, ignores: [] });
  it.cancel();
  await expect(pending).rejects.toBeInstanceOf(Cancelled);
  const preview = await it.narrative(analysis, 10);
  expect(preview.text).toBe(narrativeText(narrative(fillSource(snapshot, checkWorkbook(snapshot)))));
  expect(started).toHaveLength(2);
});

test("outside Excel the plan's cells stay in the worker, which writes it; a plan it no longer holds is explained, not written hollow", async () => {
  const { it } = analyser();
  const bytes = await file("6t.xlsx", 2020, 6);
  const { snapshot } = await it.read(bytes);
  const analysis = await it.check(snapshot, { reportYear: null, ignores: [] });
  const hollow = (await it.fill(analysis, { builtIn: "bao-cao" }, false)).plan!;
  expect(hollow.sheets.map((s) => s.cells.length)).toEqual([0]);
  const written = await it.write(bytes, hollow, snapshot);
  const whole = (await it.fill(analysis, { builtIn: "bao-cao" })).plan!;
  expect(whole.sheets[0].cells.length).toBeGreaterThan(10);
  // The hollow plan's sheet was written whole by the worker: as the whole plan's.
  expect(written.snapshot).toEqual(await readWorkbook((await it.write(bytes, whole, snapshot)).bytes));
  // Another fill since: the worker holds that one; the hollow plan is not written as an empty sheet.
  await expect(it.write(bytes, hollow, snapshot)).rejects.toMatchObject({
    reason: expect.stringMatching(/^Phần báo cáo vừa tạo không còn/),
  });
});
