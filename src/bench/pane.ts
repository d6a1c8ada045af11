// The production pane outside Excel, for the bench and the end-to-end test alike: build it, serve
// it on 127.0.0.1, and the Chromium that opens it, with office.js routed from its CDN to the
// @microsoft/office-js package (tests and measurements only; the pane never bundles office.js).

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const OFFICE_JS_HOST = "appsforoffice.microsoft.com";

/** `npm run build` into `out`, with the manifest pointing at `hostUrl` when given. */
export function buildPane(out: string, hostUrl?: string): void {
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", out],
    {
      cwd: root,
      env: hostUrl ? { ...process.env, HOST_URL: hostUrl } : process.env,
      stdio: "pipe",
    },
  );
}

/** The scripts taskpane.html loads at start (the entry), as opposed to chunks loaded on demand. */
export function entryScripts(out: string): string[] {
  const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]).filter((src) => !src.startsWith("http"));
}

/** The local copy of a file office.js asks its CDN for. */
export function officeJsFile(url: string): string {
  return path.join(root, "node_modules", "@microsoft", "office-js", "dist", path.basename(new URL(url).pathname));
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serves a folder on 127.0.0.1 at a free port: only files inside it (400 for a path that cannot be decoded or holds NUL). */
export async function serveFolder(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.includes("\0")) {
      res.writeHead(400).end();
      return;
    }
    const file = path.join(dir, pathname);
    const relative = path.relative(dir, file);
    const inside = relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
    if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
