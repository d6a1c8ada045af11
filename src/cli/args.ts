// Argument parsing for the chitieu command line: a command, positional arguments and --options.

import { parseArgs as nodeParseArgs } from "node:util";
import { ExplainedError } from "../core/model/errors";

/** The command line was used wrongly. */
export class UsageError extends ExplainedError {}

export interface OptionSpec {
  /** Options that take a value (--year 2020). */
  values: readonly string[];
  /** Options that are switches (--json). */
  flags: readonly string[];
}

export interface ParsedArgs {
  positional: string[];
  values: Record<string, string>;
  flags: Set<string>;
}

/**
 * The arguments of one command, parsed by Node's own `util.parseArgs` (strict: an unknown option,
 * a value missing or given to a switch is an error; `--` ends the options; `-` is a positional, as
 * standard input); its errors said again in Vietnamese and English. Every command takes --help.
 */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = { help: { type: "boolean", short: "h" } };
  for (const name of spec.values) options[name] = { type: "string" };
  for (const name of spec.flags) options[name] = { type: "boolean" };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = nodeParseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageOf(error as Error & { code?: string }, argv, spec);
  }
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === "string") values[name] = value;
    else if (value === true) flags.add(name);
  }
  return { positional: parsed.positionals, values, flags };
}

/** Node's parse error as the official reads it, naming the option. */
function usageOf(error: Error & { code?: string }, argv: readonly string[], spec: OptionSpec): UsageError {
  const named = /'(-[^' ]+)/.exec(error.message)?.[1] ?? "";
  const name = named.replace(/^--?/, "");
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (spec.flags.includes(name) || name === "help")
      return new UsageError(`tuỳ chọn --${name} không nhận giá trị`, `option --${name} takes no value`);
    return new UsageError(`tuỳ chọn --${name} cần một giá trị`, `option --${name} needs a value`);
  }
  const given = argv.find((a) => a === named || a.startsWith(`${named}=`)) ?? named;
  return new UsageError(`tuỳ chọn không hợp lệ: ${given}`, `unknown option: ${given}`);
}

/** --year: a four-digit report year. */
export function parseYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d{4}$/.test(text) || Number(text) < 1980 || Number(text) > 2100) {
    throw new UsageError(`năm báo cáo không hợp lệ: "${text}" (cần 4 chữ số, ví dụ 2020)`, `bad report year: "${text}"`);
  }
  return Number(text);
}
