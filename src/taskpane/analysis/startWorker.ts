// The one place that names the worker's file: webpack sees `new Worker(new URL(…, import.meta.url))`
// and bundles the worker with its own chunk loading. Tests under Jest (no module URLs, no workers)
// map this module to one that gives none, and the analysis runs in the page.

export function startWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    return newWorker();
  } catch {
    // A page that may not start workers (a policy, an old webview): the analysis runs in the page.
    return null;
  }
}

function newWorker(): Worker {
  // `npm run typecheck` reads src as CommonJS (for Jest), where import.meta does not exist; webpack
  // compiles this file as an ES module.
  // eslint-disable-next-line @typescript-eslint/ban-ts-comment
  // @ts-ignore TS1343
  return new Worker(new URL("./worker.ts", import.meta.url));
}
