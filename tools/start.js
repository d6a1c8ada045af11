#!/usr/bin/env node
// `npm start`: builds the task pane (unless dist/ is already up to date) and serves it over https on
// localhost, then prints where the manifest is and the standalone URL; every step is printed with
// the seconds since start. On Linux (and wherever the Office tools are absent or fail) the
// certificate is a self-signed one for localhost made here (nothing installed system-wide, no sudo)
// and the steps to sideload by hand are printed. On Windows and macOS the certificate is trusted
// through office-addin-dev-certs and the add-in sideloaded through office-addin-debugging when they
// are installed; `npm stop` (tools/stop.js) undoes that and stops the server.
//
//   node tools/start.js [--port 3000] [--build | --no-build] [--minify] [--dist DIR] [--no-sideload] [--self-signed]
//
// The build is skipped when dist/ is newer than its inputs (--build forces it). It is quick: no
// type check, no minifying (--minify builds exactly as `npm run build`).

const fs = require("node:fs");
const https = require("node:https");
const os = require("node:os");
const path = require("node:path");
const { localCertificate } = require("./certs");
const office = require("./office");

const root = path.join(__dirname, "..");

/** Where the build's inputs are: dist/ is up to date when newer than every file of these. */
const BUILD_INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package-lock.json"];
/** Files every build writes. */
const BUILD_OUTPUTS = ["taskpane.html", "manifest.xml", "help.html"];
/** Written into dist/ after a build by `npm start`: webpack leaves unchanged files as they were. */
const STAMP = ".chitieu-build";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Seconds since the process started, as printed before each step. */
const elapsed = () => `${process.uptime().toFixed(1)} s`;
const say = (line) => process.stdout.write(`[${elapsed()}] ${line}\n`);

function statePath(home = os.homedir()) {
  return path.join(home, ".chitieu", "start.json");
}

/** The newest file under the build's inputs, or null. */
function newestInput(base = root) {
  let newest = null;
  const visit = (file) => {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(file)) visit(path.join(file, name));
    } else if (!newest || stat.mtimeMs > newest.mtimeMs) {
      newest = { file, mtimeMs: stat.mtimeMs };
    }
  };
  for (const input of BUILD_INPUTS) visit(path.join(base, input));
  return newest;
}

/**
 * Whether dist/ must be built: it misses a file, its manifest points elsewhere than `hostUrl`, or a
 * build input is newer than the last build (the stamp npm start leaves, else the oldest output).
 */
function buildNeeded(dist, hostUrl, base = root) {
  const outputs = BUILD_OUTPUTS.map((name) => path.join(dist, name));
  const missing = outputs.find((file) => !fs.existsSync(file));
  if (missing) return { needed: true, reason: `chưa có ${path.basename(missing)} (not built yet)` };
  if (!fs.readFileSync(path.join(dist, "manifest.xml"), "utf8").includes(`${hostUrl}taskpane.html`)) {
    return { needed: true, reason: `manifest không trỏ tới ${hostUrl} (built for another address)` };
  }
  const stamp = path.join(dist, STAMP);
  const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  const newest = newestInput(base);
  if (newest && newest.mtimeMs > builtAt) {
    return { needed: true, reason: `${path.relative(base, newest.file)} mới hơn dist/ (changed since the last build)` };
  }
  return { needed: false, reason: null };
}

/**
 * webpack's progress: a line when its phase changes and, while a phase lasts (minifying takes most
 * of a build, with few progress calls), the last state again every `every` ms from tick().
 */
function progressReporter(print, every = 3000) {
  let last = null;
  let lastPhase = null;
  let lastAt = 0;
  const line = () =>
    `  webpack ${String(Math.round(last.fraction * 100)).padStart(3)}% ${last.phase}${last.detail ? ` (${last.detail})` : ""}`;
  return {
    update(fraction, message, ...details) {
      if (!message || fraction >= 1) return;
      last = { fraction, phase: message, detail: details.filter(Boolean).join(" ").replace(/\s+/g, " ").slice(0, 80) };
      const now = Date.now();
      if (message === lastPhase && now - lastAt < every) return;
      lastPhase = message;
      lastAt = now;
      print(line());
    },
    tick() {
      if (!last || Date.now() - lastAt < every) return;
      lastAt = Date.now();
      print(line());
    },
  };
}

/** Builds the pane into `dist` for `hostUrl`, in this process, printing webpack's progress. */
async function build(dist, hostUrl, minify = false) {
  const webpack = require("webpack");
  const configure = require(path.join(root, "webpack.config.js"));
  const savedHostUrl = process.env.HOST_URL;
  process.env.HOST_URL = hostUrl;
  let config;
  try {
    // Fast: transpiled only (`npm run typecheck` type-checks) and not minified, unless --minify asks
    // for the very build of `npm run build`.
    config = await configure({ WEBPACK_BUILD: true, fast: !minify }, { mode: "production" });
  } finally {
    if (savedHostUrl === undefined) delete process.env.HOST_URL;
    else process.env.HOST_URL = savedHostUrl;
  }
  config.output = { ...config.output, path: dist };
  config.infrastructureLogging = { level: "error" };
  const progress = progressReporter(say);
  config.plugins = [...config.plugins, new webpack.ProgressPlugin((...update) => progress.update(...update))];
  const ticking = setInterval(() => progress.tick(), 500);
  const stats = await new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, result) => compiler.close((closeError) => (error || closeError ? reject(error || closeError) : resolve(result))));
  }).finally(() => clearInterval(ticking));
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  if (stats.hasErrors()) {
    const errors = info.errors.map((e) => `${e.moduleName ? `${e.moduleName}: ` : ""}${e.message}`).join("\n");
    throw new Error(`webpack không dựng được (the build failed):\n${errors}`);
  }
  for (const warning of info.warnings) say(`  cảnh báo (warning): ${warning.message.split("\n")[0]}`);
  fs.writeFileSync(path.join(dist, STAMP), `${JSON.stringify({ hostUrl, builtAt: new Date().toISOString() })}\n`);
}

/**
 * The file a request asks for under `dist`, or the status to answer: 400 for a path that cannot be
 * decoded or holds a NUL byte, 404 for anything outside `dist` (`..`, a sibling such as dist-old, an
 * absolute path), a hidden file or a missing one.
 */
function resolveRequest(dist, rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl || "/", "https://localhost").pathname);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes("\0")) return { status: 400 };
  if (pathname === "/") pathname = "/taskpane.html";
  const file = path.join(dist, pathname);
  const relative = path.relative(dist, file);
  if (!relative || relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { status: 404 };
  if (relative.split(path.sep).some((part) => part.startsWith("."))) return { status: 404 };
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return { status: 404 };
  }
  return stat.isFile() ? { status: 200, file } : { status: 404 };
}

const MESSAGES = { 400: "Yêu cầu sai (bad request)\n", 404: "Không có (not found)\n", 405: "Không hỗ trợ (method not allowed)\n" };

function createServer(dist, tls) {
  return https.createServer(tls, (req, res) => {
    const plain = (status) =>
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" }).end(MESSAGES[status]);
    if (req.method !== "GET" && req.method !== "HEAD") return plain(405);
    const found = resolveRequest(dist, req.url);
    if (found.status !== 200) return plain(found.status);
    let body;
    try {
      body = fs.readFileSync(found.file);
    } catch {
      return plain(404);
    }
    res
      .writeHead(200, {
        "content-type": TYPES[path.extname(found.file).toLowerCase()] || "application/octet-stream",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      })
      .end(req.method === "HEAD" ? undefined : body);
  });
}

function parseArgs(argv) {
  const option = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  return {
    port: Number(option("port", process.env.PORT || 3000)),
    dist: path.resolve(option("dist", path.join(root, "dist"))),
    build: argv.includes("--no-build") ? "never" : argv.includes("--build") || argv.includes("--minify") ? "always" : "when-needed",
    minify: argv.includes("--minify"),
    sideload: !argv.includes("--no-sideload"),
    selfSigned: argv.includes("--self-signed"),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const hostUrl = `https://localhost:${args.port}/`;
  const decided = office.plan(process.platform, office.isInstalled, { sideload: args.sideload, selfSigned: args.selfSigned });
  say(
    `chitieu npm start: ${process.platform}, chứng chỉ ${decided.certificate}, nạp vào Excel ${decided.sideload === "manual" ? "thủ công (by hand)" : decided.sideload}`,
  );

  if (args.build === "never") {
    say("bỏ qua bước dựng (--no-build)");
  } else {
    const state =
      args.build === "always" ? { needed: true, reason: args.minify ? "--minify" : "--build" } : buildNeeded(args.dist, hostUrl);
    if (!state.needed) {
      say("dist/ đã mới, bỏ qua bước dựng (dist/ is up to date; --build forces a build)");
    } else {
      const started = Date.now();
      say(`Đang dựng ngăn tác vụ (building the task pane) vào ${args.dist}: ${state.reason}…`);
      await build(args.dist, hostUrl, args.minify);
      say(`đã dựng xong trong ${((Date.now() - started) / 1000).toFixed(1)} s (built)`);
    }
  }
  if (!fs.existsSync(path.join(args.dist, "taskpane.html"))) {
    process.stderr.write(`chitieu: không thấy ${path.join(args.dist, "taskpane.html")}; hãy chạy lại không có --no-build\n`);
    process.exit(2);
  }

  let tls = null;
  let certificateLine = null;
  if (decided.certificate === office.DEV_CERTS) {
    say("tin cậy chứng chỉ phát triển qua office-addin-dev-certs (trusting the development certificate)…");
    try {
      const trusted = await office.officeCertificate();
      tls = { key: trusted.key, cert: trusted.cert, ca: trusted.ca };
      certificateLine = `Chứng chỉ đã tin cậy (office-addin-dev-certs) / trusted development certificate: ${trusted.certFile}`;
    } catch (error) {
      say(`office-addin-dev-certs không dùng được (${error.message}); dùng chứng chỉ tự ký (falling back to a self-signed certificate)`);
    }
  }
  if (!tls) {
    say("chứng chỉ cho localhost (certificate)…");
    const made = await localCertificate({ log: (line) => say(`  ${line}`) });
    tls = { key: made.key, cert: made.cert };
    certificateLine = `Chứng chỉ tự ký cho localhost / self-signed certificate: ${made.certFile}`;
  }

  say(`mở máy chủ https (serving ${args.dist})…`);
  const server = createServer(args.dist, tls);
  server.on("error", (error) => {
    process.stderr.write(
      `chitieu: không mở được cổng ${args.port}: ${error.code === "EADDRINUSE" ? "cổng đang được dùng; hãy dùng --port khác" : error.message}\n`,
    );
    process.exit(2);
  });
  await new Promise((resolve) => server.listen(args.port, "127.0.0.1", resolve));
  const actual = server.address().port;
  const manifest = path.join(args.dist, "manifest.xml");
  const state = { pid: process.pid, port: actual, dist: args.dist, manifest, sideloaded: false, startedAt: new Date().toISOString() };
  const saveState = () => {
    fs.mkdirSync(path.dirname(statePath()), { recursive: true });
    fs.writeFileSync(statePath(), `${JSON.stringify(state, null, 2)}\n`);
  };
  saveState();

  if (decided.sideload === office.DEBUGGING) {
    say("nạp add-in vào Excel qua office-addin-debugging (sideloading)…");
    try {
      await office.sideload(manifest);
      state.sideloaded = true;
      saveState();
    } catch (error) {
      say(`không nạp được tự động (${error.message}); hãy nạp thủ công (sideload by hand)`);
    }
  }

  const url = `https://localhost:${actual}/taskpane.html`;
  process.stdout.write(
    [
      `Ngăn tác vụ chitieu đang chạy / the pane is served at: ${url}`,
      `Chế độ độc lập (ngoài Excel) / standalone URL: ${url}`,
      `Manifest: ${manifest}`,
      certificateLine,
      state.sideloaded
        ? "Đã nạp thử add-in vào Excel (sideloaded into Excel); `npm stop` gỡ ra (removes it)."
        : "Nạp vào Excel: Trang đầu (Home) › Bổ trợ (Add-ins) › Tải lên bổ trợ (Upload My Add-in) › chọn manifest ở trên. (Sideload by hand: Home › Add-ins › Upload My Add-in.)",
      ...(decided.office && decided.missing.length > 0
        ? [`Để npm start tự làm việc này (to let npm start do it): npm install --no-save ${decided.missing.join(" ")}`]
        : []),
      ...(fs.existsSync(path.join(args.dist, "help.html")) ? [`Hướng dẫn / help: https://localhost:${actual}/help.html`] : []),
      `Sẵn sàng sau ${elapsed()} (ready).`,
      "Nhấn Ctrl+C để dừng (Ctrl+C to stop).",
    ].join("\n") + "\n",
  );

  const stop = () => {
    try {
      const saved = JSON.parse(fs.readFileSync(statePath(), "utf8"));
      if (saved.pid === process.pid) fs.rmSync(statePath(), { force: true });
    } catch {
      // No state to remove.
    }
    server.close(() => process.exit(0));
    // Keep-alive connections (a browser's) would hold close() open.
    server.closeAllConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

module.exports = { BUILD_INPUTS, buildNeeded, createServer, newestInput, parseArgs, progressReporter, resolveRequest, statePath };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`chitieu: ${error.stack || error}\n`);
    process.exit(1);
  });
}
