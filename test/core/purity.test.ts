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

/** The relative imports of a file, resolved to files. */
function resolvedImports(file: string): string[] {
  return imports(file)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => path.resolve(path.dirname(file), spec))
    .map((base) => [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((f) => fs.existsSync(f)))
    .filter((f): f is string => f !== undefined);
}

// Inside the core the pipeline reads as it runs; an import may only point to the same or an earlier stage.
const STAGES = ["model", "reading", "rules", "check.ts|compare.ts|mergedUnits.ts", "narrative|fill"];
function stage(file: string): number {
  const top = path.relative(path.join(src, "core"), file).split(path.sep)[0];
  return STAGES.findIndex((s) => s.split("|").includes(top));
}

describe("the core's pipeline", () => {
  it("model → reading → rules → check → narrative and fill: no import points back", () => {
    for (const file of files(path.join(src, "core"))) {
      if (path.basename(file) === "index.ts" && path.dirname(file) === path.join(src, "core")) continue;
      for (const target of resolvedImports(file)) {
        const ok = stage(target) <= stage(file);
        expect({ file: path.relative(src, file), imports: path.relative(src, target), ok }).toMatchObject({ ok: true });
      }
    }
  });

  it("has no import cycle anywhere in src", () => {
    const graph = new Map(files(src).map((f) => [f, resolvedImports(f)] as const));
    const state = new Map<string, "open" | "done">();
    const cycles: string[][] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push(trail.slice(trail.indexOf(file)).map((f) => path.relative(src, f)));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...trail, next]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, [file]);
    expect(cycles).toEqual([]);
  });
});

describe("Office.js", () => {
  it("Excel.run appears only in the Office.js host", () => {
    const users = files(src).filter((f) => /\bExcel\.run\(/.test(fs.readFileSync(f, "utf8")));
    expect(users.map((f) => path.relative(src, f))).toEqual([path.join("excel", "officeHost.ts")]);
  });
});
