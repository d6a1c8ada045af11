// Reading what the command line is given: files (a path, or standard input), option files
// (--catalogue, --config) and workbooks, each refused with one reason in both languages.

import { promises as fs } from "node:fs";
import { checkWorkbook, type CheckResult } from "../core/check";
import { catalogueProblems, extendCatalogue, type Catalogue } from "../core/model/catalogue";
import { DEFAULT_CATALOGUE } from "../core/model/catalogueData";
import { ExplainedError } from "../core/model/errors";
import type { Ignore } from "../core/model/ignores";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { statedReportYear } from "../core/reading/workbook";
import {
  DEFAULT_RULE_CONFIG,
  mergeRuleConfig,
  validateRuleConfig,
  type ConfigProblem,
  type RuleConfig,
  type RuleConfigFile,
} from "../core/rules";
import { WorkbookInputError } from "../hosts/xlsx/readWorkbook";
import { readWorkbookWithIgnores } from "../hosts/xlsx/settings";
import { parseYear } from "./args";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, for `check-text -` and `check -`. */
  stdin?(): Promise<Uint8Array>;
  /** Whether standard error is a terminal (a batch shows its progress there). */
  stderrIsTerminal?: boolean;
  /** Standard error as it is, for the progress line's carriage returns. */
  rawStderr?(text: string): void;
  /** Standard output as it is, for JSON text whose controls are escaped where it is built. */
  rawStdout?(text: string): void;
}

/** Input that cannot be used: a missing file, an unreadable workbook or catalogue. */
export class InputError extends ExplainedError {
  constructor(
    reason: string,
    reasonEn: string,
    /** The reason without the file it is about, for a list that names each file itself (a batch). */
    readonly bare = reason,
  ) {
    super(reason, reasonEn);
  }
}

/** An error about one file: the message names it ("không dùng được tệp …" when the file itself is unusable). */
function fileError(file: string, reason: string, reasonEn: string, unusable = false): InputError {
  const shown = file === "-" ? "(đầu vào chuẩn)" : file;
  return new InputError(unusable ? `không dùng được tệp "${shown}": ${reason}` : `"${shown}": ${reason}`, reasonEn, reason);
}

/** A file that cannot be used, and why: one line, exit 2. */
export function unusableFile(file: string, error: { reason: string; reasonEn: string }): InputError {
  return fileError(file, error.reason, error.reasonEn, true);
}

/** The bytes of a file, or of standard input for "-". */
export async function inputBytes(file: string, stdin?: () => Promise<Uint8Array>): Promise<Uint8Array> {
  if (file !== "-") return readInput(file);
  if (!stdin) throw new InputError("không đọc được đầu vào chuẩn", "standard input is not available");
  return stdin();
}

export async function readInput(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new InputError("đây là một thư mục, không phải tệp", "it is a directory");
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError("tệp không tồn tại", "file not found");
    if (code === "EACCES") throw new InputError("không có quyền đọc tệp", "permission denied");
    throw new InputError("không đọc được tệp", (error as Error).message);
  }
}

/**
 * Reads a JSON option file (--catalogue, --config), checking it with `problemsOf`: problems as text
 * ("vi / en"), or each with its key in both languages (all on one line, Vietnamese then English).
 */
export async function readJsonOption<T>(
  file: string,
  label: string,
  labelEn: string,
  problemsOf: (value: unknown) => Array<string | ConfigProblem>,
): Promise<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(await readInput(file)));
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${label} "${file}": ${error.reason}`, `${labelEn} "${file}": ${error.reasonEn}`);
    throw new InputError(`${label} "${file}" không phải JSON hợp lệ`, `${labelEn} "${file}" is not valid JSON`);
  }
  const problems = problemsOf(parsed);
  if (problems.length > 0) {
    const text = (p: string | ConfigProblem, lang: "vi" | "en") =>
      typeof p === "string" ? p : `${p.path ? `${p.path}: ` : ""}${lang === "vi" ? p.vi : p.en}`;
    const en = problems.every((p) => typeof p !== "string")
      ? `${labelEn} "${file}": ${problems.map((p) => text(p, "en")).join("; ")}`
      : `invalid ${labelEn}`;
    throw new InputError(`${label} "${file}": ${problems.map((p) => text(p, "vi")).join("; ")}`, en);
  }
  return parsed as T;
}

export interface WorkbookOptions {
  reportYear: number | null;
  sheet: string | null;
  catalogue: Catalogue;
  rules: RuleConfig;
  /** A blank form (the table `consolidate` fills): a header with indicators named below it and no figures yet. */
  blankForm?: boolean;
}

export async function workbookOptions(values: Record<string, string>): Promise<WorkbookOptions> {
  const catalogue = values.catalogue
    ? extendCatalogue(
        DEFAULT_CATALOGUE,
        await readJsonOption<Partial<Catalogue>>(values.catalogue, "danh mục", "catalogue", catalogueProblems),
      )
    : DEFAULT_CATALOGUE;
  const rules = values.config
    ? mergeRuleConfig(
        DEFAULT_RULE_CONFIG,
        await readJsonOption<RuleConfigFile>(values.config, "cấu hình quy tắc", "rule configuration", (v) => validateRuleConfig(v)),
      )
    : DEFAULT_RULE_CONFIG;
  return { reportYear: parseYear(values.year), sheet: values.sheet ?? null, catalogue, rules };
}

/** Where a workbook's bytes come from when not from its path: standard input ("-"), or a read already started. */
export interface WorkbookSource {
  stdin?: () => Promise<Uint8Array>;
  bytes?: Promise<Uint8Array>;
}

/**
 * Reads a workbook file ("-": standard input) into a snapshot, with the findings the official set
 * aside in the pane (saved in the workbook); InputError (exit 2) when it cannot be used.
 */
export async function readWorkbookFile(
  file: string,
  source: WorkbookSource = {},
): Promise<{ bytes: Uint8Array; snapshot: WorkbookSnapshot; ignores: Ignore[] }> {
  try {
    const bytes = await (file !== "-" && source.bytes ? source.bytes : inputBytes(file, source.stdin));
    return { bytes, ...(await readWorkbookWithIgnores(bytes)) };
  } catch (error) {
    if (error instanceof WorkbookInputError || error instanceof InputError) throw unusableFile(file, error);
    throw error;
  }
}

/**
 * Reads and checks a workbook (or takes one already read). With --year, the year the workbook
 * states itself is worked out as well: a different one is said through `warn` (the columns are
 * read by --year), and when --year matches no column the refusal names the year the workbook holds.
 */
export async function analyzeFile(
  file: string,
  options: WorkbookOptions,
  warn: (text: string) => void,
  from: { snapshot: WorkbookSnapshot; ignores?: readonly Ignore[] } | WorkbookSource = {},
): Promise<CheckResult> {
  const { snapshot, ignores } = "snapshot" in from ? from : await readWorkbookFile(file, from);
  if (snapshot.sheets.length === 0) throw fileError(file, "bảng tính không có trang nào", "the workbook has no sheet");
  const { sheet } = options;
  if (sheet !== null && !snapshot.sheets.some((s) => s.name === sheet)) {
    throw new InputError(
      `không có trang "${sheet}" (các trang: ${snapshot.sheets.map((s) => s.name).join(", ")})`,
      `no sheet named "${sheet}"`,
    );
  }
  const analysis = checkWorkbook(snapshot, { ...options, ignores });
  // Reading alone tells the year the workbook states: the rules need not run again for it.
  const statedYear = options.reportYear !== null ? statedReportYear(snapshot, options) : null;
  if (!analysis.sheets.some((s) => s.status === "indicators")) {
    if (statedYear !== null)
      throw fileError(
        file,
        `không có cột nào của năm ${options.reportYear} (--year); bảng tính ghi năm ${statedYear}`,
        `no column of ${options.reportYear} (--year); the workbook states ${statedYear}`,
      );
    const why = analysis.sheets.map((s) => `"${s.name}": ${s.reason}`).join("; ");
    throw fileError(file, `không tìm thấy biểu chỉ tiêu nào (${why || "bảng tính trống"})`, "no indicator sheet found");
  }
  if (statedYear !== null && statedYear !== options.reportYear)
    warn(
      `chitieu: chú ý: --year ${options.reportYear} khác năm bảng tính ghi (${statedYear}); các cột được đọc theo năm ${options.reportYear} (note: --year differs from the workbook's ${statedYear})\n`,
    );
  return analysis;
}
