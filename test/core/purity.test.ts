// The core is pure and host-free, and imports point one way: core ← hosts ← UI/CLI.
import * as fs from "node:fs";
import * as path from "node:path";

const src = path.join(__dirname, "..", "..", "src");

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^'"]*from\s+["']([^"']+)["']|require\(["']([^"']+)["']\)/g)].map((m) => m[1] ?? m[2]);
}

describe("layers", () => {
  it("core imports only core, and uses no Office, DOM or Node globals", () => {
    const core = path.join(src, "core");
    for (const file of files(core)) {
      for (const spec of imports(file)) {
        const inside = spec.startsWith(".") && path.resolve(path.dirname(file), spec).startsWith(core + path.sep);
        expect({ file, spec, ok: inside }).toMatchObject({ ok: true });
      }
      // Code only: strings and comments may name Excel.
      const text = fs
        .readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")
        .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
      expect({ file, globals: /\b(Office|Excel|document|window|process|Buffer|require)\s*[.(]/.test(text) }).toMatchObject({
        globals: false,
      });
    }
  });

  it("hosts import the core but neither the CLI nor the UI", () => {
    for (const file of [...files(path.join(src, "hosts")), ...files(path.join(src, "excel"))]) {
      for (const spec of imports(file)) expect({ file, spec, ok: !/\/(cli|taskpane)\//.test(spec) }).toMatchObject({ ok: true });
    }
  });
});

describe("Office.js", () => {
  it("Excel.run appears only in the Office.js host", () => {
    const users = files(src).filter((f) => /\bExcel\.run\(/.test(fs.readFileSync(f, "utf8")));
    expect(users.map((f) => path.relative(src, f))).toEqual([path.join("excel", "officeHost.ts")]);
  });
});
