// One measured task in a fresh process, so that time and peak memory are its own:
//   node lib/bench/task.js bare FILE   ExcelJS's bare load of the file
//   node lib/bench/task.js check FILE  the whole `chitieu check --json`, output discarded
//   node lib/bench/task.js floor FILE  the floor: every part inflated with zlib, its bytes scanned once, nothing parsed
//   node lib/bench/task.js phases FILE the steps of `check --json`, cold as in one run, each timed
import { promises as fs } from "node:fs";
import { ZipArchive } from "../hosts/xlsx/zip";

async function main(): Promise<void> {
  const [task, file] = process.argv.slice(2);
  // Each task loads its own modules before the clock starts, and only those: the floor's process
  // loads nothing of chitieu but the zip reader, and no ExcelJS.
  const excelJs = task === "bare" ? (await import("exceljs")).default : null;
  const cli = task === "check" ? await import("../cli/main") : null;
  if (task === "phases") {
    process.stdout.write(JSON.stringify(await phases(file)) + "\n");
    return;
  }
  const start = process.hrtime.bigint();
  if (excelJs) {
    await new excelJs.Workbook().xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
  } else if (cli) {
    let bytes = 0;
    await cli.run(["check", file, "--json"], { stdout: (t) => (bytes += t.length), stderr: (t) => process.stderr.write(t) });
  } else if (task === "floor") {
    const zip = new ZipArchive(await fs.readFile(file));
    let tags = 0;
    for (const name of zip.names()) {
      const bytes = (await zip.read(name)) as Uint8Array;
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 60) tags++;
    }
    if (tags < 0) throw new Error("unreachable: keeps the scan");
  } else {
    throw new Error(`unknown task ${task}`);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

/**
 * Where the time of `check --json` goes in one fresh process: the package opened (unzipped, XML
 * read into cells), the indicators read and computed, the rules, the JSON text of the result made
 * and encoded as UTF-8 (as a write would; not written).
 */
async function phases(file: string): Promise<Record<string, number>> {
  const [{ readWorkbookFile }, { readIndicators }, rules, { DEFAULT_CATALOGUE }, { checkWorkbook }, { writeJson }] = await Promise.all([
    import("../cli/workbookFile"),
    import("../core/reading/workbook"),
    import("../core/rules"),
    import("../core/model/catalogueData"),
    import("../core/check"),
    import("../cli/main"),
  ]);
  const times: Record<string, number> = {};
  let start = process.hrtime.bigint();
  const lap = (name: string) => {
    const now = process.hrtime.bigint();
    times[name] = Number(now - start) / 1e6;
    start = now;
  };
  const { snapshot } = await readWorkbookFile(file);
  lap("package");
  const reading = readIndicators(snapshot, { catalogue: DEFAULT_CATALOGUE });
  lap("indicators");
  rules.runRules(rules.ruleContext(reading, rules.DEFAULT_RULE_CONFIG, DEFAULT_CATALOGUE));
  lap("rules");
  // The result to write, made again untimed: the steps above are the ones it takes.
  const result = checkWorkbook(snapshot);
  start = process.hrtime.bigint();
  let bytes = 0;
  const sink = (text: string) => (bytes += Buffer.byteLength(text));
  writeJson(file, result, { stdout: sink, stderr: () => undefined });
  lap("json");
  times.jsonMB = bytes / 1024 / 1024;
  return times;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
});
