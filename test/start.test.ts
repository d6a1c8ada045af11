// `npm start` on Linux without Excel: serves the built pane over https on localhost with its own
// self-signed certificate (no sudo, nothing installed system-wide) and prints where things are.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";

const root = path.join(__dirname, "..");

describe("npm start", () => {
  let child: ChildProcess | null = null;
  afterEach(() => child?.kill("SIGTERM"));

  it("serves the pane over https and prints the manifest path and the standalone URL", async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-start-"));
    fs.writeFileSync(path.join(dist, "taskpane.html"), "<!doctype html><title>Chỉ tiêu KT-XH</title>");
    fs.writeFileSync(path.join(dist, "manifest.xml"), "<OfficeApp/>");
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-home-"));
    child = spawn(process.execPath, [path.join(root, "tools", "start.js"), "--no-build", "--dist", dist, "--port", "0"], {
      env: { ...process.env, HOME: home, USERPROFILE: home },
    });
    let out = "";
    child.stderr?.on("data", (d) => (out += d));
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on("data", (d) => {
        out += d;
        if (out.includes("Ctrl+C")) resolve();
      });
      child!.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toContain(`Manifest: ${path.join(dist, "manifest.xml")}`);
    const url = /standalone URL: (https:\/\/localhost:\d+\/taskpane\.html)/.exec(out)?.[1];
    expect(url).toBeDefined();
    expect(out).toMatch(/Upload My Add-in/);
    const certFile = path.join(home, ".chitieu", "certs", "localhost.crt");
    expect(fs.existsSync(certFile)).toBe(true);
    // The page answers over TLS with the certificate made for localhost.
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get(url!.replace("localhost", "127.0.0.1"), { ca: fs.readFileSync(certFile), servername: "localhost" }, (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve(text));
        })
        .on("error", reject);
    });
    expect(body).toContain("Chỉ tiêu KT-XH");
  });
});
