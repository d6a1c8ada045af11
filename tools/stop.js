#!/usr/bin/env node
// `npm stop`: undoes `npm start`. On Windows and macOS the add-in is removed from Excel through
// office-addin-debugging (stopDebugging: unregistered, developer settings cleared); everywhere the
// server `npm start` left running (its pid in ~/.chitieu/start.json) is stopped.
//
//   node tools/stop.js [--dist DIR]

const fs = require("node:fs");
const path = require("node:path");
const office = require("./office");
const { statePath } = require("./start");

const root = path.join(__dirname, "..");

function readState() {
  try {
    return JSON.parse(fs.readFileSync(statePath(), "utf8"));
  } catch {
    return null;
  }
}

/** Whether `pid` is a live `npm start` server (on Linux its command line is checked, against a reused pid). */
function isStartServer(pid) {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (fs.existsSync(cmdline)) return fs.readFileSync(cmdline, "utf8").includes(path.join("tools", "start.js"));
  return true;
}

/** Whether `pid` has ended (a zombie, ended but not yet reaped by its parent, counts as ended). */
function hasEnded(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function waitForExit(pid, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (hasEnded(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf("--dist");
  const state = readState();
  const manifest = i >= 0 ? path.resolve(args[i + 1], "manifest.xml") : (state?.manifest ?? path.join(root, "dist", "manifest.xml"));
  const lines = [];

  const decided = office.plan(process.platform);
  if (decided.sideload === office.DEBUGGING) {
    try {
      await office.unsideload(manifest);
      lines.push(`Đã gỡ add-in khỏi Excel (removed from Excel): ${manifest}`);
    } catch (error) {
      lines.push(`Không gỡ được add-in qua office-addin-debugging (${error.message}). Gỡ thủ công trong Excel (remove it by hand).`);
    }
  } else if (decided.office) {
    lines.push(
      "Add-in được nạp thủ công: gỡ trong Excel, Trang đầu › Bổ trợ › Bổ trợ của tôi › … › Xoá, hoặc xoá manifest khỏi thư mục đã chép vào. (Sideloaded by hand: remove it in Excel.)",
    );
  } else {
    lines.push(
      "Không có gì được cài vào hệ thống; add-in đã tải lên Excel trên web gỡ ở Bổ trợ của tôi › … › Xoá. (Nothing was installed; remove an uploaded add-in in Excel: My Add-ins › … › Remove.)",
    );
  }

  if (state && isStartServer(state.pid)) {
    process.kill(state.pid, "SIGTERM");
    const stopped = await waitForExit(state.pid, 5000);
    lines.push(
      stopped
        ? `Đã dừng máy chủ (server stopped): https://localhost:${state.port}/, pid ${state.pid}`
        : `Máy chủ chưa dừng sau 5 s (server still running), pid ${state.pid}`,
    );
  } else {
    lines.push("Không có máy chủ npm start nào đang chạy (no npm start server running).");
  }
  if (state && !isStartServer(state.pid)) fs.rmSync(statePath(), { force: true });
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((error) => {
  process.stderr.write(`chitieu: ${error.stack || error}\n`);
  process.exit(1);
});
