// Regenerates the sample workbooks in samples/: `npm run samples`.

import * as path from "node:path";
import { SAMPLES } from "./samples";

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, "..", "..", "samples");
  for (const sample of SAMPLES) {
    await sample.build().xlsx.writeFile(path.join(dir, sample.file));
    process.stdout.write(`samples/${sample.file}: ${sample.description}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
