// Checking many workbooks in one command, as a statistics office does with the submissions of a
// period: the arguments expanded (folders recursively, globs by chitieu itself, since Windows
// shells do not), each file checked or refused with its reason, results in the order of the
// arguments whatever order they finish in, and the formats scripts read (JSON, NDJSON, CSV).

import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Finding, Severity } from "../core/model/findings";
import type { CheckResult } from "../core/check";
import { analyzeFile, InputError, readInput, type WorkbookOptions, type WorkbookSource } from "./workbookFile";

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
  status: "checked" | "refused";
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

/** Every file under a folder, in a stable order; hidden folders and Excel's lock files (~$) left out. */
async function walk(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** An argument that names nothing usable, kept to be reported with the files. */
export interface Unmatched {
  file: string;
  reason: string;
  reasonEn: string;
}

/**
 * The workbooks the arguments name, each once, in the order given: a file as it is, a folder's
 * .xlsx and .xlsm files at any depth, a glob's matches. An argument naming nothing is kept with why.
 */
export async function expandInputs(args: readonly string[]): Promise<Array<string | Unmatched>> {
  const out: Array<string | Unmatched> = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(file);
    }
  };
  for (const arg of args) {
    if (arg === "-") {
      add(arg);
      continue;
    }
    const stat = await fs.stat(arg).catch(() => null);
    if (stat?.isDirectory()) {
      const found = (await walk(arg)).filter((f) => WORKBOOK.test(f));
      if (found.length === 0)
        out.push({ file: arg, reason: "thư mục không có tệp .xlsx hay .xlsm nào", reasonEn: "the folder holds no .xlsx or .xlsm file" });
      found.forEach(add);
    } else if (!stat && isGlob(arg)) {
      const glob = arg.split(path.sep).join("/");
      const segments = glob.split("/");
      const literal = segments.findIndex(isGlob);
      const base = segments.slice(0, literal).join("/") || ".";
      const pattern = globPattern(glob.replace(/^\.\//, ""));
      const files = await walk(base).catch(() => []);
      const found = files.filter((f) => pattern.test(f.split(path.sep).join("/").replace(/^\.\//, "")));
      if (found.length === 0) out.push({ file: arg, reason: "không có tệp nào khớp mẫu này", reasonEn: "no file matches this pattern" });
      found.forEach(add);
    } else add(arg);
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

/** Checks one file; never throws for a file that cannot be used: it is refused with the reason. */
export async function checkFile(file: string, options: WorkbookOptions, source: WorkbookSource = {}): Promise<FileResult> {
  const notes: string[] = [];
  try {
    return checkedResult(file, await analyzeFile(file, options, (text) => notes.push(text.trim()), source), notes);
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
  if (result.status === "refused") return [line([result.file, "", "", "", "refused", `${result.reason} (${result.reasonEn})`, ""])];
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
  const threads = Math.min(jobs, work.length);
  const useWorkers = threads > 1 && !work.some((i) => files[i] === "-") && (await fs.stat(script).catch(() => null)) !== null;
  // One queue for every thread; this one takes part too, so that no file waits for a worker to start.
  let handed = 0;
  const take = () => (handed < work.length ? work[handed++] : null);
  const helpers: Array<Promise<void>> = [];
  if (useWorkers) {
    const { Worker } = await import("node:worker_threads");
    for (let t = 1; t < threads; t++)
      helpers.push(
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script, { workerData: { values } });
          let inFlight = 0;
          const give = () => {
            const index = take();
            if (index !== null) {
              inFlight++;
              worker.postMessage({ index, file: files[index] as string } satisfies WorkerRequest);
            } else if (inFlight === 0) void worker.terminate().then(() => resolve());
          };
          worker.on("message", (answer: WorkerAnswer) => {
            if ("error" in answer) return reject(new Error(answer.error));
            inFlight--;
            settle(answer.index, answer.result);
            give();
          });
          worker.on("error", reject);
          // Two files in flight: the worker starts the next while its last result travels back.
          worker.once("online", () => {
            give();
            give();
          });
        }),
      );
  }
  // This thread reads the next file while it checks one: the disk is never waited for in between.
  let index = take();
  let ahead = index === null ? null : prefetch(files[index] as string);
  while (index !== null) {
    const current = index;
    const bytes = ahead;
    index = take();
    ahead = index === null ? null : prefetch(files[index] as string);
    settle(current, await checkFile(files[current] as string, options, { stdin, bytes: bytes ?? undefined }));
  }
  await Promise.all(helpers);
  return results as FileResult[];
}
