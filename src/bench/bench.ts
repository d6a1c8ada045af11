// `npm run bench`: the 18,000-row workbook (60 sheets × 300 indicators), measured three ways:
// (a) ExcelJS's bare load of the file, (b) the whole `check`, (c) the core alone. Each of (a)
// and (b) runs in fresh processes, alternating, and the medians are printed with peak memory.

import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as zlib from "node:zlib";
import * as os from "node:os";
import * as path from "node:path";
import { checkWorkbook } from "../core/check";
import { checkText } from "../core/narrative/check";
import { foldKeepingOffsets } from "../core/model/text";
import { DEFAULT_RULE_CONFIG, RULES } from "../core/rules";
import { fillTemplate, type EditPlan } from "../core/fill";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { applyPlanToBytes } from "../hosts/xlsx/applyPlan";
import { ZipArchive } from "../hosts/xlsx/zip";
import { writeZip } from "../hosts/xlsx/zipWriter";
import { readWorkbook } from "../hosts/xlsx/readWorkbook";
import { benchWorkbook, BENCH_INDICATORS, BENCH_SHEETS } from "./generate";
import { buildPane, CHROMIUM, CHROMIUM_FLAGS, entryScripts, OFFICE_JS_HOST, officeJsFile, serveFolder } from "./pane";

const RUNS = 7;
const WARMUP = 3;
const CORE_RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function task(name: "bare" | "check" | "floor", file: string): { ms: number; maxRssMB: number } {
  const out = execFileSync(process.execPath, [path.join(__dirname, "task.js"), name, file], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop() as string);
}

/** The size of a workbook's parts once inflated, in MB. */
async function inflatedMB(file: string): Promise<number> {
  const zip = new ZipArchive(fs.readFileSync(file));
  let bytes = 0;
  for (const name of zip.names()) bytes += ((await zip.read(name)) as Uint8Array).length;
  return bytes / 1024 / 1024;
}

/** Wall time of a whole process, Node's start and module loading included. */
function wholeProcess(args: string[]): number {
  const start = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, args, { stdio: "ignore" });
  } catch {
    // A check that finds errors exits 1; its time is what counts here.
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  if (process.argv[2] === "pane") {
    await benchPane(path.resolve(__dirname, "..", "..", ".bench"));
    return;
  }
  if (process.argv[2] === "units") {
    // `npm run bench -- units`: only (h).
    await benchUnits(path.resolve(__dirname, "..", "..", ".bench"));
    return;
  }
  if (process.argv[2] === "batch") {
    // `npm run bench -- batch`: only (g).
    benchBatch(path.resolve(__dirname, "..", "..", ".bench"));
    return;
  }
  if (process.argv[2] === "fill") {
    // `npm run bench -- fill`: only (e), on the workbook an earlier full run generated.
    const file = path.resolve(__dirname, "..", "..", ".bench", `bench-${BENCH_SHEETS}x${BENCH_INDICATORS}.xlsx`);
    await benchFill(file, await readWorkbook(fs.readFileSync(file)));
    return;
  }
  const dir = path.resolve(__dirname, "..", "..", ".bench");
  fs.mkdirSync(dir, { recursive: true });
  if (process.argv[2] === "text") {
    // `npm run bench -- text`: only (d).
    benchText(dir);
    return;
  }
  const file = path.join(dir, `bench-${BENCH_SHEETS}x${BENCH_INDICATORS}.xlsx`);
  if (!fs.existsSync(file)) {
    process.stdout.write(`Tạo tệp đo / generating ${path.relative(process.cwd(), file)} …\n`);
    await benchWorkbook().xlsx.writeFile(file);
  }
  const sizeMB = fs.statSync(file).size / 1024 / 1024;
  process.stdout.write(`Tệp / file: ${BENCH_SHEETS} trang × ${BENCH_INDICATORS} chỉ tiêu, ${sizeMB.toFixed(1)} MB\n`);

  const bare: Array<{ ms: number; maxRssMB: number }> = [];
  const check: Array<{ ms: number; maxRssMB: number }> = [];
  const floor: Array<{ ms: number; maxRssMB: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(task("bare", file));
    check.push(task("check", file));
    floor.push(task("floor", file));
  }
  const floorMs = median(floor.map((r) => r.ms));
  const floorMB = median(floor.map((r) => r.maxRssMB));
  const bareProcess: number[] = [];
  const checkProcess: number[] = [];
  const floorProcess: number[] = [];
  const bin = path.join(__dirname, "..", "..", "bin", "chitieu.js");
  for (let i = 0; i < RUNS; i++) {
    bareProcess.push(wholeProcess(["-e", `require("exceljs");new (require("exceljs").Workbook)().xlsx.readFile(${JSON.stringify(file)})`]));
    checkProcess.push(wholeProcess([bin, "check", file, "--json"]));
    floorProcess.push(wholeProcess([path.join(__dirname, "task.js"), "floor", file]));
  }
  // Memory against size: the same workbook with half the sheets, each measured in fresh processes.
  const half = path.join(dir, `bench-${BENCH_SHEETS / 2}x${BENCH_INDICATORS}.xlsx`);
  if (!fs.existsSync(half)) await benchWorkbook(BENCH_SHEETS / 2).xlsx.writeFile(half);
  const peak = (f: string) => median([0, 1, 2].map(() => task("check", f).maxRssMB));
  const growthMB = peak(file) - peak(half);
  const xmlGrowthMB = (await inflatedMB(file)) - (await inflatedMB(half));
  const steps: Array<Record<string, number>> = [];
  for (let i = 0; i < RUNS; i++)
    steps.push(JSON.parse(execFileSync(process.execPath, [path.join(__dirname, "task.js"), "phases", file], { encoding: "utf8" })));
  const step = (name: string) => {
    const ms = median(steps.map((s) => s[name]));
    return `${ms.toFixed(0)} ms = ${(ms / floorMs).toFixed(1)}×`;
  };
  const bareMs = median(bare.map((r) => r.ms));
  const checkMs = median(check.map((r) => r.ms));
  const bareMB = median(bare.map((r) => r.maxRssMB));
  const checkMB = median(check.map((r) => r.maxRssMB));

  // The core: the first (cold) run, then the median of runs after JIT warm-up; reading and
  // computing alone, then with every rule.
  const snapshot = await readWorkbook(fs.readFileSync(file));
  const noRules = { ...DEFAULT_RULE_CONFIG, disabled: RULES.map((r) => r.id) };
  let rows = 0;
  const coreTimes: number[] = [];
  const ruleTimes: number[] = [];
  for (let i = 0; i < WARMUP + CORE_RUNS; i++) {
    let start = process.hrtime.bigint();
    rows = checkWorkbook(snapshot, { rules: noRules }).indicators.length;
    coreTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    checkWorkbook(snapshot);
    ruleTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const coldMs = coreTimes[0];
  const coreMs = median(coreTimes.slice(WARMUP));
  const withRulesMs = median(ruleTimes.slice(WARMUP));

  const lines = [
    `(a) ExcelJS tải tệp (bare load):        ${bareMs.toFixed(0)} ms, bộ nhớ đỉnh ${bareMB.toFixed(0)} MB`,
    `(b) chitieu check --json (toàn bộ):     ${checkMs.toFixed(0)} ms, bộ nhớ đỉnh ${checkMB.toFixed(0)} MB`,
    `    tỷ lệ thời gian (b)/(a):            ${(checkMs / bareMs).toFixed(2)}× (mục tiêu ≤ 1,3×)`,
    `    tỷ lệ bộ nhớ (b)/(a):               ${(checkMB / bareMB).toFixed(2)}× (mục tiêu ≤ 1,5×)`,
    `    sàn / floor (mọi phần giải nén bằng zlib, quét byte một lần, không phân tích): ${floorMs.toFixed(0)} ms, bộ nhớ đỉnh ${floorMB.toFixed(0)} MB; ` +
      `(b) = ${(checkMs / floorMs).toFixed(2)}× thời gian (mục tiêu ≤ 3×), ${(checkMB / floorMB).toFixed(2)}× bộ nhớ; ` +
      `cả tiến trình / whole processes: sàn ${median(floorProcess).toFixed(0)} ms, (b) ${median(checkProcess).toFixed(0)} ms = ${(median(checkProcess) / median(floorProcess)).toFixed(2)}×`,
    `    bộ nhớ theo cỡ tệp / memory against size: ${BENCH_SHEETS / 2} → ${BENCH_SHEETS} trang, XML giải nén +${xmlGrowthMB.toFixed(1)} MB, ` +
      `bộ nhớ đỉnh của (b) +${growthMB.toFixed(1)} MB = ${(growthMB / xmlGrowthMB).toFixed(1)} MB mỗi MB XML (mục tiêu ≤ 1)`,
    `    các bước của (b), mỗi bước so với sàn / the steps of (b), each against the floor: mở gói / package ${step("package")}; ` +
      `đọc và tính chỉ tiêu / indicators ${step("indicators")}; quy tắc / rules ${step("rules")}; ` +
      `văn bản JSON ${median(steps.map((s) => s.jsonMB)).toFixed(1)} MB, mã hoá UTF-8 / JSON text, UTF-8 encoded ${step("json")}`,
    `    cả tiến trình (khởi động Node, nạp mô-đun): (a) ${median(bareProcess).toFixed(0)} ms, (b) ${median(checkProcess).toFixed(0)} ms = ${(median(checkProcess) / median(bareProcess)).toFixed(2)}×`,
    `(c) lõi đọc và tính / core reading and computing: ${coreMs.toFixed(0)} ms cho ${rows} chỉ tiêu = ${Math.round(rows / (coreMs / 1000)).toLocaleString("en-US")} dòng/giây (mục tiêu ≥ 200,000)`,
    `    cùng các quy tắc kiểm tra / with every rule: ${withRulesMs.toFixed(0)} ms = ${Math.round(rows / (withRulesMs / 1000)).toLocaleString("en-US")} dòng/giây`,
    `    lần chạy đầu (cold, JIT chưa khởi động): ${coldMs.toFixed(0)} ms = ${Math.round(rows / (coldMs / 1000)).toLocaleString("en-US")} dòng/giây`,
    `    (a), (b): trung vị ${RUNS} tiến trình mới / median of ${RUNS} fresh processes; (c): trung vị ${CORE_RUNS} lần sau ${WARMUP} lần khởi động / median of ${CORE_RUNS} runs after ${WARMUP} warm-up runs`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
  benchText(dir);
  await benchFill(file, snapshot);
  benchBatch(dir);
  await benchUnits(dir);
  await benchPane(dir);
}

/**
 * (g) A batch of 200 workbooks of the samples' sizes: one `check` of the folder (worker threads),
 * against the same in one thread (`--jobs 1`), and against 200 single-file runs, each paying Node's
 * start and module loading.
 */
function benchBatch(dir: string): void {
  const folder = path.join(dir, "batch");
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const samples = path.join(__dirname, "..", "..", "samples");
  const names = fs.readdirSync(samples).filter((f) => f.endsWith(".xlsx"));
  const files: string[] = [];
  for (let i = 0; i < 200; i++) {
    const file = path.join(folder, `don-vi-${String(i + 1).padStart(3, "0")}.xlsx`);
    fs.copyFileSync(path.join(samples, names[i % names.length]), file);
    files.push(file);
  }
  const bin = path.join(__dirname, "..", "..", "bin", "chitieu.js");
  const parallel = median([0, 1, 2].map(() => wholeProcess([bin, "check", folder, "--json"])));
  const oneThread = median([0, 1, 2].map(() => wholeProcess([bin, "check", folder, "--json", "--jobs", "1"])));
  // The machine's own ceiling: two single-thread processes, each on half the files, side by side.
  const halves = [files.slice(0, 100), files.slice(100)];
  const sideBySide = median(
    [0, 1, 2].map(() => {
      const start = process.hrtime.bigint();
      execFileSync(
        "/bin/sh",
        [
          "-c",
          halves
            .map(
              (h) =>
                `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} check ${h.map((f) => JSON.stringify(f)).join(" ")} --json --jobs 1 >/dev/null &`,
            )
            .join(" ") + " wait",
        ],
        {
          stdio: "ignore",
        },
      );
      return Number(process.hrtime.bigint() - start) / 1e6;
    }),
  );
  const singles = files.reduce((ms, file) => ms + wholeProcess([bin, "check", file, "--json"]), 0);
  process.stdout.write(
    [
      `(g) lô 200 bảng tính cỡ các mẫu / a batch of 200 sample-sized workbooks (${os.availableParallelism()} lõi / cores):`,
      `    một lệnh cho cả thư mục / one check of the folder: ${parallel.toFixed(0)} ms; một luồng / one thread (--jobs 1): ${oneThread.toFixed(0)} ms = ${(oneThread / parallel).toFixed(2)}× (mục tiêu ≥ 1,6×)`,
      `    trần của máy / the machine's ceiling (hai tiến trình một luồng song song, mỗi tiến trình nửa số tệp): ${sideBySide.toFixed(0)} ms = ${(oneThread / sideBySide).toFixed(2)}×`,
      `    200 lệnh riêng / 200 single runs: ${singles.toFixed(0)} ms = ${(singles / parallel).toFixed(2)}× (mục tiêu ≥ 5×)`,
    ].join("\n") + "\n",
  );
}

/**
 * (h) Reports across units: 100 unit workbooks of 300 indicators each. `check` of the folder (one
 * process, every core), against `compare` of one unit's 9-month report with the other 99 units'
 * 6-month reports (every pair of indicators matched and checked, 99 × 300), and `consolidate` of the
 * 100 into a blank table of the same 300 indicators (one figure per indicator and column, traced to
 * 100 cells each, written and checked).
 */
async function benchUnits(dir: string): Promise<void> {
  const folder = path.join(dir, "units");
  const units = path.join(folder, "nop");
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(units, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < 100; i++) {
    const file = path.join(units, `don-vi-${String(i + 1).padStart(3, "0")}.xlsx`);
    await benchWorkbook(1, BENCH_INDICATORS, { seed: 1000, unit: `XÃ SỐ ${i + 1}` }).xlsx.writeFile(file);
    files.push(file);
  }
  // The first unit's 9-month report, beside the folder of 6-month ones. One seed: it holds what the
  // 6-month ones do, so that compare finds what a real series would (little).
  const nine = path.join(folder, "don-vi-001-9-thang.xlsx");
  await benchWorkbook(1, BENCH_INDICATORS, { seed: 1000, months: 9, unit: "XÃ SỐ 1" }).xlsx.writeFile(nine);
  const template = path.join(folder, "bieu-tinh.xlsx");
  await benchWorkbook(1, BENCH_INDICATORS, { blank: true }).xlsx.writeFile(template);
  const out = path.join(folder, "tong-hop.xlsx");
  const bin = path.join(__dirname, "..", "..", "bin", "chitieu.js");
  const three = (args: string[]) => median([0, 1, 2].map(() => wholeProcess([bin, ...args])));
  const check = three(["check", units, "--json"]);
  const checkOne = three(["check", units, "--json", "--jobs", "1"]);
  const compare = three(["compare", nine, ...files.slice(1), "--json"]);
  const consolidating = ["consolidate", units, "--template", template, "--out", out, "--force", "--json"];
  // A refused run would be timed as a fast one: it must write the table.
  execFileSync(process.execPath, [bin, ...consolidating], { stdio: "ignore" });
  const consolidated = three(consolidating);
  process.stdout.write(
    [
      `(h) 100 bảng tính đơn vị × ${BENCH_INDICATORS} chỉ tiêu / 100 unit workbooks of ${BENCH_INDICATORS} indicators:`,
      `    check cả thư mục / of the folder: ${check.toFixed(0)} ms (một luồng / one thread: ${checkOne.toFixed(0)} ms)`,
      `    compare một báo cáo với 99 báo cáo kỳ trước / one report against 99 earlier ones: ${compare.toFixed(0)} ms = ${(compare / check).toFixed(2)}× check, ${(compare / checkOne).toFixed(2)}× check một luồng`,
      `    consolidate 100 báo cáo vào biểu tỉnh / 100 reports into the province's table: ${consolidated.toFixed(0)} ms = ${(consolidated / check).toFixed(2)}× check, ${(consolidated / checkOne).toFixed(2)}× check một luồng`,
    ].join("\n") + "\n",
  );
}

/**
 * (f) The production pane: its JavaScript gzipped (the entry the page loads, and the chunks
 * standalone mode loads on demand: the reader to open a file, the package writer to write one),
 * and the time from navigation to the pane being interactive in
 * headless Chromium, office.js served locally.
 */
async function benchPane(dir: string): Promise<void> {
  const out = path.join(dir, "dist");
  buildPane(out);
  const entry = entryScripts(out);
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(out, file)), { level: 9 }).length / 1024;
  const entryKB = entry.reduce((n, f) => n + gz(f), 0);
  const chunks = fs.readdirSync(out).filter((f) => f.endsWith(".js") && !entry.includes(f));
  const isWriter = (f: string) => fs.readFileSync(path.join(out, f), "utf8").includes("fullCalcOnLoad");
  const chunkKB = (writer: boolean) => chunks.filter((f) => isWriter(f) === writer).reduce((n, f) => n + gz(f), 0);
  let line =
    `(f) ngăn tác vụ / the pane: JavaScript ban đầu ${entryKB.toFixed(0)} KB gzip (mục tiêu ≤ 250 KB); chế độ độc lập nạp khi cần / standalone mode loads on demand: ` +
    `bộ đọc tệp và luồng phân tích / the reader and the analysis worker ${chunkKB(false).toFixed(0)} KB gzip, bộ ghi (chỉ khi ghi) / the writer, only to write ${chunkKB(true).toFixed(0)} KB gzip`;
  if (fs.existsSync(CHROMIUM)) {
    const { chromium } = await import("playwright-core");
    const server = await serveFolder(out);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext();
      await context.route(`https://${OFFICE_JS_HOST}/**`, (route) => route.fulfill({ path: officeJsFile(route.request().url()) }));
      // The moment the page shows its first button, taken in the page (a round trip of the test's
      // own would add its latency); browser code, compiled without the DOM's types.
      await context.addInitScript(() => {
        const g = globalThis as unknown as {
          document: { querySelector(s: string): unknown };
          readyAt?: number;
          MutationObserver: new (f: (r: unknown, o: { disconnect(): void }) => void) => { observe(t: unknown, o: unknown): void };
        };
        new g.MutationObserver((_, observer) => {
          if (!g.document.querySelector("body[data-ready] button")) return;
          g.readyAt = performance.now();
          observer.disconnect();
        }).observe(g.document, { subtree: true, childList: true, attributes: true });
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForSelector("body[data-ready] button");
      times.push(await page.evaluate(() => (globalThis as unknown as { readyAt: number }).readyAt));
      await context.close();
    }
    line += `\n    từ lúc tải trang đến khi dùng được / page load to interactive: ${median(times.slice(1)).toFixed(0)} ms (trung vị 5 lần; mục tiêu < 1000 ms)`;
    const large = path.join(dir, `bench-${BENCH_SHEETS}x${BENCH_INDICATORS}.xlsx`);
    if (!fs.existsSync(large)) await benchWorkbook().xlsx.writeFile(large);
    const opened = await paneOnLargeWorkbook(browser, server.url, large);
    const cli: number[] = [];
    for (let i = 0; i < 3; i++) cli.push(wholeProcess([path.join(__dirname, "..", "..", "bin", "chitieu.js"), "check", large]));
    const ratio = median(opened.toFindings) / median(cli);
    line +=
      `\n    ${BENCH_SHEETS} × ${BENCH_INDICATORS} ở chế độ độc lập, 350 px / standalone: mở tệp đến khi thấy vấn đề / open to findings ${median(opened.toFindings).toFixed(0)} ms ` +
      `= ${ratio.toFixed(2)}× chitieu check cùng tệp (${median(cli).toFixed(0)} ms, cả tiến trình; mục tiêu ≤ 2×); ` +
      `tác vụ dài nhất trên luồng chính / longest main-thread task (mở, kiểm tra, Chỉ tiêu, Báo cáo, tạo báo cáo): ${opened.longest.toFixed(0)} ms (mục tiêu ≤ 100 ms; trung vị 3 lần)`;
    await browser.close();
    await server.close();
  }
  process.stdout.write(line + "\n");
}

/**
 * The large workbook in the standalone pane at 350 px, three times: the time from choosing the file
 * to its findings listed, and the longest task on the page's main thread from then through the
 * Chỉ tiêu and Báo cáo tabs and the report generated (the worker's own work does not count: it is
 * what keeps the pane answering).
 */
async function paneOnLargeWorkbook(
  browser: import("playwright-core").Browser,
  url: string,
  file: string,
): Promise<{ toFindings: number[]; longest: number }> {
  const toFindings: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 350, height: 800 } });
    await context.route(`https://${OFFICE_JS_HOST}/**`, (route) => route.fulfill({ path: officeJsFile(route.request().url()) }));
    // Browser code, run in the page (the bench is compiled without the DOM's types).
    await context.addInitScript(() => {
      const w = globalThis as unknown as {
        longTasks: number[];
        fileAt?: number;
        findingsAt?: number;
        document: { addEventListener(t: string, f: () => void, capture: boolean): void; querySelector(s: string): unknown };
        MutationObserver: new (f: () => void) => { observe(t: unknown, o: unknown): void };
      };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({
        type: "longtask" as never,
      });
      // From the file chosen to its findings listed and the pane idle, in the page's own clock.
      w.document.addEventListener("change", () => (w.fileAt ??= performance.now()), true);
      new w.MutationObserver(() => {
        if (
          w.fileAt !== undefined &&
          w.findingsAt === undefined &&
          w.document.querySelector("[data-finding]") &&
          w.document.querySelector("[aria-busy=false]")
        )
          w.findingsAt = performance.now();
      }).observe(w.document, { subtree: true, childList: true, attributes: true });
    });
    const page = await context.newPage();
    await page.goto(`${url}/taskpane.html`);
    await page.waitForSelector("body[data-ready=standalone]");
    // Page load is measured above; what counts here starts with the file.
    await page.evaluate(() => ((globalThis as unknown as { longTasks: number[] }).longTasks = []));
    await page.setInputFiles("input[type=file]", file);
    await page.waitForSelector("[data-finding]");
    await page.waitForSelector("[aria-busy=false]");
    toFindings.push(
      await page.evaluate(() => {
        const w = globalThis as unknown as { fileAt: number; findingsAt: number };
        return w.findingsAt - w.fileAt;
      }),
    );
    await page.getByRole("tab", { name: "Chỉ tiêu" }).click();
    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await page.getByRole("button", { name: "Tạo trang báo cáo" }).click();
    await page.getByText(/^Đã tạo trang "Báo cáo/).waitFor({ timeout: 300000 });
    longest.push(await page.evaluate(() => Math.max(0, ...(globalThis as unknown as { longTasks: number[] }).longTasks)));
    await context.close();
  }
  return { toFindings, longest: median(longest) };
}

/**
 * (e) Filling both built-in templates for the whole workbook: the core's plan, then the plan
 * applied by chitieu's package writer, against two references in the same run: the floor (the
 * package copied entry by entry, as stored, with nothing added) and ExcelJS writing the same cells
 * (values and formulas) by hand.
 */
async function benchFill(file: string, snapshot: WorkbookSnapshot): Promise<void> {
  const analysis = checkWorkbook(snapshot);
  const planTimes: number[] = [];
  let plan: EditPlan = { sheets: [] };
  for (let i = 0; i < 4; i++) {
    const start = process.hrtime.bigint();
    plan = {
      sheets: (["bieu-chi-tieu", "bao-cao"] as const).flatMap((id) => (fillTemplate(snapshot, analysis, id).plan as EditPlan).sheets),
    };
    planTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const cells = plan.sheets.reduce((n, s) => n + s.cells.length, 0);
  const bytes = fs.readFileSync(file);
  const applyTimes: number[] = [];
  const floorTimes: number[] = [];
  const plainTimes: number[] = [];
  let written = 0;
  for (let i = 0; i < 3; i++) {
    let start = process.hrtime.bigint();
    written = (await applyPlanToBytes(bytes, plan)).length;
    applyTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    await writeZip(new ZipArchive(bytes).stored());
    floorTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const sheet of plan.sheets) {
      const ws = workbook.addWorksheet(sheet.name);
      for (const c of sheet.cells)
        ws.getCell(c.address).value =
          c.formula === undefined ? (c.value ?? null) : ({ formula: c.formula, result: c.value ?? undefined } as ExcelJS.CellFormulaValue);
    }
    await workbook.xlsx.writeBuffer();
    plainTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const applyMs = median(applyTimes);
  const plainMs = median(plainTimes);
  process.stdout.write(
    [
      `(e) điền hai mẫu có sẵn (bieu-chi-tieu, bao-cao) cho ${analysis.indicators.length} chỉ tiêu, ${cells.toLocaleString("en-US")} ô:`,
      `    kế hoạch của lõi / the core's plan: ${median(planTimes.slice(1)).toFixed(0)} ms (lần đầu ${planTimes[0].toFixed(0)} ms; mục tiêu < 2000 ms)`,
      `    chitieu ghi gói tệp (mở + ghi + lưu) / package writer: ${applyMs.toFixed(0)} ms, ${(written / 1048576).toFixed(1)} MB; ` +
        `sàn: chép gói nguyên trạng / floor, the package copied as stored: ${median(floorTimes).toFixed(0)} ms`,
      `    ExcelJS ghi đúng các ô đó (tải + ghi + lưu, mất phần ExcelJS không biết) / ExcelJS writing the same cells: ${plainMs.toFixed(0)} ms; ` +
        `chitieu = ${(applyMs / plainMs).toFixed(2)}× ExcelJS (mục tiêu ≤ 1,5×)`,
    ].join("\n") + "\n",
  );
}

/**
 * check-text on a 200-page report (≈ 500 KB) and on a 5 MB one: the report-style fixtures of
 * test/fixtures (five reports, 31 sentences), repeated. The floor is folding the text once (the
 * least any reading of it does); the time per MB of both sizes shows the run stays linear.
 */
function benchText(dir: string): void {
  const fixtures = path.resolve(__dirname, "..", "..", "test", "fixtures");
  const reports = path.join(fixtures, "reports");
  const parts: string[] = [fs.readFileSync(path.join(fixtures, "sentences.txt"), "utf8")];
  for (const f of fs.readdirSync(reports).sort()) if (f.endsWith(".txt")) parts.push(fs.readFileSync(path.join(reports, f), "utf8"));
  const lines: string[] = [];
  const perMB: number[] = [];
  for (const [label, kb, runs, target] of [
    ["200 trang", 500, RUNS, 1000],
    ["5 MB", 5 * 1024, 3, 3000],
  ] as const) {
    let text = "";
    while (Buffer.byteLength(text) < kb * 1024) text += parts.join("\n\n") + "\n\n";
    const file = path.join(dir, `bao-cao-${kb}KB.txt`);
    fs.writeFileSync(file, text);
    const mb = Buffer.byteLength(text) / 1024 / 1024;
    const coreTimes: number[] = [];
    const floorTimes: number[] = [];
    let claims = 0;
    for (let i = 0; i < runs; i++) {
      let start = process.hrtime.bigint();
      foldKeepingOffsets(text.normalize("NFC"));
      floorTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
      start = process.hrtime.bigint();
      claims = checkText(text, { reportYear: 2020 }).claims.length;
      coreTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const cliTimes: number[] = [];
    const cli = path.join(__dirname, "..", "..", "bin", "chitieu.js");
    for (let i = 0; i < runs; i++) cliTimes.push(wholeProcess([cli, "check-text", file, "--year", "2020", "--json"]));
    const core = median(coreTimes);
    const floor = median(floorTimes);
    perMB.push(core / mb);
    lines.push(
      `(d) check-text, báo cáo ${label} (${mb.toFixed(1)} MB, ${claims} nhận định): lõi ${core.toFixed(0)} ms = ${(core / floor).toFixed(1)}× gập chữ một lần (${floor.toFixed(0)} ms); cả lệnh (tiến trình mới) ${median(cliTimes).toFixed(0)} ms (mục tiêu < ${target} ms)`,
    );
  }
  lines.push(
    `    tuyến tính / linear: ${perMB.map((x) => x.toFixed(0)).join(" → ")} ms mỗi MB = ${(perMB[1] / perMB[0]).toFixed(2)}× (1× là tuyến tính)`,
  );
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
});
