// LibreOffice headless, with an isolated profile that forces recalculation on load, so that a
// real spreadsheet application computes every formula of a workbook and saves the results.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

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
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, input],
      { stdio: "pipe", timeout: 120000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, "") + "." + format.split(":")[0]);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}
