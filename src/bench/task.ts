// One measured task in a fresh process, so that time and peak memory are its own:
//   node lib/bench/task.js bare FILE   ExcelJS's bare load of the file
//   node lib/bench/task.js check FILE  the whole `chitieu check --json`, output discarded
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import { run } from "../cli/main";

async function main(): Promise<void> {
  const [task, file] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  if (task === "bare") {
    await new ExcelJS.Workbook().xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
  } else if (task === "check") {
    let bytes = 0;
    await run(["check", file, "--json"], { stdout: (t) => (bytes += t.length), stderr: (t) => process.stderr.write(t) });
  } else {
    throw new Error(`unknown task ${task}`);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
});
