#!/usr/bin/env node
// `npm start`: builds the task pane and serves it over https on localhost, then prints where the
// manifest is and the standalone URL. The certificate is a self-signed one for localhost made here
// (nothing is installed system-wide, so no sudo): Excel or the browser asks once to trust it.
// Where Excel is installed (Windows, macOS) and office-addin-dev-settings is available, the
// add-in is also sideloaded; elsewhere the steps to do it by hand are printed.
//
//   node tools/start.js [--port 3000] [--no-build] [--dist DIR]

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const https = require("node:https");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option("port", process.env.PORT || 3000));
const dist = path.resolve(option("dist", path.join(root, "dist")));
const certDir = path.join(os.homedir(), ".chitieu", "certs");

async function certificate() {
  const keyFile = path.join(certDir, "localhost.key");
  const certFile = path.join(certDir, "localhost.crt");
  const fresh = fs.existsSync(certFile) && Date.now() - fs.statSync(certFile).mtimeMs < 25 * 24 * 3600 * 1000;
  if (!fresh) {
    const selfsigned = require("selfsigned");
    const made = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
      days: 30,
      keySize: 2048,
      algorithm: "sha256",
      extensions: [
        {
          name: "subjectAltName",
          altNames: [
            { type: 2, value: "localhost" },
            { type: 7, ip: "127.0.0.1" },
          ],
        },
      ],
    });
    fs.mkdirSync(certDir, { recursive: true });
    fs.writeFileSync(keyFile, made.private, { mode: 0o600 });
    fs.writeFileSync(certFile, made.cert);
  }
  return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile), certFile };
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function tryToSideload(manifest) {
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  try {
    const devSettings = require("office-addin-dev-settings");
    void devSettings.sideloadAddIn(manifest, "excel");
    return true;
  } catch {
    return false;
  }
}

async function main() {
  if (!args.includes("--no-build")) {
    process.stdout.write("Đang dựng ngăn tác vụ (building the task pane)…\n");
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", dist],
      { cwd: root, stdio: "inherit", env: { ...process.env, HOST_URL: `https://localhost:${port}/` } },
    );
  }
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
    process.stderr.write(`chitieu: không thấy ${path.join(dist, "taskpane.html")}; hãy chạy lại không có --no-build\n`);
    process.exit(2);
  }
  const { key, cert, certFile } = await certificate();
  const server = https.createServer({ key, cert }, (req, res) => {
    const url = new URL(req.url || "/", "https://localhost");
    const file = path.join(dist, decodeURIComponent(url.pathname === "/" ? "/taskpane.html" : url.pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Không có (not found)\n");
      return;
    }
    res
      .writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" })
      .end(fs.readFileSync(file));
  });
  server.on("error", (error) => {
    process.stderr.write(
      `chitieu: không mở được cổng ${port}: ${error.code === "EADDRINUSE" ? "cổng đang được dùng; hãy dùng --port khác" : error.message}\n`,
    );
    process.exit(2);
  });
  server.listen(port, "127.0.0.1", () => {
    const actual = server.address().port;
    const manifest = path.join(dist, "manifest.xml");
    const sideloaded = tryToSideload(manifest);
    process.stdout.write(
      [
        `Ngăn tác vụ chitieu đang chạy / the pane is served at: https://localhost:${actual}/taskpane.html`,
        `Chế độ độc lập (ngoài Excel) / standalone URL: https://localhost:${actual}/taskpane.html`,
        `Manifest: ${manifest}`,
        `Chứng chỉ tự ký cho localhost / self-signed certificate: ${certFile}`,
        sideloaded
          ? "Đã nạp thử add-in vào Excel (sideloaded into Excel)."
          : "Nạp vào Excel: Trang đầu (Home) › Bổ trợ (Add-ins) › Tải lên bổ trợ (Upload My Add-in) › chọn manifest ở trên. (Sideload by hand: Home › Add-ins › Upload My Add-in.)",
        "Nhấn Ctrl+C để dừng (Ctrl+C to stop).",
      ].join("\n") + "\n",
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  process.stderr.write(`chitieu: ${error.stack || error}\n`);
  process.exit(1);
});
