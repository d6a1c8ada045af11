// Runs the built command line as a user would: node bin/chitieu.js ARGS.
import { spawnSync } from "node:child_process";
import * as path from "node:path";

export const BIN = path.join(__dirname, "..", "..", "bin", "chitieu.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function chitieu(args: string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", input, timeout: 120000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function checkJson(file: string, ...extra: string[]): { status: number | null; json: any; stderr: string } {
  const r = chitieu(["check", file, "--json", ...extra]);
  return { status: r.status, json: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}
