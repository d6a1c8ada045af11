// `npm start` on Linux without Excel: serves the built pane over https on localhost with its own
// self-signed certificate (no sudo, nothing installed system-wide) and prints where things are; the
// server against malformed and escaping paths; the certificate's real lifetime; `npm stop`; and the
// platform plan of Windows and macOS, which cannot run here, as a pure function.
import { spawn, type ChildProcess } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";

import { serveFolder } from "../src/bench/pane";

const root = path.join(__dirname, "..");

// Windows' and macOS's Office tools, which cannot run here: stand-ins record how tools/office.js calls them.
const mockStartDebugging = jest.fn(async () => undefined);
const mockStopDebugging = jest.fn(async () => undefined);
const mockGetHttpsServerOptions = jest.fn(async () => ({ key: "KEY", cert: "CERT", ca: "CA" }));
jest.mock(
  "office-addin-debugging",
  () => ({ AppType: { Desktop: "desktop" }, startDebugging: mockStartDebugging, stopDebugging: mockStopDebugging }),
  { virtual: true },
);
jest.mock("office-addin-dev-certs", () => ({ getHttpsServerOptions: mockGetHttpsServerOptions }), { virtual: true });

interface Plan {
  office: boolean;
  certificate: string;
  sideload: string;
  missing: string[];
}
const office = jest.requireActual<{
  plan(platform: string, installed?: (name: string) => boolean, options?: object): Plan;
  officeCertificate(): Promise<{ key: unknown; cert: unknown; certFile: string }>;
  sideload(manifest: string): Promise<void>;
  unsideload(manifest: string): Promise<void>;
}>(path.join(root, "tools", "office.js"));
const start = jest.requireActual<{
  buildNeeded(dist: string, hostUrl: string, base?: string): { needed: boolean; reason: string | null };
  progressReporter(
    print: (line: string) => void,
    every?: number,
  ): { update(fraction: number, message: string, ...details: string[]): void; tick(): void };
  resolveRequest(dist: string, url: string): { status: number; file?: string };
}>(path.join(root, "tools", "start.js"));
const selfsigned = jest.requireActual<{ generate(attrs: object[], options: object): Promise<{ private: string; cert: string }> }>(
  "selfsigned",
);

const DAY = 24 * 3600 * 1000;
const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

function fakeDist(parent = tmp("chitieu-start-")): string {
  const dist = path.join(parent, "dist");
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, "taskpane.html"), "<!doctype html><title>Chỉ tiêu KT-XH</title>");
  fs.writeFileSync(path.join(dist, "manifest.xml"), "<OfficeApp/>");
  return dist;
}

interface Running {
  child: ChildProcess;
  out: string;
  port: number;
  url: string;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGTERM");
});

/** tools/start.js spawned with HOME set to `home`, once it says it is ready. */
async function startServer(home: string, args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [path.join(root, "tools", "start.js"), "--port", "0", ...args], {
    env: { ...process.env, HOME: home, USERPROFILE: home },
  });
  children.push(child);
  let out = "";
  child.stderr?.on("data", (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("Ctrl+C")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const url = /standalone URL: (https:\/\/localhost:\d+\/taskpane\.html)/.exec(out)?.[1];
  expect(url).toBeDefined();
  return { child, out, url: url!, port: Number(new URL(url!).port) };
}

/** A raw GET (the path sent as written) over TLS, trusting `certFile` for localhost. */
function get(port: number, rawPath: string, certFile: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .request({ host: "127.0.0.1", port, path: rawPath, ca: fs.readFileSync(certFile), servername: "localhost" }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject)
      .end();
  });
}

const certOf = (home: string) => path.join(home, ".chitieu", "certs", "localhost.crt");

describe("npm start", () => {
  it("serves the pane over https and prints the manifest path and the standalone URL", async () => {
    const dist = fakeDist();
    const home = tmp("chitieu-home-");
    const { out, url } = await startServer(home, ["--no-build", "--dist", dist]);
    expect(out).toContain(`Manifest: ${path.join(dist, "manifest.xml")}`);
    expect(out).toMatch(/Upload My Add-in/);
    expect(out).toMatch(/\[\d+\.\d s\] bỏ qua bước dựng \(--no-build\)/);
    expect(out).toMatch(/\[\d+\.\d s\] mở máy chủ https/);
    const certFile = certOf(home);
    expect(fs.existsSync(certFile)).toBe(true);
    // The page answers over TLS with the certificate made for localhost.
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get(url.replace("localhost", "127.0.0.1"), { ca: fs.readFileSync(certFile), servername: "localhost" }, (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve(text));
        })
        .on("error", reject);
    });
    expect(body).toContain("Chỉ tiêu KT-XH");
  });

  it("makes its certificate for 30 days and renews it by its notAfter, not by the file's date", async () => {
    const home = tmp("chitieu-home-");
    const dist = fakeDist();
    let server = await startServer(home, ["--no-build", "--dist", dist]);
    const made = new crypto.X509Certificate(fs.readFileSync(certOf(home)));
    const days = (new Date(made.validTo).getTime() - Date.now()) / DAY;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThan(31);
    expect(made.checkHost("localhost")).toBe("localhost");
    server.child.kill("SIGTERM");

    // A valid certificate whose file looks old is kept.
    const old = new Date(Date.now() - 60 * DAY);
    fs.utimesSync(certOf(home), old, old);
    server = await startServer(home, ["--no-build", "--dist", dist]);
    expect(new crypto.X509Certificate(fs.readFileSync(certOf(home))).fingerprint256).toBe(made.fingerprint256);
    expect(server.out).toMatch(/dùng chứng chỉ có sẵn/);
    server.child.kill("SIGTERM");

    // A certificate ending in two days, in a file written just now, is made again.
    const notBeforeDate = new Date(Date.now() - DAY);
    const expiring = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
      notBeforeDate,
      notAfterDate: new Date(Date.now() + 2 * DAY),
      keySize: 2048,
      algorithm: "sha256",
    });
    fs.writeFileSync(path.join(home, ".chitieu", "certs", "localhost.key"), expiring.private);
    fs.writeFileSync(certOf(home), expiring.cert);
    server = await startServer(home, ["--no-build", "--dist", dist]);
    expect(server.out).toMatch(/tạo chứng chỉ tự ký/);
    const renewed = new crypto.X509Certificate(fs.readFileSync(certOf(home)));
    expect(renewed.fingerprint256).not.toBe(new crypto.X509Certificate(expiring.cert).fingerprint256);
    expect((new Date(renewed.validTo).getTime() - Date.now()) / DAY).toBeGreaterThan(29);
    await expect(get(server.port, "/taskpane.html", certOf(home))).resolves.toMatchObject({ status: 200 });
  });

  it("answers 400 to a path it cannot decode and keeps serving", async () => {
    const home = tmp("chitieu-home-");
    const { port } = await startServer(home, ["--no-build", "--dist", fakeDist()]);
    await expect(get(port, "/%E0%A4%A", certOf(home))).resolves.toMatchObject({ status: 400 });
    await expect(get(port, "/taskpane.html%00", certOf(home))).resolves.toMatchObject({ status: 400 });
    const after = await get(port, "/taskpane.html", certOf(home));
    expect(after.status).toBe(200);
    expect(after.body).toContain("Chỉ tiêu KT-XH");
  });

  it("serves nothing outside dist/: not a sibling folder such as dist-old, not a parent, not a hidden file", async () => {
    const parent = tmp("chitieu-start-");
    const dist = fakeDist(parent);
    fs.mkdirSync(path.join(parent, "dist-old"));
    fs.writeFileSync(path.join(parent, "dist-old", "secret.txt"), "bí mật");
    fs.writeFileSync(path.join(parent, "secret.txt"), "bí mật");
    fs.writeFileSync(path.join(dist, ".chitieu-build"), "{}");
    fs.mkdirSync(path.join(dist, "assets"));
    fs.writeFileSync(path.join(dist, "assets", "icon.png"), "png");
    const home = tmp("chitieu-home-");
    const { port } = await startServer(home, ["--no-build", "--dist", dist]);
    for (const raw of [
      "/..%2Fdist-old%2Fsecret.txt",
      "/..%2fdist-old/secret.txt",
      "/..%2F..%2Fsecret.txt",
      "/%2E%2E/dist-old/secret.txt",
      "/..%5Csecret.txt",
    ]) {
      const res = await get(port, raw, certOf(home));
      expect({ raw, status: res.status }).toEqual({ raw, status: 404 });
      expect(res.body).not.toContain("bí mật");
    }
    await expect(get(port, "/.chitieu-build", certOf(home))).resolves.toMatchObject({ status: 404 });
    await expect(get(port, "/assets", certOf(home))).resolves.toMatchObject({ status: 404 });
    await expect(get(port, "/assets/icon.png", certOf(home))).resolves.toMatchObject({ status: 200, body: "png" });
  });

  it("resolves request paths within dist only (path.relative, not a string prefix)", () => {
    const parent = tmp("chitieu-start-");
    const dist = fakeDist(parent);
    fs.mkdirSync(path.join(parent, "dist-old"));
    fs.writeFileSync(path.join(parent, "dist-old", "taskpane.html"), "old");
    expect(start.resolveRequest(dist, "/")).toEqual({ status: 200, file: path.join(dist, "taskpane.html") });
    expect(start.resolveRequest(dist, "/..%2Fdist-old%2Ftaskpane.html").status).toBe(404);
    expect(start.resolveRequest(dist, "/%E0%A4%A").status).toBe(400);
    expect(start.resolveRequest(dist, "/a%00b").status).toBe(400);
    expect(start.resolveRequest(dist, "/nothing.html").status).toBe(404);
  });

  it("skips the build when dist/ is newer than its inputs, and says so", async () => {
    const dist = fakeDist();
    fs.writeFileSync(path.join(dist, "help.html"), "<!doctype html>");
    // Built for the address this run serves at (--port 0), after every input of the checkout.
    fs.writeFileSync(path.join(dist, "manifest.xml"), '<SourceLocation DefaultValue="https://localhost:0/taskpane.html"/>');
    const future = new Date(Date.now() + DAY);
    fs.writeFileSync(path.join(dist, ".chitieu-build"), "{}");
    fs.utimesSync(path.join(dist, ".chitieu-build"), future, future);
    const { out } = await startServer(tmp("chitieu-home-"), ["--dist", dist]);
    expect(out).toContain("dist/ đã mới, bỏ qua bước dựng");
    expect(out).not.toContain("webpack");
  });

  it("decides on a build from the inputs' dates, the outputs and the manifest's address", () => {
    const base = tmp("chitieu-base-");
    fs.mkdirSync(path.join(base, "src", "core"), { recursive: true });
    fs.writeFileSync(path.join(base, "src", "core", "a.ts"), "");
    fs.writeFileSync(path.join(base, "manifest.xml"), "");
    const dist = path.join(base, "dist");
    const host = "https://localhost:3000/";
    expect(start.buildNeeded(dist, host, base)).toMatchObject({ needed: true });
    fs.mkdirSync(dist);
    for (const name of ["taskpane.html", "help.html"]) fs.writeFileSync(path.join(dist, name), "");
    fs.writeFileSync(path.join(dist, "manifest.xml"), `<SourceLocation DefaultValue="${host}taskpane.html"/>`);
    const past = new Date(Date.now() - DAY);
    fs.utimesSync(path.join(base, "src", "core", "a.ts"), past, past);
    fs.utimesSync(path.join(base, "manifest.xml"), past, past);
    expect(start.buildNeeded(dist, host, base)).toEqual({ needed: false, reason: null });
    expect(start.buildNeeded(dist, "https://localhost:3001/", base).reason).toMatch(/manifest/);
    fs.utimesSync(path.join(base, "src", "core", "a.ts"), new Date(), new Date(Date.now() + 1000));
    expect(start.buildNeeded(dist, host, base).reason).toContain(path.join("src", "core", "a.ts"));
  });

  it("reports webpack's progress when its phase changes and while a phase lasts", async () => {
    const lines: string[] = [];
    const progress = start.progressReporter((line) => lines.push(line), 50);
    progress.update(0.1, "building", "1/2 entries");
    progress.update(0.11, "building", "2/2 entries");
    progress.tick();
    expect(lines).toEqual(["  webpack  10% building (1/2 entries)"]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    progress.tick();
    progress.update(0.92, "sealing", "asset processing");
    expect(lines).toEqual([
      "  webpack  10% building (1/2 entries)",
      "  webpack  11% building (2/2 entries)",
      "  webpack  92% sealing (asset processing)",
    ]);
  });

  it("npm stop stops the server npm start left running", async () => {
    const home = tmp("chitieu-home-");
    const { child } = await startServer(home, ["--no-build", "--dist", fakeDist()]);
    expect(fs.existsSync(path.join(home, ".chitieu", "start.json"))).toBe(true);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const stop = spawn(process.execPath, [path.join(root, "tools", "stop.js")], { env: { ...process.env, HOME: home, USERPROFILE: home } });
    let out = "";
    stop.stdout.on("data", (d) => (out += d));
    stop.stderr.on("data", (d) => (out += d));
    const status = await new Promise((resolve) => stop.on("close", resolve));
    expect({ status, out }).toEqual({ status: 0, out: expect.stringMatching(/Đã dừng máy chủ/) });
    await exited;
    expect(fs.existsSync(path.join(home, ".chitieu", "start.json"))).toBe(false);
  });
});

describe("npm start's plan per platform", () => {
  const all = () => true;
  const none = () => false;

  it("keeps to its own certificate and manual sideloading on Linux, without looking for the Office tools", () => {
    const installed = jest.fn(all);
    expect(office.plan("linux", installed)).toEqual({ office: false, certificate: "self-signed", sideload: "manual", missing: [] });
    expect(installed).not.toHaveBeenCalled();
  });

  it("trusts through office-addin-dev-certs and sideloads through office-addin-debugging on Windows and macOS", () => {
    for (const platform of ["win32", "darwin"]) {
      expect(office.plan(platform, all)).toEqual({
        office: true,
        certificate: "office-addin-dev-certs",
        sideload: "office-addin-debugging",
        missing: [],
      });
    }
  });

  it("falls back to the Linux behaviour on Windows and macOS where the tools are absent or declined", () => {
    expect(office.plan("win32", none)).toEqual({
      office: true,
      certificate: "self-signed",
      sideload: "manual",
      missing: ["office-addin-dev-certs", "office-addin-debugging"],
    });
    expect(office.plan("darwin", (name) => name === "office-addin-dev-certs")).toMatchObject({
      certificate: "office-addin-dev-certs",
      sideload: "manual",
      missing: ["office-addin-debugging"],
    });
    expect(office.plan("win32", all, { sideload: false, selfSigned: true })).toEqual({
      office: true,
      certificate: "self-signed",
      sideload: "manual",
      missing: [],
    });
  });
});

describe("the Office tools on Windows and macOS (stand-ins)", () => {
  it("sideloads the dist manifest into desktop Excel without a debugger or a dev server, and stopDebugging undoes it", async () => {
    const manifest = path.join(fakeDist(), "manifest.xml");
    await office.sideload(manifest);
    expect(mockStartDebugging).toHaveBeenCalledWith(manifest, {
      appType: "desktop",
      app: "excel",
      enableDebugging: false,
      enableLiveReload: false,
      enableSideload: true,
    });
    await office.unsideload(manifest);
    expect(mockStopDebugging).toHaveBeenCalledWith(manifest);
    await expect(office.unsideload(path.join(tmp("chitieu-none-"), "manifest.xml"))).rejects.toThrow(/manifest/);
  });

  it("serves with office-addin-dev-certs' trusted certificate files", async () => {
    await expect(office.officeCertificate()).resolves.toMatchObject({
      key: "KEY",
      cert: "CERT",
      certFile: expect.stringContaining(".office-addin-dev-certs"),
    });
    expect(mockGetHttpsServerOptions).toHaveBeenCalled();
  });
});

describe("the bench's and the end-to-end test's folder server", () => {
  it("serves only files inside its folder: 400 for an undecodable path or NUL, 404 for a sibling such as dist-old", async () => {
    const parent = tmp("chitieu-serve-");
    const dist = fakeDist(parent);
    fs.mkdirSync(path.join(parent, "dist-old"));
    fs.writeFileSync(path.join(parent, "dist-old", "secret.txt"), "bí mật");
    const server = await serveFolder(dist);
    const status = (raw: string) =>
      new Promise<number>((resolve, reject) => {
        http
          .get(`${server.url}${raw}`, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on("error", reject);
      });
    try {
      expect(await status("/taskpane.html")).toBe(200);
      expect(await status("/..%2Fdist-old%2Fsecret.txt")).toBe(404);
      expect(await status("/%E0%A4%A")).toBe(400);
      expect(await status("/taskpane.html%00")).toBe(400);
      expect(await status("/taskpane.html")).toBe(200);
    } finally {
      await server.close();
    }
  });
});
