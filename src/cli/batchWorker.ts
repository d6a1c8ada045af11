// A worker thread of a batch check: loads the options once, then checks the files it is handed.
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type WorkerAnswer, type WorkerRequest } from "./batch";
import { workbookOptions } from "./workbookFile";

const port = parentPort;
if (port) {
  const ready = workbookOptions((workerData as { values: Record<string, string> }).values);
  port.on("message", async ({ index, file }: WorkerRequest) => {
    let answer: WorkerAnswer;
    try {
      answer = { index, result: await checkFile(file, await ready) };
    } catch (error) {
      answer = { index, error: (error as Error)?.message ?? String(error) };
    }
    port.postMessage(answer);
  });
}
