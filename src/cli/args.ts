// Argument parsing for the chitieu command line: a command, positional arguments and --options.

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

export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-" || !arg.startsWith("-")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.replace(/^--?/, "").split(/=(.*)/s, 2);
    if (spec.flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`tuỳ chọn --${name} không nhận giá trị`, `option --${name} takes no value`);
      flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--")))
        throw new UsageError(`tuỳ chọn --${name} cần một giá trị`, `option --${name} needs a value`);
      values[name] = value;
    } else {
      throw new UsageError(`tuỳ chọn không hợp lệ: ${arg}`, `unknown option: ${arg}`);
    }
  }
  return { positional, values, flags };
}

/** --year: a four-digit report year. */
export function parseYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d{4}$/.test(text) || Number(text) < 1980 || Number(text) > 2100) {
    throw new UsageError(`năm báo cáo không hợp lệ: "${text}" (cần 4 chữ số, ví dụ 2020)`, `bad report year: "${text}"`);
  }
  return Number(text);
}
