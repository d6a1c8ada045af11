// chitieu on the command line: the same engine as the task pane, on .xlsx files, for batch checks.
// Exit status: 0 no error finding, 1 at least one, 2 input that cannot be used (one line on stderr),
// 3 an internal error (one line; the stack only with CHITIEU_DEBUG set).

import { createHash } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import type { CheckResult } from "../core/check";
import { severityCounts } from "../core/model/findings";
import type { PairOverride } from "../core/compare";
import type { UnitMapping } from "../core/mergedUnits";
import { describeRules, ruleConfigSchema, RULES } from "../core/rules";
import type { EditPlan } from "../core/fill";
import type { UserTemplate } from "../core/fill/userTemplate";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { WorkbookInputError } from "../hosts/xlsx/readWorkbook";
import type { DocxText } from "../hosts/docx/readDocx";
import { checkOutput, OutputError, writeWhole } from "./output";
import { parseArgs, UsageError } from "./args";
import {
  batchStatus,
  checkedResult,
  csvLines,
  CSV_HEADER,
  expandInputs,
  fileJson,
  ignoredEntries,
  isGlob,
  runBatch,
  summarize,
  type Unmatched,
} from "./batch";
import { renderBatchLine, renderBatchTotal, renderComparison, renderConsolidation, renderReport, renderTextReport } from "./report";
import {
  analyzeFile,
  inputBytes,
  InputError,
  readJsonOption,
  readWorkbookFile,
  unusableFile,
  workbookOptions,
  type Io,
} from "./workbookFile";

export type { Io } from "./workbookFile";

/** Each command's usage, as `chitieu <command> --help` prints it; `chitieu --help` prints them all. */
const COMMANDS: Record<string, string> = {
  check: `  chitieu check <tệp.xlsx|thư mục|mẫu tên tệp|->… [--year NĂM] [--sheet TÊN_TRANG] [--catalogue danh-muc.json] [--config quy-tac.json]
                [--json | --format json|ndjson|csv] [--report tong-hop.xlsx [--force]] [--jobs N]
      Đọc các biểu chỉ tiêu, tính % kế hoạch, tăng trưởng, đánh giá; kiểm tra số liệu bất hợp lý. Nhiều tệp, thư mục (cả thư mục con)
      hoặc mẫu tên tệp ("*.xlsx", "**/*.xlsx"): kiểm tra tất cả, tệp không dùng được được báo kèm lý do; --report ghi bảng tính tổng hợp.
      Reads the indicator sheets, computes plan %, growth, evaluation; flags implausible figures. Several files, folders (recursively)
      or patterns: checks them all, reporting unusable files with the reason; --report writes a summary workbook. "-": standard input.`,
  "check-text": `  chitieu check-text <tệp.txt|tệp.docx|-> [--year NĂM] [--workbook tệp.xlsx] [--catalogue danh-muc.json] [--config quy-tac.json] [--json]
      Kiểm tra các nhận định số liệu trong lời văn của báo cáo, .txt hoặc Word (và đối chiếu với bảng tính).
      Checks the figures stated in the report's text, plain or Word (and against a workbook).`,
  compare: `  chitieu compare <hiện-tại.xlsx> <kỳ-trước.xlsx>… [--year NĂM] [--pairs ghep.json] [--units don-vi.json] [--catalogue danh-muc.json] [--config quy-tac.json] [--json]
      So báo cáo với các báo cáo trước: cùng năm, kỳ trước (số cộng dồn không giảm, kế hoạch năm giữ nguyên, ước cả năm không đổi quá ngưỡng),
      cùng kỳ năm trước (số cùng kỳ bằng số đã công bố), ước cả năm trước (gốc của năm nay); đơn vị hợp nhất (--units): số cùng kỳ bằng
      tổng các đơn vị cũ; --pairs ghép tay chỉ tiêu. Mỗi vấn đề nêu mọi ô liên quan. Compares a report with earlier ones: the same year's
      earlier period, last year's same period, last year's whole-year estimate as this year's baseline; a merged unit against the sum of
      its former units (--units); pairs set by hand (--pairs). Each finding names every cell involved.`,
  consolidate: `  chitieu consolidate <thư-mục|tệp.xlsx|mẫu>… --template <biểu-tổng-hợp.xlsx> --out <kết-quả.xlsx> [--weights trong-so.json] [--pairs ghep.json] [--units don-vi.json] [--year NĂM] [--catalogue danh-muc.json] [--config quy-tac.json] [--force] [--json]
      Tổng hợp báo cáo của các đơn vị vào biểu của tỉnh: cộng số tuyệt đối, bình quân tỷ lệ theo trọng số (thiếu trọng số thì không tổng hợp),
      mỗi số là công thức trên trang "Nguồn tổng hợp" ghi rõ nguồn; rồi kiểm tra kết quả. Consolidates the units' reports into the province's
      table: flows and stocks summed, rates weighted (never without weights), each figure a formula over a sheet tracing its sources.`,
  fill: `  chitieu fill <tệp.xlsx> --template <bieu-chi-tieu|bao-cao|mẫu.xlsx|trang mẫu> [--year NĂM] --out <kết-quả.xlsx> [--force]
      Ghi bản sao bảng tính kèm trang báo cáo mới (bảng chỉ tiêu có công thức, hoặc phần lời văn).
      Writes a copy of the workbook with the filled report sheet added; source sheets untouched.`,
  templates: `  chitieu templates [tệp.xlsx] [--json]
      Liệt kê các mẫu. Lists the templates.`,
  rules: `  chitieu rules [--json | --schema]
      Liệt kê các quy tắc kiểm tra (--schema: JSON Schema của tệp --config). Lists the rules (--schema: the --config file's JSON Schema).`,
};

const EXIT = `Trạng thái thoát / exit status: 0 không có lỗi, 1 có lỗi, 2 không dùng được đầu vào (một tệp trở lên), 3 lỗi nội bộ.
`;

const USAGE = `Cách dùng / Usage:
${Object.values(COMMANDS).join("\n")}
  chitieu <lệnh> --help | chitieu --help | --version
${EXIT}`;

/** `chitieu <command> --help`: that command's usage; true when it was asked for. */
function helpAsked(command: string, args: { flags: Set<string> }, io: Io): boolean {
  if (!args.flags.has("help")) return false;
  io.stdout(`Cách dùng / Usage:\n${COMMANDS[command]}\n${EXIT}`);
  return true;
}

/** Templates and filling, loaded by the commands that use them: `check` starts without them. */
const fillModule = () => import("../core/fill");

/** Finds the template an option names: a built-in id, a template .xlsx file, or a sheet of the workbook. */
async function resolveTemplate(
  name: string,
  snapshot: WorkbookSnapshot,
): Promise<{ builtIn: string } | { sheets: UserTemplate[]; bytes: Uint8Array | null }> {
  const { BUILT_IN_TEMPLATES, builtInTemplate, isTemplateSheet } = await fillModule();
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
  if (helpAsked("fill", args, io)) return 0;
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
  sameKind(file, out);
  // Before any reading: a refused output costs the official no wait.
  await checkOutput(out, [file, templateName], args.flags.has("force"));
  const options = await workbookOptions(args.values);
  const read = await readWorkbookFile(file);
  const analysis = await analyzeFile(file, options, io.stderr, read);
  const template = await resolveTemplate(templateName, read.snapshot);
  const sheets = [];
  if ("builtIn" in template) {
    sheets.push(...((await fillModule()).fillTemplate(read.snapshot, analysis, template.builtIn).plan as EditPlan).sheets);
  } else {
    const problems: string[] = [];
    for (const user of template.sheets) {
      const filled = (await fillModule()).fillTemplate(read.snapshot, analysis, user, options.catalogue);
      if (filled.plan) sheets.push(...filled.plan.sheets);
      else for (const p of filled.problems) problems.push(`  [${user.sheet.name}] ${p.message} (${p.messageEn})`);
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
    if (error instanceof WorkbookInputError) throw unusableFile(file, error);
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
  if (helpAsked("templates", args, io)) return 0;
  const { BUILT_IN_TEMPLATES, FIELDS, isTemplateSheet } = await fillModule();
  const own =
    args.positional.length === 1
      ? (await readWorkbookFile(args.positional[0])).snapshot.sheets.filter(isTemplateSheet).map((s) => s.name)
      : [];
  if (args.flags.has("json")) {
    printJson(io, {
      builtIn: BUILT_IN_TEMPLATES.map(({ id, name, nameEn, description, descriptionEn }) => ({
        id,
        name,
        nameEn,
        description,
        descriptionEn,
      })),
      sheets: own,
    });
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

const FORMATS = ["text", "json", "ndjson", "csv"] as const;
type Format = (typeof FORMATS)[number];

async function check(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { values: ["year", "sheet", "catalogue", "config", "format", "report", "jobs"], flags: ["json", "force"] });
  if (helpAsked("check", args, io)) return 0;
  if (args.positional.length === 0)
    throw new UsageError("cần ít nhất một tệp .xlsx, thư mục hoặc mẫu tên tệp", "expected at least one .xlsx file, folder or pattern");
  const format = (args.values.format ?? (args.flags.has("json") ? "json" : "text")) as Format;
  if (!FORMATS.includes(format) || (args.flags.has("json") && format !== "json"))
    throw new UsageError(
      `--format phải là ${FORMATS.join(", ")} (và không đi cùng --json)`,
      `--format must be one of ${FORMATS.join(", ")}`,
    );
  const jobs = args.values.jobs === undefined ? availableParallelism() : Number(args.values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError("--jobs cần một số nguyên dương", "--jobs needs a positive integer");
  const report = args.values.report;
  const options = await workbookOptions(args.values);
  const [first] = args.positional;
  // A file whose name has "[" or "*" is a file, not a pattern, when it is there.
  const given = first === "-" ? null : await fs.stat(first).catch(() => null);
  const single = args.positional.length === 1 && (given ? !given.isDirectory() : !isGlob(first));
  if (single && format !== "ndjson" && format !== "csv") {
    // Before any reading: a refused report costs the official no wait.
    if (report) await checkOutput(report, first === "-" ? [] : [first], args.flags.has("force"), "--report");
    // One file: the report or JSON of before, unchanged; a file that cannot be used, one line and exit 2.
    const analysis = await analyzeFile(first, options, io.stderr, { stdin: io.stdin });
    const name = first === "-" ? "(đầu vào chuẩn)" : path.basename(first);
    if (format === "json") writeJson(name, analysis, io);
    else io.stdout(renderReport(name, analysis));
    if (report) await writeWhole(report, await (await import("./summary")).summaryWorkbook([checkedResult(first, analysis)]));
    return analysis.open.some((f) => f.severity === "error") ? 1 : 0;
  }
  // A summary written into the folder it sums up is replaced on the next run (with --force), and
  // not checked as a submission; any other file there is a submission, never written over.
  const expanded = await expandInputs(args.positional);
  const replaced = report ? await summaryAt(report) : null;
  const files = expanded.filter((f) => replaced === null || typeof f !== "string" || path.resolve(f) !== replaced);
  if (report)
    await checkOutput(
      report,
      files.filter((f): f is string => typeof f === "string" && f !== "-"),
      args.flags.has("force"),
      "--report",
    );
  const progress = io.stderrIsTerminal && files.length > 1 ? new Progress(files, io) : null;
  if (format === "csv") io.stdout(CSV_HEADER.join(",") + "\n");
  if (format === "text") io.stdout(`chitieu: kiểm tra ${files.length} tệp / checking ${files.length} files\n`);
  const results = await runBatch(
    files,
    args.values,
    options,
    jobs,
    (result) => {
      progress?.clear();
      if (format === "ndjson") printJson(io, fileJson(result));
      else if (format === "csv") for (const line of csvLines(result)) io.stdout(line + "\n");
      else if (format === "text") io.stdout(renderBatchLine(result));
      // The text report shows a file's notes (a --year the workbook contradicts); the formats for scripts keep to their shape.
      if (format !== "text") for (const note of result.notes) io.stderr(`chitieu: ${result.file}: ${note}\n`);
      progress?.done();
    },
    io.stdin,
  );
  progress?.clear();
  const summary = summarize(results);
  if (format === "json") printJson(io, { files: results.map(fileJson), summary });
  if (format === "text") io.stdout(renderBatchTotal(summary));
  if (report) {
    await writeWhole(report, await (await import("./summary")).summaryWorkbook(results));
    io.stderr(`chitieu: đã ghi bảng tổng hợp ${report} (summary workbook written)\n`);
  }
  return batchStatus(results);
}

/** The resolved path of a summary chitieu wrote at `file` (--report of an earlier run); null for none or any other file. */
async function summaryAt(file: string): Promise<string | null> {
  const read = await readWorkbookFile(file).catch(() => null);
  const { isSummaryWorkbook } = await import("./batch");
  return read && isSummaryWorkbook(read.snapshot) ? path.resolve(file) : null;
}

/**
 * Files done out of all, and the next one awaited, on the last line of a terminal's standard
 * error; cleared before anything else is printed and drawn again after; no colour, no escape codes.
 */
class Progress {
  private count = 0;
  private width = 0;
  constructor(
    private readonly files: ReadonlyArray<string | { file: string }>,
    private readonly io: Io,
  ) {}

  done(): void {
    const next = this.files[++this.count];
    const name = next === undefined ? "" : typeof next === "string" ? next : next.file;
    const line = `[${this.count}/${this.files.length}] ${terminalSafe(name)}`.slice(0, 100);
    this.io.rawStderr?.(`\r${line}`);
    this.width = line.length;
  }

  clear(): void {
    if (this.width > 0) this.io.rawStderr?.(`\r${" ".repeat(this.width)}\r`);
    this.width = 0;
  }
}

/**
 * The JSON of docs/cli.md (file, reportYear, the sheets as read, indicators, open findings, and the
 * ignored ones when the official set some aside in the pane), written in pieces: the same text,
 * without first building one string of the whole workbook's indicators (tens of megabytes for a
 * large one).
 */
export function writeJson(file: string, analysis: CheckResult, io: Io): void {
  const out = io.rawStdout ?? io.stdout;
  const { reportYear, reportYearSource, sheets } = analysis;
  out(jsonText({ file, reportYear, reportYearSource, sheets }).slice(0, -1) + ',"indicators":');
  const PART = 500;
  for (let i = 0; i < analysis.indicators.length; i += PART) {
    const part = jsonText(analysis.indicators.slice(i, i + PART));
    out(i === 0 ? "[" : ",");
    out(part.slice(1, -1));
  }
  out(analysis.indicators.length === 0 ? "[]" : "]");
  const ignored = ignoredEntries(analysis);
  // A workbook without findings set aside gives the JSON it gave before the pane could set any aside.
  out(`,"findings":${jsonText(analysis.open)}${ignored.length > 0 ? `,"ignored":${jsonText(ignored)}` : ""}}\n`);
}

/** Prints a value as one line of JSON. */
function printJson(io: Io, value: unknown, space?: number): void {
  (io.rawStdout ?? io.stdout)(jsonText(value, space) + "\n");
}

/**
 * Text from a file or standard input: a Word .docx by its content (one paragraph a line, `document`
 * says so), or UTF-8 (or UTF-16 with its byte-order mark) text; never binary.
 */
async function readText(file: string, io: Io): Promise<{ text: string; document: DocxText | null }> {
  let bytes: Uint8Array;
  try {
    bytes = await inputBytes(file, io.stdin);
  } catch (error) {
    if (error instanceof InputError) throw unusableFile(file, error);
    throw error;
  }
  const { DocumentInputError, isDocumentPackage, readDocx } = await import("../hosts/docx/readDocx");
  if (isDocumentPackage(bytes)) {
    try {
      const document = await readDocx(bytes);
      return { text: document.text, document };
    } catch (error) {
      if (error instanceof DocumentInputError) throw unusableFile(file, error);
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
  if (helpAsked("check-text", args, io)) return 0;
  if (args.positional.length !== 1)
    throw new UsageError("cần đúng một tệp văn bản (hoặc - để đọc từ đầu vào chuẩn)", "expected exactly one text file, or -");
  const file = args.positional[0];
  const options = await workbookOptions(args.values);
  const { text, document } = await readText(file, io);
  const analysis = args.values.workbook ? await analyzeFile(args.values.workbook, options, io.stderr) : null;
  // A Word document's text has one paragraph per line.
  const { checkText } = await import("../core/narrative/check");
  const result = checkText(text, {
    reportYear: options.reportYear,
    analysis,
    catalogue: options.catalogue,
    rules: options.rules,
    paragraphPerLine: document !== null,
  });
  const name = file === "-" ? "(đầu vào chuẩn)" : path.basename(file);
  if (args.flags.has("json")) printJson(io, result);
  else io.stdout(renderTextReport(name, result, document));
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** Excel opens a workbook only under the extension of its kind: a copy of one with macros stays .xlsm. */
function sameKind(input: string, out: string): void {
  const macros = /\.xlsm$/i.test(input);
  if (macros !== /\.xlsm$/i.test(out))
    throw new UsageError(
      `--out phải có đuôi ${macros ? ".xlsm (bảng tính có macro)" : ".xlsx"} như tệp đầu vào`,
      `--out must have the input's extension (${macros ? ".xlsm" : ".xlsx"})`,
    );
}

/** The pairs set by hand (--pairs) and the units mapping (--units) of `compare` and `consolidate`, each checked. */
async function pairsAndUnits(values: Record<string, string>): Promise<{ pairs: PairOverride[]; mapping: UnitMapping | null }> {
  const { pairsProblems, unitMappingProblems } = await import("../core/mergedUnits");
  const pairs = values.pairs
    ? (await readJsonOption<{ pairs: PairOverride[] }>(values.pairs, "tệp ghép chỉ tiêu", "pairs file", pairsProblems)).pairs
    : [];
  const mapping = values.units ? await readJsonOption<UnitMapping>(values.units, "tệp đơn vị", "units file", unitMappingProblems) : null;
  return { pairs, mapping };
}

/**
 * `chitieu compare`: the first workbook against each of the others (--year applies to the first;
 * each earlier one states its own). Exit 1 when a finding is an error, 2 when a file is unusable.
 */
async function compareCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { values: ["year", "catalogue", "config", "pairs", "units"], flags: ["json"] });
  if (helpAsked("compare", args, io)) return 0;
  if (args.positional.length < 2)
    throw new UsageError(
      "cần báo cáo hiện tại và ít nhất một báo cáo trước",
      "expected the current report and at least one earlier report",
    );
  if (args.positional.includes("-"))
    throw new UsageError("compare chỉ đọc tệp, không đọc đầu vào chuẩn", "compare reads files, not standard input");
  const options = await workbookOptions(args.values);
  const { placeUnits, UnitError } = await import("../core/mergedUnits");
  const { pairs, mapping } = await pairsAndUnits(args.values);
  const reports = [];
  // Each file by its name, or by the path given when two share a name (2020/9-thang.xlsx, 2021/9-thang.xlsx).
  const names = args.positional.map((f) => path.basename(f));
  const shown = (i: number) => (names.indexOf(names[i]) !== names.lastIndexOf(names[i]) ? args.positional[i] : names[i]);
  for (const [i, file] of args.positional.entries()) {
    const read = await readWorkbookFile(file);
    const analysis = await analyzeFile(file, i === 0 ? options : { ...options, reportYear: null }, io.stderr, read);
    reports.push({ file: shown(i), path: file, snapshot: read.snapshot, analysis });
  }
  const { compareReports } = await import("../core/compare");
  const [current, ...earlier] = reports;
  let placed: ReturnType<typeof placeUnits> = { merged: null, others: earlier };
  try {
    if (mapping) placed = placeUnits(mapping, current, earlier);
  } catch (error) {
    if (error instanceof UnitError) throw new InputError(error.reason, error.reasonEn);
    throw error;
  }
  const result = compareReports(current, placed.others, { config: options.rules, pairs, merged: placed.merged });
  if (args.flags.has("json")) printJson(io, result);
  else io.stdout(renderComparison(result));
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/**
 * `chitieu consolidate`: the units' reports (files, folders, patterns) into the province's table
 * (--template, a blank form chitieu can read), written to --out with a sheet tracing each figure;
 * then the checks on the result. Any unusable report: one line, exit 2, nothing written.
 */
async function consolidateCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    values: ["template", "out", "weights", "pairs", "units", "year", "catalogue", "config"],
    flags: ["json", "force"],
  });
  if (helpAsked("consolidate", args, io)) return 0;
  const { template, out } = args.values;
  if (args.positional.length === 0)
    throw new UsageError("cần các báo cáo của đơn vị (tệp, thư mục hoặc mẫu tên tệp)", "expected the units' reports");
  if (!template) throw new UsageError("thiếu --template (biểu tổng hợp .xlsx)", "--template is required");
  if (!out) throw new UsageError("thiếu --out (tệp kết quả .xlsx)", "--out is required");
  if (args.positional.includes("-"))
    throw new UsageError("consolidate chỉ đọc tệp, không đọc đầu vào chuẩn", "consolidate reads files, not standard input");
  sameKind(template, out);
  const options = await workbookOptions(args.values);
  const { unitsMissing } = await import("../core/mergedUnits");
  const { pairs, mapping } = await pairsAndUnits(args.values);
  const { checkConsolidated, consolidate, isConsolidated, otherPeriods, weightsProblems } = await import("../core/fill/consolidate");
  const weights = args.values.weights
    ? await readJsonOption<Record<string, string>>(args.values.weights, "tệp trọng số", "weights file", weightsProblems)
    : {};
  const inputs = (await expandInputs(args.positional)).filter(
    (f) => typeof f !== "string" || ![template, out].some((o) => path.resolve(o) === path.resolve(f)),
  );
  await checkOutput(out, [template, ...inputs.filter((f): f is string => typeof f === "string")], args.flags.has("force"));
  const unmatched = inputs.find((f): f is Unmatched => typeof f !== "string");
  if (unmatched) throw new InputError(`"${unmatched.file}": ${unmatched.reason}`, unmatched.reasonEn);
  const files = inputs as string[];
  if (files.length === 0) throw new InputError("không có báo cáo nào để tổng hợp", "no report to consolidate");
  const form = await readWorkbookFile(template);
  // A table consolidated before holds formulas over its trace sheet, which a new one replaces.
  if (isConsolidated(form.snapshot))
    throw new InputError(
      `"${template}" là biểu đã tổng hợp (có trang nguồn tổng hợp của chitieu): hãy dùng biểu trống ban đầu`,
      `"${template}" is a consolidated table (it has chitieu's trace sheet): use the blank form`,
    );
  const table = {
    file: path.basename(template),
    snapshot: form.snapshot,
    analysis: await analyzeFile(template, { ...options, blankForm: true }, io.stderr, form),
  };
  const units = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const read = await readWorkbookFile(file);
    // An earlier result in the units' folder, or one report copied twice, would count its figures twice.
    if (isConsolidated(read.snapshot))
      throw new InputError(
        `"${file}" là biểu tổng hợp chitieu đã ghi, không phải báo cáo của đơn vị: hãy để nó ngoài các báo cáo`,
        `"${file}" is a table chitieu consolidated, not a unit's report: leave it out of the reports`,
      );
    const digest = createHash("sha256").update(read.bytes).digest("hex");
    const copy = seen.get(digest);
    if (copy !== undefined)
      throw new InputError(
        `"${file}" và "${copy}" là cùng một tệp: chỉ giữ một bản`,
        `"${file}" and "${copy}" are the same file: keep one`,
      );
    seen.set(digest, file);
    units.push({
      file: path.relative(process.cwd(), file) || file,
      path: file,
      snapshot: read.snapshot,
      analysis: await analyzeFile(file, options, io.stderr, read),
    });
  }
  const [other] = otherPeriods(table, units);
  if (other) {
    const { periodAndYear } = await import("../core/compare");
    throw new InputError(
      `"${other.file}" là báo cáo ${other.period}, khác kỳ của biểu tổng hợp (${periodAndYear(table.analysis)}); không tổng hợp`,
      `"${other.file}" reports another period (${other.period}) than the table (${periodAndYear(table.analysis)})`,
    );
  }
  const expected = mapping ? unitsMissing(mapping, table, units) : null;
  const twice = expected?.twice[0];
  if (twice)
    throw new InputError(
      `${twice.unit} có nhiều báo cáo (${twice.files.join(", ")}); chỉ giữ một báo cáo cho mỗi đơn vị`,
      `${twice.unit} has several reports (${twice.files.join(", ")}); keep one per unit`,
    );
  const result = consolidate(table, units, { weights, pairs, config: options.rules, units: expected });
  const { applyPlanToBytes } = await import("../hosts/xlsx/applyPlan");
  let written: Uint8Array;
  try {
    written = await applyPlanToBytes(form.bytes, result.plan);
  } catch (error) {
    if (error instanceof WorkbookInputError) throw unusableFile(template, error);
    throw error;
  }
  await writeWhole(out, written);
  // The table as written, checked like any report: totals against their parts, plan and growth.
  const checks = checkConsolidated(result, options);
  const summary = {
    template: result.template,
    out,
    traceSheet: result.traceSheet,
    units: units.map((u) => ({
      file: u.file,
      ...severityCounts(u.analysis.open),
      // A unit's errors (parts above their total…) travel into the total: they are named here.
      errors: u.analysis.open.filter((f) => f.severity === "error"),
    })),
    figures: result.figures,
    findings: result.findings,
    unresolved: result.unresolved,
    checks,
  };
  if (args.flags.has("json")) printJson(io, summary);
  else io.stdout(renderConsolidation(summary));
  const errors = [...checks, ...units.flatMap((u) => u.analysis.open)].some((f) => f.severity === "error");
  return errors ? 1 : 0;
}

/** `chitieu rules`: every rule of the registry with its scope, severity, description and options; --json the records, --schema the --config schema. */
function listRules(argv: string[], io: Io): number {
  const args = parseArgs(argv, { values: [], flags: ["json", "schema"] });
  if (helpAsked("rules", args, io)) return 0;
  if (args.positional.length > 0) throw new UsageError("lệnh rules không nhận tệp nào", "rules takes no file");
  if (args.flags.has("schema")) {
    printJson(io, ruleConfigSchema(), 2);
    return 0;
  }
  if (args.flags.has("json")) {
    printJson(io, { rules: describeRules() });
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
  // A test before the replace: the JSON of a large workbook is tens of megabytes without any.
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/**
 * JSON that is safe on a terminal and still JSON: JSON.stringify escapes C0 controls itself; DEL and
 * the C1 controls (which terminals act on) are escaped here as \\u00XX, which terminalSafe's \\xXX
 * would not be.
 */
export function jsonText(value: unknown, space?: number): string {
  const text = JSON.stringify(value, null, space);
  if (!C1_CONTROL.test(text)) return text;
  return text.replace(C1_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const C1_CONTROL = /[\x7f-\x9f]/;
const C1_CONTROLS = new RegExp(C1_CONTROL.source, "g");

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
const CONTROLS = new RegExp(CONTROL.source, "g");

export async function run(argv: string[], terminal: Io): Promise<number> {
  const [command, ...rest] = argv;
  // Everything printed passes through terminalSafe, except JSON, made safe by jsonText.
  const io: Io = {
    ...terminal,
    stdout: (t) => terminal.stdout(terminalSafe(t)),
    stderr: (t) => terminal.stderr(terminalSafe(t)),
    // The progress line writes its own carriage returns; the text in it is made safe where it is built.
    rawStderr: terminal.stderrIsTerminal ? terminal.stderr : undefined,
    rawStdout: terminal.stdout,
  };
  try {
    switch (command) {
      case "check":
        return await check(rest, io);
      case "check-text":
        return await checkTextCommand(rest, io);
      case "compare":
        return await compareCommand(rest, io);
      case "consolidate":
        return await consolidateCommand(rest, io);
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
    // A fault of chitieu itself: its own status, one line, the stack only for whoever debugs.
    const message = String((error as Error)?.message ?? error).split("\n")[0];
    io.stderr(`chitieu: lỗi không mong đợi (unexpected error): ${message}\n`);
    if (process.env.CHITIEU_DEBUG) io.stderr(`${(error as Error)?.stack ?? ""}\n`);
    return 3;
  }
}
