// The help page (dist/help.html): one section per rule, the sheet rules of RULES and the narrative
// rules alike, in Vietnamese then English; escaped, with no script and no request elsewhere; built
// by webpack where the manifest's SupportUrl and LearnMoreUrl point; readable at 350 px, light and dark.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS } from "../src/bench/pane";
import { RULES, TEXT_CHECKS } from "../src/core/rules";
import { escapeHtml, renderHelp, ruleAnchor } from "../src/help/render";

const root = path.join(__dirname, "..");

/** The HTML of one rule's section. */
function ruleSection(html: string, id: string): string {
  const start = html.indexOf(`<section class="rule" id="${ruleAnchor(id)}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</section>", start));
}

describe("the help page's content", () => {
  const html = renderHelp();

  it("has one section with an anchor for every rule of the registry, sheet and text rules alike", () => {
    const ids = RULES.map((r) => r.id);
    // Every check of the text reports under a record of the registry.
    expect(ids).toEqual(expect.arrayContaining(TEXT_CHECKS.map((c) => c.rule.id)));
    expect(ids).toEqual(expect.arrayContaining(["index-as-growth", "claim-arithmetic", "claim-value", "verb-typo"]));
    for (const id of ids) expect(html.split(`id="rule-${id}"`).length).toBe(2);
    expect(ruleAnchor("base-year")).toBe("rule-base-year");
  });

  it("explains each rule in Vietnamese then in English, from the rule's own record", () => {
    for (const rule of RULES) {
      const section = ruleSection(html, rule.id);
      const vi = section.indexOf(escapeHtml(rule.description));
      const en = section.indexOf('lang="en"', vi);
      expect({ id: rule.id, vi: vi >= 0, en: en > vi }).toEqual({ id: rule.id, vi: true, en: true });
      expect(section).toContain(escapeHtml(rule.name));
      expect(section).toContain(escapeHtml(rule.nameEn));
      // Something to read in English beyond the name: a description and what to do.
      expect(section.slice(en)).toMatch(/<strong>[^<]+\.<\/strong> [^<]{20,}/);
      expect(section).toContain("Cách xử lý:");
      expect(section).toContain("What to do:");
    }
  });

  it("says where each rule looks, from its record's scope", () => {
    const where = {
      sheet: "Bảng tính ·",
      text: "Lời văn ·",
      both: "Bảng tính và lời văn ·",
      periods: "Giữa các báo cáo (chitieu compare, consolidate) ·",
    };
    for (const rule of RULES)
      expect({ id: rule.id, shown: ruleSection(html, rule.id).includes(where[rule.scope]) }).toEqual({ id: rule.id, shown: true });
    const renamed = renderHelp({ rules: RULES.map((r) => (r.id === "verb-typo" ? { ...r, name: "Tên khác" } : r)) });
    expect(ruleSection(renamed, "verb-typo")).toContain("Tên khác");
  });

  it("is Vietnamese first, English second, with installation, each tab, standalone mode and the command line in both", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    const order = [
      'id="vi"',
      'id="cai-dat"',
      'id="the-kiem-tra"',
      'id="the-chi-tieu"',
      'id="the-bao-cao"',
      'id="the-loi-van"',
      'id="the-ky-truoc"',
      'id="che-do-doc-lap"',
      'id="dong-lenh"',
    ];
    const orderEn = [
      'id="en"',
      'id="install"',
      'id="tab-check"',
      'id="tab-indicators"',
      'id="tab-report"',
      'id="tab-text"',
      'id="tab-earlier"',
      'id="standalone"',
      'id="command-line"',
    ];
    const at = (needle: string) => html.indexOf(needle);
    for (const list of [order, orderEn]) for (let i = 1; i < list.length; i++) expect(at(list[i])).toBeGreaterThan(at(list[i - 1]));
    expect(at('id="en"')).toBeGreaterThan(at('id="doc-ket-qua"'));
    for (const words of [
      "Windows",
      "Mac",
      "Excel trên web",
      "Excel on the web",
      "manifest.xml",
      "Upload My Add-in",
      "npx chitieu check",
      "npx chitieu consolidate",
    ])
      expect(html).toContain(words);
  });

  it("escapes every text it takes from the records and carries no script, inline handler or outside request", () => {
    const hostile = renderHelp({
      rules: [
        {
          id: 'x"><script>alert(1)</script>',
          severity: "error",
          name: "<img src=x onerror=alert(1)>",
          nameEn: "a & b",
          description: "</section><script>",
          descriptionEn: "'\"",
          scope: "text",
          options: {},
          messages: {},
        },
      ],
      guide: {},
    });
    expect(hostile).not.toMatch(/<script|<img src=x/i);
    expect(hostile).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(hostile).toContain("a &amp; b");
    for (const page of [html, hostile]) {
      expect(page).not.toMatch(/<script|javascript:/i);
      // No tag has an event handler attribute (text that merely reads "onerror=" is escaped, not a tag).
      for (const [tag] of page.matchAll(/<[a-z][^>]*>/gi)) expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      const refs = [...page.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
      for (const ref of refs) expect(ref).toMatch(/^(#[\w-]+|help\.css|taskpane\.html|assets\/icon-32\.png)$/);
    }
    expect(html).toContain(`content="default-src 'none'; style-src 'self'; img-src 'self'`);
  });
});

describe("dist/help.html, built by webpack where the manifest points", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-help-"));
  let server: http.Server;
  let base: string;
  const start = jest.requireActual<{ resolveRequest(dist: string, url: string): { status: number; file?: string } }>(
    path.join(root, "tools", "start.js"),
  );
  const types: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css",
    ".png": "image/png",
    ".xml": "application/xml",
  };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const found = start.resolveRequest(out, req.url ?? "/");
      if (found.status !== 200 || !found.file) return void res.writeHead(found.status).end();
      res
        .writeHead(200, { "content-type": types[path.extname(found.file)] ?? "application/octet-stream" })
        .end(fs.readFileSync(found.file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    // The webpack build of `npm start` (--env fast: not minified, not type-checked); the help page is
    // made the same way as in `npm run build`.
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", "fast", "--output-path", out],
      { cwd: root, env: { ...process.env, HOST_URL: base }, stdio: "pipe" },
    );
  }, 240000);
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(out, { recursive: true, force: true });
  });

  it("answers the manifest's SupportUrl and LearnMoreUrl with the help page", async () => {
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    const support = /<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)?.[1];
    const learnMore = /<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="([^"]+)"/.exec(manifest)?.[1];
    expect(support).toBe(`${base}help.html`);
    expect(learnMore).toBe(`${base}help.html`);
    // The source manifest points at the page too, for `npm start`.
    const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
    expect(source).toContain('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>');
    for (const url of [support!, learnMore!]) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toBe(renderHelp());
      for (const rule of RULES) expect(page).toContain(`id="rule-${rule.id}"`);
    }
    for (const asset of ["help.css", "assets/icon-32.png"]) expect((await fetch(`${base}${asset}`)).status).toBe(200);
    expect(fs.readdirSync(out).filter((f) => f.startsWith("help"))).toEqual(["help.css", "help.html"]);
  });

  const describeWithChromium = fs.existsSync(CHROMIUM) || process.env.CI === "true" ? describe : describe.skip;
  describeWithChromium("in Chromium", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const [width, scheme] of [
      [350, "light"],
      [350, "dark"],
      [1280, "dark"],
    ] as const) {
      it(`reads at ${width} px in ${scheme} mode without scrolling sideways or asking anything of the network`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
        const requests: string[] = [];
        const failed: string[] = [];
        context.on("request", (r) => requests.push(r.url()));
        context.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
        const page = await context.newPage();
        page.on("console", (m) => m.type() === "error" && failed.push(m.text()));
        await page.goto(`${base}help.html#rule-base-year`);
        const look = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          background: getComputedStyle(document.body).backgroundColor,
          target: document.querySelector(":target")?.id,
          scripts: document.scripts.length,
        }));
        expect(look.overflow).toBeLessThanOrEqual(0);
        expect(look.background).toBe(scheme === "dark" ? "rgb(31, 31, 31)" : "rgb(255, 255, 255)");
        expect(look.target).toBe("rule-base-year");
        expect(look.scripts).toBe(0);
        expect(failed).toEqual([]);
        expect(requests.every((u) => u.startsWith(base))).toBe(true);
        fs.mkdirSync(path.join(root, "test-output"), { recursive: true });
        await page.screenshot({ path: path.join(root, "test-output", `help-${width}-${scheme}.png`), fullPage: false });
        await context.close();
      });
    }
  });
});
