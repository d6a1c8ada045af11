// Checking many workbooks in one command, as a statistics office does with the submissions of a
// period: the arguments expanded (folders recursively, globs by chitieu itself, since Windows
// shells do not), each file checked or refused with its reason, results in the order of the
// arguments whatever order they finish in, and the formats scripts read (JSON, NDJSON, CSV).

import { promises as fs } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import type { Finding, Severity } from "../core/model/findings";
import type { CheckResult } from "../core/check";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { analyzeFile, InputError, readInput, readWorkbookFile, type WorkbookOptions, type WorkbookSource } from "./workbookFile";

/** A file's bytes, read from now on; a failure waits for whoever takes them (never unhandled). */
function prefetch(file: string): Promise<Uint8Array> | null {
  if (file === "-") return null;
  const read = readInput(file);
  read.catch(() => undefined);
  return read;
}

/** One file of a batch: checked (with its open and ignored findings), or refused with the reason. */
export interface FileResult {
  file: string;
  /** "skipped": a summary an earlier run wrote (--report) among the submissions, not one of them. */
  status: "checked" | "refused" | "skipped";
  reason?: string;
  reasonEn?: string;
  reportYear: number | null;
  /** How many indicators were read. */
  indicators: number;
  /** The findings still open. */
  findings: Finding[];
  /** The findings the official set aside in the pane, each with the reason given. */
  ignored: Array<{ finding: Finding; reason: string; date: string }>;
  /** Notes for the official about the run (a --year that differs from the workbook's). */
  notes: string[];
}

export interface BatchSummary {
  files: number;
  checked: number;
  refused: number;
  skipped: number;
  error: number;
  warning: number;
  info: number;
  ignored: number;
}

const WORKBOOK = /\.xls[xm]$/i;

/** Characters that make a path argument a pattern. */
export function isGlob(arg: string): boolean {
  return /[*?[]/.test(arg);
}

/** A glob as a regular expression over "/"-separated paths: ** any folders, * and ? within one name, [...] a class. */
function globPattern(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*" && glob[i + 1] === "*") {
      // "**/" matches no folder or any number of them.
      const slash = glob[i + 2] === "/";
      out += slash ? "(?:[^/]*/)*" : ".*";
      i += slash ? 2 : 1;
    } else if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else if (ch === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close < 0) out += "\\[";
      else {
        out += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else out += ch.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, process.platform === "win32" ? "i" : "");
}

/** An argument that names nothing usable, kept to be reported with the files. */
export interface Unmatched {
  file: string;
  reason: string;
  reasonEn: string;
}

/**
 * Every file under a folder, in a stable order, down to `depth` folders below it; hidden folders
 * and Excel's lock files (~$) left out. Links are followed, each folder entered once (a link to a
 * folder above is no loop); a folder that cannot be read is put in `unreadable` and the rest walked.
 */
async function walk(folder: string, depth: number, unreadable: Unmatched[], entered = new Set<string>()): Promise<string[]> {
  const out: string[] = [];
  const real = await fs.realpath(folder).catch(() => folder);
  if (entered.has(real)) return out;
  entered.add(real);
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A pattern's folder that is not there matches nothing; that is said for the pattern.
    if (code === "ENOENT") return out;
    unreadable.push({
      file: folder,
      reason: code === "EACCES" || code === "EPERM" ? "không có quyền đọc thư mục" : "không đọc được thư mục",
      reasonEn: code === "EACCES" || code === "EPERM" ? "no permission to read the folder" : `the folder cannot be read (${code})`,
    });
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    const full = path.join(folder, entry.name);
    const link = entry.isSymbolicLink() ? await fs.stat(full).catch(() => null) : null;
    if (entry.isDirectory() || link?.isDirectory()) {
      // A loop, not push(...): a folder may hold more files than a call takes arguments.
      if (depth > 0) for (const file of await walk(full, depth - 1, unreadable, entered)) out.push(file);
    } else if (entry.isFile() || link?.isFile()) out.push(full);
  }
  return out;
}

/**
 * The workbooks the arguments name, each once, in the order given: a file as it is, a folder's
 * .xlsx and .xlsm files at any depth, a glob's matches. An argument naming nothing is kept with why.
 */
export async function expandInputs(args: readonly string[]): Promise<Array<string | Unmatched>> {
  const out: Array<string | Unmatched> = [];
  // Each file once, however it is reached (two spellings, a link): by its real path.
  const seen = new Set<string>();
  const add = async (file: string) => {
    const key = await fs.realpath(file).catch(() => path.resolve(file));
    if (!seen.has(key)) {
      seen.add(key);
      out.push(file);
    }
  };
  for (const arg of args) {
    if (arg === "-") {
      await add(arg);
      continue;
    }
    const stat = await fs.stat(arg).catch(() => null);
    const unreadable: Unmatched[] = [];
    if (stat?.isDirectory()) {
      const found = (await walk(arg, Infinity, unreadable)).filter((f) => WORKBOOK.test(f));
      if (found.length === 0 && unreadable.length === 0)
        out.push({ file: arg, reason: "thư mục không có tệp .xlsx hay .xlsm nào", reasonEn: "the folder holds no .xlsx or .xlsm file" });
      for (const file of found) await add(file);
    } else if (!stat && isGlob(arg)) {
      const glob = arg.split(path.sep).join("/");
      const segments = glob.split("/");
      const literal = segments.findIndex(isGlob);
      const base = segments.slice(0, literal).join("/") || ".";
      const pattern = globPattern(glob.replace(/^\.\//, ""));
      // Only as deep as the pattern reaches: "*.xlsx" is this folder's, "**" any depth.
      const depth = glob.includes("**") ? Infinity : segments.length - literal - 1;
      const files = await walk(base, depth, unreadable);
      const found = files.filter((f) => pattern.test(f.split(path.sep).join("/").replace(/^\.\//, "")));
      if (found.length === 0 && unreadable.length === 0)
        out.push({ file: arg, reason: "không có tệp nào khớp mẫu này", reasonEn: "no file matches this pattern" });
      for (const file of found) await add(file);
    } else await add(arg);
    for (const folder of unreadable) out.push(folder);
  }
  return out;
}

/** The findings the official set aside, each with the reason and date given in the pane. */
export function ignoredEntries(analysis: CheckResult): FileResult["ignored"] {
  return analysis.ignored.map(({ finding, ignore }) => ({ finding, reason: ignore.reason, date: ignore.date }));
}

/** A checked file's entry. */
export function checkedResult(file: string, analysis: CheckResult, notes: string[] = []): FileResult {
  return {
    file,
    status: "checked",
    reportYear: analysis.reportYear,
    indicators: analysis.indicators.length,
    findings: analysis.open,
    ignored: ignoredEntries(analysis),
    notes,
  };
}

/** The sheets and headings of the summary workbook (--report), by which one met among the submissions is known. */
export const SUMMARY_SHEETS = {
  files: {
    name: "Tổng hợp",
    headings: [
      ["Tệp", 40],
      ["Trạng thái", 16],
      ["Lý do", 40],
      ["Năm báo cáo", 12],
      ["Số chỉ tiêu", 12],
      ["Lỗi", 8],
      ["Cảnh báo", 10],
      ["Ghi chú", 10],
      ["Đã bỏ qua", 10],
    ] as Array<[string, number]>,
  },
  findings: {
    name: "Phát hiện",
    headings: [
      ["Tệp", 32],
      ["Trang", 18],
      ["Ô", 10],
      ["Mức", 10],
      ["Quy tắc", 18],
      ["Nội dung", 70],
      ["Lý do bỏ qua", 30],
    ] as Array<[string, number]>,
  },
};

/** A summary workbook chitieu wrote: its two sheets, headed as chitieu heads them. */
export function isSummaryWorkbook(snapshot: WorkbookSnapshot): boolean {
  const headed = (sheet: WorkbookSnapshot["sheets"][number] | undefined, { name, headings }: (typeof SUMMARY_SHEETS)["files"]) =>
    sheet?.name === name && headings.every(([text], c) => sheet.values[0]?.[c] === text);
  const [files, findings] = snapshot.sheets;
  return snapshot.sheets.length === 2 && headed(files, SUMMARY_SHEETS.files) && headed(findings, SUMMARY_SHEETS.findings);
}

/**
 * Checks one file; never throws for a file that cannot be used: it is refused with the reason. A
 * summary an earlier run wrote into the submissions' folder is passed over, said so.
 */
export async function checkFile(file: string, options: WorkbookOptions, source: WorkbookSource = {}): Promise<FileResult> {
  const notes: string[] = [];
  try {
    const read = await readWorkbookFile(file, source);
    if (isSummaryWorkbook(read.snapshot))
      return {
        ...refusedResult({
          file,
          reason: "bảng tổng hợp do chitieu ghi (--report), không phải bài nộp",
          reasonEn: "a summary chitieu wrote (--report), not a submission",
        }),
        status: "skipped",
      };
    return checkedResult(file, await analyzeFile(file, options, (text) => notes.push(text.trim()), read), notes);
  } catch (error) {
    // The file is named in its own entry: the reason alone.
    if (error instanceof InputError) return { ...refusedResult({ file, reason: error.bare, reasonEn: error.reasonEn }), notes };
    throw error;
  }
}

export function refusedResult(unmatched: Unmatched): FileResult {
  return { ...unmatched, status: "refused", reportYear: null, indicators: 0, findings: [], ignored: [], notes: [] };
}

export function summarize(results: readonly FileResult[]): BatchSummary {
  const count = (severity: Severity) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  return {
    files: results.length,
    checked: results.filter((r) => r.status === "checked").length,
    refused: results.filter((r) => r.status === "refused").length,
    skipped: results.filter((r) => r.status === "skipped").length,
    error: count("error"),
    warning: count("warning"),
    info: count("info"),
    ignored: results.reduce((n, r) => n + r.ignored.length, 0),
  };
}

/** Exit status of a batch: 2 if any file could not be used, else 1 if any open error, else 0. */
export function batchStatus(results: readonly FileResult[]): number {
  if (results.some((r) => r.status === "refused")) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

/** A file's entry in the JSON and NDJSON outputs. */
export function fileJson(result: FileResult): object {
  const { file, status, reason, reasonEn, reportYear, indicators, findings, ignored } = result;
  return { file, status, ...(reason ? { reason, reasonEn } : {}), reportYear, indicators, findings, ignored };
}

/** A CSV field, quoted when it must be; text Excel would run as a formula starts with an apostrophe. */
function csvField(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = ["file", "sheet", "cell", "rule", "severity", "message", "ignored_reason"];

/** CSV lines of one file: one per finding (ignored ones with their reason), one for a refusal. */
export function csvLines(result: FileResult): string[] {
  const line = (fields: Array<string | number | null>) => fields.map(csvField).join(",");
  if (result.status !== "checked") return [line([result.file, "", "", "", result.status, `${result.reason} (${result.reasonEn})`, ""])];
  return [
    ...result.findings.map((f) => line([result.file, f.sheet, f.cell, f.rule, f.severity, f.message, ""])),
    ...result.ignored.map(({ finding: f, reason }) => line([result.file, f.sheet, f.cell, f.rule, f.severity, f.message, reason])),
  ];
}

/** What a worker thread is asked and answers. */
export type WorkerRequest = { index: number; file: string };
export type WorkerAnswer = { index: number; result: FileResult } | { index: number; error: string };

/**
 * Checks the files, in parallel worker threads when there are several and a worker script beside
 * this module (the built command line), else one after the other; hands each result over in the
 * order of `files`, as soon as it and every one before it are done.
 */
export async function runBatch(
  files: ReadonlyArray<string | Unmatched>,
  values: Record<string, string>,
  options: WorkbookOptions,
  jobs: number,
  onResult: (result: FileResult, index: number) => void,
  stdin?: () => Promise<Uint8Array>,
): Promise<FileResult[]> {
  const results: Array<FileResult | undefined> = new Array(files.length);
  let next = 0;
  const settle = (index: number, result: FileResult) => {
    results[index] = result;
    for (; next < files.length && results[next]; next++) onResult(results[next] as FileResult, next);
  };
  const work: number[] = [];
  files.forEach((f, i) => (typeof f === "string" ? work.push(i) : settle(i, refusedResult(f))));
  const script = path.join(__dirname, "batchWorker.js");
  // More threads than cores only share the cores, each with its own memory.
  const threads = Math.min(jobs, work.length, availableParallelism());
  const useWorkers = threads > 1 && !work.some((i) => files[i] === "-") && (await fs.stat(script).catch(() => null)) !== null;
  // One queue for every thread; this one takes part too, so that no file waits for a worker to start.
  // After a failure (an internal error) nothing more is handed out and every worker is stopped.
  let handed = 0;
  let failed = false;
  const take = () => (!failed && handed < work.length ? work[handed++] : null);
  const helpers: Array<Promise<void>> = [];
  const workers: Array<{ terminate(): Promise<number> }> = [];
  const fail = (error: unknown) => {
    failed = true;
    for (const w of workers) void w.terminate();
    return error instanceof Error ? error : new Error(String(error));
  };
  if (useWorkers) {
    const { Worker } = await import("node:worker_threads");
    for (let t = 1; t < threads; t++)
      helpers.push(
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script, { workerData: { values } });
          workers.push(worker);
          let inFlight = 0;
          const give = () => {
            const index = take();
            if (index !== null) {
              inFlight++;
              worker.postMessage({ index, file: files[index] as string } satisfies WorkerRequest);
            } else if (inFlight === 0) void worker.terminate().then(() => resolve());
          };
          worker.on("message", (answer: WorkerAnswer) => {
            if ("error" in answer) return reject(fail(new Error(answer.error)));
            inFlight--;
            settle(answer.index, answer.result);
            give();
          });
          worker.on("error", (error) => reject(fail(error)));
          // Stopped after another thread's failure: that failure is the one reported.
          worker.on("exit", () => (failed ? resolve() : undefined));
          // Two files in flight: the worker starts the next while its last result travels back.
          worker.once("online", () => {
            give();
            give();
          });
        }),
      );
  }
  // Awaited once this thread is done; a worker's failure meanwhile is not left unhandled.
  const helpersDone = Promise.all(helpers);
  helpersDone.catch(() => undefined);
  // This thread reads the next file while it checks one: the disk is never waited for in between.
  let index = take();
  let ahead = index === null ? null : prefetch(files[index] as string);
  while (index !== null) {
    const current = index;
    const bytes = ahead;
    index = take();
    ahead = index === null ? null : prefetch(files[index] as string);
    let result: FileResult;
    try {
      result = await checkFile(files[current] as string, options, { stdin, bytes: bytes ?? undefined });
    } catch (error) {
      throw fail(error);
    }
    if (failed) break;
    settle(current, result);
  }
  await helpersDone;
  return results as FileResult[];
}
