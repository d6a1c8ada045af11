// One measured task in a fresh process, so that time and peak memory are its own:
//   node lib/bench/task.js bare FILE   ExcelJS's bare load of the file
//   node lib/bench/task.js check FILE  the whole `chitieu check --json`, output discarded
//   node lib/bench/task.js floor FILE  the floor: every part inflated with zlib, its bytes scanned once, nothing parsed
import { promises as fs } from "node:fs";
import { ZipArchive } from "../hosts/xlsx/zip";

async function main(): Promise<void> {
  const [task, file] = process.argv.slice(2);
  // Each task loads its own modules before the clock starts, and only those: the floor's process
  // loads nothing of chitieu but the zip reader, and no ExcelJS.
  const excelJs = task === "bare" ? (await import("exceljs")).default : null;
  const cli = task === "check" ? await import("../cli/main") : null;
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

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
});
