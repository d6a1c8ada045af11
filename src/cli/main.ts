// chitieu on the command line: the same engine as the task pane, on .xlsx files, for batch checks.
// Exit status: 0 no error finding, 1 at least one, 2 input that cannot be used (one line on stderr).

import { promises as fs, readFileSync } from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../core/check";
import { catalogueProblems, extendCatalogue, type Catalogue } from "../core/model/catalogue";
import { checkText } from "../core/narrative/check";
import { statedReportYear } from "../core/reading/workbook";
import {
  DEFAULT_RULE_CONFIG,
  describeRules,
  mergeRuleConfig,
  ruleConfigSchema,
  RULES,
  validateRuleConfig,
  type ConfigProblem,
  type RuleConfig,
  type RuleConfigFile,
} from "../core/rules";
import { DEFAULT_CATALOGUE } from "../core/model/catalogueData";
import { ExplainedError } from "../core/model/errors";
import { BUILT_IN_TEMPLATES, builtInTemplate, fillTemplate, FIELDS, isTemplateSheet, type EditPlan } from "../core/fill";
import type { UserTemplate } from "../core/fill/userTemplate";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { readWorkbook, WorkbookInputError } from "../hosts/xlsx/readWorkbook";
import { DocumentInputError, isDocumentPackage, readDocx, type DocxText } from "../hosts/docx/readDocx";
import { checkOutput, OutputError, writeWhole } from "./output";
import { parseArgs, parseYear, UsageError } from "./args";
import { renderReport, renderTextReport } from "./report";
import type { Analysis } from "../core/model/indicator";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, for `check-text -`. */
  stdin?(): Promise<Uint8Array>;
}

const USAGE = `Cách dùng / Usage:
  chitieu check <tệp.xlsx> [--year NĂM] [--sheet TÊN_TRANG] [--catalogue danh-muc.json] [--config quy-tac.json] [--json]
      Đọc các biểu chỉ tiêu, tính % kế hoạch, tăng trưởng, đánh giá; kiểm tra số liệu bất hợp lý.
      Reads the indicator sheets, computes plan %, growth, evaluation; flags implausible figures.
  chitieu check-text <tệp.txt|tệp.docx|-> [--year NĂM] [--workbook tệp.xlsx] [--catalogue danh-muc.json] [--config quy-tac.json] [--json]
      Kiểm tra các nhận định số liệu trong lời văn của báo cáo, .txt hoặc Word (và đối chiếu với bảng tính).
      Checks the figures stated in the report's text, plain or Word (and against a workbook).
  chitieu fill <tệp.xlsx> --template <bieu-chi-tieu|bao-cao|mẫu.xlsx|trang mẫu> [--year NĂM] --out <kết-quả.xlsx> [--force]
      Ghi bản sao bảng tính kèm trang báo cáo mới (bảng chỉ tiêu có công thức, hoặc phần lời văn).
      Writes a copy of the workbook with the filled report sheet added; source sheets untouched.
  chitieu templates [tệp.xlsx] [--json]
      Liệt kê các mẫu. Lists the templates.
  chitieu rules [--json | --schema]
      Liệt kê các quy tắc kiểm tra (--schema: JSON Schema của tệp --config). Lists the rules (--schema: the --config file's JSON Schema).
  chitieu --help | --version
Trạng thái thoát / exit status: 0 không có lỗi, 1 có lỗi, 2 không dùng được đầu vào.
`;

/** Input that cannot be used: a missing file, an unreadable workbook or catalogue. */
class InputError extends ExplainedError {}

async function readInput(file: string): Promise<Uint8Array> {
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
async function readJsonOption<T>(
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

interface WorkbookOptions {
  reportYear: number | null;
  sheet: string | null;
  catalogue: Catalogue;
  rules: RuleConfig;
}

async function workbookOptions(values: Record<string, string>): Promise<WorkbookOptions> {
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

/** Reads a workbook file into a snapshot; InputError (exit 2) when it cannot be used. */
async function readWorkbookFile(file: string): Promise<{ bytes: Uint8Array; snapshot: WorkbookSnapshot }> {
  try {
    const bytes = await readInput(file);
    return { bytes, snapshot: await readWorkbook(bytes) };
  } catch (error) {
    if (error instanceof WorkbookInputError || error instanceof InputError)
      throw new InputError(`không dùng được tệp "${file}": ${error.reason}`, error.reasonEn);
    throw error;
  }
}

/**
 * Reads and checks a workbook. With --year, the year the workbook states itself is worked out as
 * well: a different one is said on standard error (the columns are read by --year), and when
 * --year matches no column the refusal names the year the workbook holds.
 */
async function analyzeFile(file: string, options: WorkbookOptions, io: Io, read?: { snapshot: WorkbookSnapshot }): Promise<Analysis> {
  const { snapshot } = read ?? (await readWorkbookFile(file));
  if (snapshot.sheets.length === 0) throw new InputError(`"${file}": bảng tính không có trang nào`, "the workbook has no sheet");
  const { sheet } = options;
  if (sheet !== null && !snapshot.sheets.some((s) => s.name === sheet)) {
    throw new InputError(
      `không có trang "${sheet}" (các trang: ${snapshot.sheets.map((s) => s.name).join(", ")})`,
      `no sheet named "${sheet}"`,
    );
  }
  const analysis = checkWorkbook(snapshot, options);
  // Reading alone tells the year the workbook states: the rules need not run again for it.
  const statedYear = options.reportYear !== null ? statedReportYear(snapshot, options) : null;
  if (!analysis.sheets.some((s) => s.status === "indicators")) {
    if (statedYear !== null)
      throw new InputError(
        `"${file}": không có cột nào của năm ${options.reportYear} (--year); bảng tính ghi năm ${statedYear}`,
        `no column of ${options.reportYear} (--year); the workbook states ${statedYear}`,
      );
    const why = analysis.sheets.map((s) => `"${s.name}": ${s.reason}`).join("; ");
    throw new InputError(`"${file}": không tìm thấy biểu chỉ tiêu nào (${why || "bảng tính trống"})`, "no indicator sheet found");
  }
  if (statedYear !== null && statedYear !== options.reportYear)
    io.stderr(
      `chitieu: chú ý: --year ${options.reportYear} khác năm bảng tính ghi (${statedYear}); các cột được đọc theo năm ${options.reportYear} (note: --year differs from the workbook's ${statedYear})\n`,
    );
  return analysis;
}

/** Finds the template an option names: a built-in id, a template .xlsx file, or a sheet of the workbook. */
async function resolveTemplate(
  name: string,
  snapshot: WorkbookSnapshot,
): Promise<{ builtIn: string } | { sheets: UserTemplate[]; bytes: Uint8Array | null }> {
  if (builtInTemplate(name)) return { builtIn: name };
  const own = snapshot.sheets.find((s) => s.name === name);
  if (own) {
    if (!isTemplateSheet(own))
      throw new InputError(`trang "${name}" không có ô mẫu {{…}} nào`, `sheet "${name}" holds no {{…}} placeholder`);
    return { sheets: [{ sheet: own, from: "workbook" }], bytes: null };
  }
  if (!/\.xlsx$/i.test(name)) {
    const known = BUILT_IN_TEMPLATES.map((t) => t.id).join(", ");
    throw new UsageError(
      `không có mẫu "${name}" (mẫu có sẵn: ${known}; hoặc một tệp mẫu .xlsx, hoặc tên một trang mẫu trong bảng tính)`,
      `no template "${name}"`,
    );
  }
  const { bytes, snapshot: template } = await readWorkbookFile(name);
  const sheets = template.sheets.filter(isTemplateSheet);
  if (sheets.length === 0)
    throw new InputError(`tệp mẫu "${name}" không có trang nào chứa ô mẫu {{…}}`, "the template file holds no {{…}} placeholder");
  return { sheets: sheets.map((sheet) => ({ sheet, from: "template" as const })), bytes };
}

async function fill(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { values: ["year", "sheet", "catalogue", "config", "template", "out"], flags: ["force"] });
  if (args.positional.length !== 1) throw new UsageError("cần đúng một tệp .xlsx", "expected exactly one .xlsx file");
  const file = args.positional[0];
  const { template: templateName, out } = args.values;
  if (!templateName) throw new UsageError("thiếu --template (bieu-chi-tieu, bao-cao hoặc tệp mẫu .xlsx)", "--template is required");
  if (!out) throw new UsageError("thiếu --out (tệp kết quả .xlsx)", "--out is required");
  if (path.resolve(out) === path.resolve(file))
    throw new UsageError(
      "--out không được trùng tệp đầu vào (chitieu không ghi đè tệp của người dùng)",
      "--out must differ from the input file",
    );
  // Excel opens a workbook only under the extension of its kind: one with macros stays .xlsm.
  if (/\.xlsm$/i.test(file) !== /\.xlsm$/i.test(out))
    throw new UsageError(
      `--out phải có đuôi ${/\.xlsm$/i.test(file) ? ".xlsm (bảng tính có macro)" : ".xlsx"} như tệp đầu vào`,
      `--out must have the input's extension (${/\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx"})`,
    );
  // Before any reading: a refused output costs the official no wait.
  await checkOutput(out, [file, templateName], args.flags.has("force"));
  const options = await workbookOptions(args.values);
  const read = await readWorkbookFile(file);
  const analysis = await analyzeFile(file, options, io, read);
  const template = await resolveTemplate(templateName, read.snapshot);
  const sheets = [];
  if ("builtIn" in template) {
    sheets.push(...(fillTemplate(read.snapshot, analysis, template.builtIn).plan as EditPlan).sheets);
  } else {
    const problems: string[] = [];
    for (const user of template.sheets) {
      const filled = fillTemplate(read.snapshot, analysis, user, options.catalogue);
      if (filled.plan) sheets.push(...filled.plan.sheets);
      else for (const p of filled.problems) problems.push(`  [${user.sheet.name}] ${p.message}`);
    }
    if (problems.length > 0) {
      io.stderr(
        `chitieu: mẫu có ${problems.length} lỗi, chưa ghi gì (the template has ${problems.length} problem(s); nothing written):\n${problems.join("\n")}\n`,
      );
      return 2;
    }
  }
  // The package writer is needed only to write: `check` does without it.
  const { applyPlanToBytes } = await import("../hosts/xlsx/applyPlan");
  let bytes: Uint8Array;
  try {
    bytes = await applyPlanToBytes(read.bytes, { sheets }, "bytes" in template ? template.bytes : null);
  } catch (error) {
    if (error instanceof WorkbookInputError) throw new InputError(`không dùng được tệp "${file}": ${error.reason}`, error.reasonEn);
    throw error;
  }
  await writeWhole(out, bytes);
  for (const sheet of sheets) {
    io.stdout(
      `Đã tạo trang "${sheet.name}"${sheet.replaces ? " (thay trang chitieu tạo lần trước)" : ""} trong ${out}. Created sheet "${sheet.name}".\n`,
    );
  }
  return analysis.findings.some((f) => f.severity === "error") ? 1 : 0;
}

async function listTemplates(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { values: [], flags: ["json"] });
  const own =
    args.positional.length === 1
      ? (await readWorkbookFile(args.positional[0])).snapshot.sheets.filter(isTemplateSheet).map((s) => s.name)
      : [];
  if (args.flags.has("json")) {
    io.stdout(
      JSON.stringify({
        builtIn: BUILT_IN_TEMPLATES.map(({ id, name, nameEn, description, descriptionEn }) => ({
          id,
          name,
          nameEn,
          description,
          descriptionEn,
        })),
        sheets: own,
      }) + "\n",
    );
    return 0;
  }
  const lines = BUILT_IN_TEMPLATES.map((t) => `  ${t.id.padEnd(15)} ${t.name} / ${t.nameEn}\n  ${"".padEnd(15)} ${t.description}`);
  io.stdout(`Mẫu có sẵn / built-in templates:\n${lines.join("\n")}\n`);
  if (own.length > 0) io.stdout(`Trang mẫu trong bảng tính / template sheets in the workbook:\n${own.map((n) => `  ${n}`).join("\n")}\n`);
  io.stdout(
    `Mẫu của người dùng: một trang có ô {{Tên chỉ tiêu | trường | định dạng}}; trường: ${FIELDS.join(", ")}; {{each Nhóm}} lặp một dòng cho mọi chỉ tiêu của nhóm, {{@ | trường}} trong dòng đó.\n`,
  );
  return 0;
}

async function check(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { values: ["year", "sheet", "catalogue", "config"], flags: ["json"] });
  if (args.positional.length !== 1) throw new UsageError("cần đúng một tệp .xlsx", "expected exactly one .xlsx file");
  const file = args.positional[0];
  const analysis = await analyzeFile(file, await workbookOptions(args.values), io);
  const name = path.basename(file);
  if (args.flags.has("json")) writeJson(name, analysis, io);
  else io.stdout(renderReport(name, analysis));
  return analysis.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/**
 * Writes the JSON of toJson in pieces: the same text, without first building one string of the
 * whole workbook's indicators (tens of megabytes for a large one).
 */
function writeJson(file: string, analysis: Analysis, io: Io): void {
  const head = JSON.stringify(toJson(file, { ...analysis, indicators: [], findings: [] }));
  const open = head.indexOf('"indicators":[]');
  io.stdout(head.slice(0, open) + '"indicators":[');
  const BATCH = 500;
  for (let i = 0; i < analysis.indicators.length; i += BATCH) {
    const batch = JSON.stringify(analysis.indicators.slice(i, i + BATCH));
    io.stdout((i > 0 ? "," : "") + batch.slice(1, -1));
  }
  io.stdout('],"findings":' + JSON.stringify(analysis.findings) + head.slice(open + '"indicators":[],"findings":[]'.length) + "\n");
}

/**
 * Text from a file or standard input: a Word .docx by its content (one paragraph a line, `document`
 * says so), or UTF-8 (or UTF-16 with its byte-order mark) text; never binary.
 */
async function readText(file: string, io: Io): Promise<{ text: string; document: DocxText | null }> {
  let bytes: Uint8Array;
  if (file === "-") {
    if (!io.stdin) throw new InputError("không đọc được đầu vào chuẩn", "standard input is not available");
    bytes = await io.stdin();
  } else {
    try {
      bytes = await readInput(file);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`không dùng được tệp "${file}": ${error.reason}`, error.reasonEn);
      throw error;
    }
  }
  if (isDocumentPackage(bytes)) {
    try {
      const document = await readDocx(bytes);
      return { text: document.text, document };
    } catch (error) {
      if (error instanceof DocumentInputError) throw new InputError(`không dùng được tệp "${file}": ${error.reason}`, error.reasonEn);
      throw error;
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), document: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), document: null };
  if (bytes.includes(0)) throw new InputError(`"${file}" không phải tệp văn bản (hãy lưu phần lời văn thành .txt)`, "not a text file");
  return { text: new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""), document: null };
}

async function checkTextCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { values: ["year", "workbook", "sheet", "catalogue", "config"], flags: ["json"] });
  if (args.positional.length !== 1)
    throw new UsageError("cần đúng một tệp văn bản (hoặc - để đọc từ đầu vào chuẩn)", "expected exactly one text file, or -");
  const file = args.positional[0];
  const options = await workbookOptions(args.values);
  const { text, document } = await readText(file, io);
  const analysis = args.values.workbook ? await analyzeFile(args.values.workbook, options, io) : null;
  // A Word document's text has one paragraph per line.
  const result = checkText(text, {
    reportYear: options.reportYear,
    analysis,
    catalogue: options.catalogue,
    rules: options.rules,
    paragraphPerLine: document !== null,
  });
  const name = file === "-" ? "(đầu vào chuẩn)" : path.basename(file);
  io.stdout(args.flags.has("json") ? JSON.stringify(result) + "\n" : renderTextReport(name, result, document));
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** `chitieu rules`: every rule of the registry with its scope, severity, description and options; --json the records, --schema the --config schema. */
function listRules(argv: string[], io: Io): number {
  const args = parseArgs(argv, { values: [], flags: ["json", "schema"] });
  if (args.positional.length > 0) throw new UsageError("lệnh rules không nhận tệp nào", "rules takes no file");
  if (args.flags.has("schema")) {
    io.stdout(JSON.stringify(ruleConfigSchema(), null, 2) + "\n");
    return 0;
  }
  if (args.flags.has("json")) {
    io.stdout(JSON.stringify({ rules: describeRules() }) + "\n");
    return 0;
  }
  const indent = " ".repeat(4);
  const lines = RULES.map((r) => {
    const options = Object.entries(r.options).map(
      ([name, o]) => `${indent}tùy chọn / option ${name} = ${JSON.stringify(o.default)}: ${o.description}`,
    );
    return [
      `${r.id.padEnd(22)} ${r.scope.padEnd(7)} ${r.severity.padEnd(8)} ${r.name} (${r.nameEn})`,
      `${indent}${r.description}`,
      ...options,
    ].join("\n");
  });
  const head = `${"quy tắc / rule".padEnd(22)} ${"phạm vi".padEnd(7)} ${"mức".padEnd(8)} tên (name)`;
  io.stdout(`${head}\n${lines.join("\n")}\n`);
  return 0;
}

/** The JSON of docs/cli.md: file, reportYear, indicators, findings (plus the sheets as read). */
export function toJson(file: string, analysis: Analysis): object {
  return {
    file,
    reportYear: analysis.reportYear,
    reportYearSource: analysis.reportYearSource,
    sheets: analysis.sheets,
    indicators: analysis.indicators,
    findings: analysis.findings,
  };
}

function version(): string {
  // lib/cli/main.js → package.json two folders up, as in the source tree.
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Text for a terminal: control characters other than line breaks and tabs (a cell's escape codes
 * could move the cursor, recolour or retitle the terminal) shown as \\xHH instead.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

export async function run(argv: string[], terminal: Io): Promise<number> {
  const [command, ...rest] = argv;
  // Everything printed passes through terminalSafe (JSON escapes control characters itself).
  const io: Io = { ...terminal, stdout: (t) => terminal.stdout(terminalSafe(t)), stderr: (t) => terminal.stderr(terminalSafe(t)) };
  try {
    switch (command) {
      case "check":
        return await check(rest, io);
      case "check-text":
        return await checkTextCommand(rest, io);
      case "rules":
        return listRules(rest, io);
      case "fill":
        return await fill(rest, io);
      case "templates":
        return await listTemplates(rest, io);
      case "--version":
      case "-v":
        io.stdout(`chitieu ${version()}\n`);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`lệnh không hợp lệ: "${command}"`, `unknown command: "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`chitieu: ${error.reason} (${error.reasonEn}). Xem: chitieu --help\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof OutputError) {
      io.stderr(`chitieu: ${error.reason} (${error.reasonEn})\n`);
      return 2;
    }
    io.stderr(`chitieu: lỗi không mong đợi (unexpected error): ${(error as Error).message}\n`);
    return 2;
  }
}
