// chitieu on the command line: the same engine as the task pane, on .xlsx files, for batch checks.
// Exit status: 0 no error finding, 1 at least one, 2 input that cannot be used (one line on stderr).

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { analyzeWorkbook, type Analysis } from "../core/analyze";
import { catalogueProblems, extendCatalogue, type Catalogue } from "../core/catalogue";
import { DEFAULT_CATALOGUE } from "../core/catalogueData";
import { ExplainedError } from "../core/errors";
import { readWorkbook, WorkbookInputError } from "../hosts/xlsx/readWorkbook";
import { parseArgs, parseYear, UsageError } from "./args";
import { renderReport } from "./report";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Cách dùng / Usage:
  chitieu check <tệp.xlsx> [--year NĂM] [--sheet TÊN_TRANG] [--catalogue danh-muc.json] [--json]
      Đọc các biểu chỉ tiêu, tính % kế hoạch, tăng trưởng so với cùng kỳ, đánh giá.
      Reads the indicator sheets, computes plan %, growth on the same period, evaluation.
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

async function loadCatalogue(file: string | undefined): Promise<Catalogue> {
  if (file === undefined) return DEFAULT_CATALOGUE;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(await readInput(file)));
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`danh mục "${file}": ${error.reason}`, `catalogue "${file}": ${error.reasonEn}`);
    throw new InputError(`danh mục "${file}" không phải JSON hợp lệ`, `catalogue "${file}" is not valid JSON`);
  }
  const problems = catalogueProblems(parsed);
  if (problems.length > 0) throw new InputError(`danh mục "${file}": ${problems.join("; ")}`, "invalid catalogue");
  return extendCatalogue(DEFAULT_CATALOGUE, parsed as Partial<Catalogue>);
}

async function check(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { values: ["year", "sheet", "catalogue"], flags: ["json"] });
  if (args.positional.length !== 1) throw new UsageError("cần đúng một tệp .xlsx", "expected exactly one .xlsx file");
  const file = args.positional[0];
  const reportYear = parseYear(args.values.year);
  const catalogue = await loadCatalogue(args.values.catalogue);
  let snapshot;
  try {
    snapshot = await readWorkbook(await readInput(file));
  } catch (error) {
    if (error instanceof WorkbookInputError || error instanceof InputError) throw new InputError(`không dùng được tệp "${file}": ${error.reason}`, error.reasonEn);
    throw error;
  }
  if (snapshot.sheets.length === 0) throw new InputError("bảng tính không có trang nào", "the workbook has no sheet");
  const sheet = args.values.sheet ?? null;
  if (sheet !== null && !snapshot.sheets.some((s) => s.name === sheet)) {
    throw new InputError(`không có trang "${sheet}" (các trang: ${snapshot.sheets.map((s) => s.name).join(", ")})`, `no sheet named "${sheet}"`);
  }
  const analysis = analyzeWorkbook(snapshot, { reportYear, sheet, catalogue });
  if (!analysis.sheets.some((s) => s.status === "indicators")) {
    const why = analysis.sheets.map((s) => `"${s.name}": ${s.reason}`).join("; ");
    throw new InputError(`không tìm thấy biểu chỉ tiêu nào (${why || "bảng tính trống"})`, "no indicator sheet found");
  }
  const name = path.basename(file);
  io.stdout(args.flags.has("json") ? JSON.stringify(toJson(name, analysis)) + "\n" : renderReport(name, analysis));
  return analysis.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** The JSON of SPEC.md: file, reportYear, indicators, findings (plus the sheets as read). */
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
  const pkg = JSON.parse(require("node:fs").readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return await check(rest, io);
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
    if (error instanceof InputError) {
      io.stderr(`chitieu: ${error.reason} (${error.reasonEn})\n`);
      return 2;
    }
    io.stderr(`chitieu: lỗi không mong đợi (unexpected error): ${(error as Error).message}\n`);
    return 2;
  }
}
