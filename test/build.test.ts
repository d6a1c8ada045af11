// The production build of the task pane: office.js stays on its CDN, the manifest follows HOST_URL.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..");

describe("npm run build", () => {
  it("bundles the pane without office.js and rewrites the manifest for the host URL", () => {
    const out = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "chitieu-dist-"));
    execFileSync(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", out], {
      cwd: root,
      env: { ...process.env, HOST_URL: "https://chitieu.example.vn/pane" },
      stdio: "pipe",
    });
    const files = fs.readdirSync(out);
    const js = files.filter((f) => f.endsWith(".js"));
    expect(js).toHaveLength(1);
    const bundle = fs.readFileSync(path.join(out, js[0]), "utf8");
    expect(bundle).not.toMatch(/Microsoft\.Office\.WebExtension|OSF\.DDA/);
    const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('<SourceLocation DefaultValue="https://chitieu.example.vn/pane/taskpane.html"/>');
    expect(fs.readdirSync(path.join(out, "assets")).sort()).toEqual(["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
  });
});
