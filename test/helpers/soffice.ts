// LibreOffice headless, with an isolated profile that forces recalculation on load, so that a
// real spreadsheet application computes every formula of a workbook and saves the results.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { recalcProfile } = require("../../tools/recalc") as { recalcProfile(profile: string): string };

export function sofficeAvailable(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60000 });
    return true;
  } catch {
    return false;
  }
}

/** Skips a suite only outside CI; under CI=true a missing LibreOffice fails the run. */
export const describeWithSoffice: jest.Describe = sofficeAvailable() || process.env.CI === "true" ? describe : describe.skip;

/** Converts a file with LibreOffice (e.g. to "xlsx" or "xls"), recalculating on load; returns the output path. */
export function sofficeConvert(input: string, format: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-lo-"));
  try {
    execFileSync("soffice", [recalcProfile(profile), "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, input], {
      stdio: "pipe",
      timeout: 120000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, "") + "." + format.split(":")[0]);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}
