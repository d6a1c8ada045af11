// The production build of the task pane, then the built pane itself in Debian's Chromium (through
// playwright-core) in standalone mode: open a workbook, check it, go to a finding's cell, generate
// the report, download it and read the download back with ExcelJS. No request may leave localhost:
// office.js is routed from the CDN to the @microsoft/office-js package (tests only).
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { expectShippable, manifestSchema, xsdErrors } from "./helpers/manifest";
import { buildPane, CHROMIUM, CHROMIUM_FLAGS, entryScripts, OFFICE_JS_HOST, officeJsFile, serveFolder } from "../src/bench/pane";
import { benchWorkbook, BENCH_INDICATORS, BENCH_SHEETS } from "../src/bench/generate";

const root = path.join(__dirname, "..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-dist-"));

beforeAll(() => buildPane(out, "https://chitieu.example.vn/pane"));

describe("npm run build", () => {
  it("bundles the pane without office.js and rewrites the manifest for the host URL", () => {
    const js = fs.readdirSync(out).filter((f) => f.endsWith(".js"));
    for (const file of js) expect(fs.readFileSync(path.join(out, file), "utf8")).not.toMatch(/Microsoft\.Office\.WebExtension|OSF\.DDA/);
    const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('<SourceLocation DefaultValue="https://chitieu.example.vn/pane/taskpane.html"/>');
    expect(fs.readdirSync(path.join(out, "assets")).sort()).toEqual([
      "icon-128.png",
      "icon-16.png",
      "icon-32.png",
      "icon-64.png",
      "icon-80.png",
    ]);
  });

  it("ships a manifest that office-addin-manifest reads as the source one, every page and icon it names built", () => {
    const built = expectShippable(path.join(out, "manifest.xml"), "https://chitieu.example.vn/pane/", out);
    const source = expectShippable(path.join(root, "manifest.xml"), "https://localhost:3000/", root);
    expect(built.info.id).toBe(source.info.id);
    for (const page of ["taskpane.html", "help.html"]) expect(fs.existsSync(path.join(out, page))).toBe(true);
  });

  const schema = manifestSchema();
  (schema ? it : it.skip)("ships a manifest valid against the Office add-in manifest schema (xmllint)", () => {
    expect(xsdErrors(schema!, path.join(out, "manifest.xml"))).toBe("");
  });

  it("keeps the pane's JavaScript within 250 KB gzipped; the file reader and writer load only in standalone mode", () => {
    const entry = entryScripts(out);
    expect(entry).toHaveLength(1);
    const bytes = fs.readFileSync(path.join(out, entry[0]));
    expect(zlib.gzipSync(bytes, { level: 9 }).length).toBeLessThanOrEqual(250 * 1024);
    const scripts = fs.readdirSync(out).filter((f) => f.endsWith(".js") && f !== entry[0]);
    const inChunk = (text: string) => scripts.some((f) => fs.readFileSync(path.join(out, f), "utf8").includes(text));
    // The reader's and the writer's own words are in chunks of their own, not in the entry; ExcelJS is nowhere.
    for (const words of ["được đổi tên, không phải bảng tính", "fullCalcOnLoad"]) {
      expect(bytes.toString("utf8")).not.toContain(words);
      expect(inChunk(words)).toBe(true);
    }
    expect(inChunk("ExcelJS") || bytes.toString("utf8").includes("exceljs")).toBe(false);
  });
});

const describeWithChromium = fs.existsSync(CHROMIUM) || process.env.CI === "true" ? describe : describe.skip;

describeWithChromium("the built pane in Chromium, standalone mode", () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  const outside: string[] = [];
  const shots = path.join(root, "test-output");

  beforeAll(async () => {
    server = await serveFolder(out);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPane(options: { width?: number; colorScheme?: "light" | "dark"; locale?: string } = {}): Promise<Page> {
    const context = await browser.newContext({
      acceptDownloads: true,
      locale: options.locale ?? "vi-VN",
      colorScheme: options.colorScheme ?? "light",
      viewport: { width: options.width ?? 1280, height: 800 },
    });
    // Every task longer than 50 ms on the page's main thread, from the start.
    await context.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({
        type: "longtask",
        buffered: true,
      });
    });
    await context.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === OFFICE_JS_HOST) return route.fulfill({ path: officeJsFile(url.href) });
      if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready=standalone]");
    return page;
  }

  /** The 6-month sample with a stated TH/KH that its figures do not give (G11: 52 instead of 44,2). */
  async function plantedWorkbook(): Promise<string> {
    const input = path.join(out, "planted.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(root, "samples", "tuyen-quang-6-thang-2020.xlsx"));
    book.getWorksheet("Biểu 01")!.getCell("G11").value = 52;
    await book.xlsx.writeFile(input);
    return input;
  }

  it("opens a workbook, finds the planted error, goes to its cell, generates the report and downloads it", async () => {
    const input = await plantedWorkbook();

    const page = await openPane();
    await page.setInputFiles("input[type=file]", input);
    await page.waitForSelector("table[data-sheet='Biểu 01']");
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    const planted = page.locator("[data-finding='Biểu 01!G11']");
    await planted.waitFor();
    await expect(planted.textContent()).resolves.toMatch(/ghi 52% kế hoạch, nhưng 7.966\/18.029 = 44,18%/);
    await planted.click();
    await page.waitForSelector("td[data-cell=G11][data-selected=true]");
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, "taskpane-check.png"), fullPage: true });

    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await page.getByRole("button", { name: "Tạo trang báo cáo" }).click();
    await page.getByText('Đã tạo trang "Báo cáo 6T-2020".').waitFor();
    await page.screenshot({ path: path.join(shots, "taskpane-report.png"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải bảng tính về" }).click()]);
    expect(download.suggestedFilename()).toBe("planted-chitieu.xlsx");
    const saved = path.join(out, "downloaded.xlsx");
    await download.saveAs(saved);

    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(saved);
    expect(result.worksheets.map((w) => w.name)).toEqual(["Biểu 01", "Báo cáo 6T-2020"]);
    const report = result.getWorksheet("Báo cáo 6T-2020")!;
    const texts: string[] = [];
    report.eachRow((row) => texts.push(String(row.getCell(1).value ?? "")));
    expect(texts).toContain(
      "Thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm ước đạt 961,1 tỷ đồng, bằng 41,6% kế hoạch, giảm 4,2% so với cùng kỳ năm 2019.",
    );
    // The planted error is not narrated as if fine.
    expect(texts.some((t) => t.startsWith('⚠ Chưa viết câu cho chỉ tiêu "Giá trị sản xuất công nghiệp (giá so sánh 2010)"'))).toBe(true);
    expect(result.getWorksheet("Biểu 01")!.getCell("G11").value).toBe(52);
    process.stdout.write(`Ảnh chụp ngăn tác vụ / pane screenshots: ${path.join(shots, "taskpane-check.png")}, taskpane-report.png\n`);
  });

  it("writes comparison columns but never over the figures, undoes the write, and takes each workbook's own year", async () => {
    const page = await openPane();
    await page.setInputFiles("input[type=file]", path.join(root, "samples", "tuyen-quang-6-thang-2020.xlsx"));
    await page.waitForSelector("table[data-sheet='Biểu 01']");
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await expect(page.getByLabel("Năm báo cáo").inputValue()).resolves.toBe("2020");

    await page.getByRole("tab", { name: "Chỉ tiêu" }).click();
    await page.getByRole("button", { name: "Ghi cột so sánh" }).click();
    const dialog = page.getByRole("dialog");
    // F holds the actual figures: refused, nothing to confirm.
    await dialog.getByLabel("Cột TH/KH (%)").fill("F");
    await dialog.getByText(/Cột F chứa số liệu/).waitFor();
    await expect(dialog.getByRole("button", { name: "Đồng ý" }).isDisabled()).resolves.toBe(true);
    // Two free columns after the table: written, then taken back.
    await dialog.getByLabel("Cột TH/KH (%)").fill("K");
    await dialog.getByLabel("Cột so cùng kỳ").fill("L");
    await dialog.getByRole("button", { name: "Đồng ý" }).click();
    await page.getByText("Đã ghi.").waitFor();
    // The grid shows the formula's result once the workbook is read back.
    await page.waitForFunction(() => (document.querySelector("td[data-cell=K11]")?.textContent ?? "") !== "");
    await page.getByRole("button", { name: "Hoàn tác" }).click();
    await page.getByText(/^Đã hoàn tác/).waitFor();
    await page.waitForFunction(() => document.querySelector("td[data-cell=K11]")?.textContent === "");

    // Another workbook, of another year: its own year, no false error.
    await page.setInputFiles("input[type=file]", path.join(root, "samples", "thai-nguyen-nam-2021.xlsx"));
    await page.waitForSelector("table[data-sheet='Phụ lục 1']");
    await expect(page.getByLabel("Năm báo cáo").inputValue()).resolves.toBe("2021");
  });

  it("opens the 60 × 300 workbook in a worker with progress, every indicator reachable, and generates its report", async () => {
    const input = path.join(out, "lon.xlsx");
    await benchWorkbook().xlsx.writeFile(input);
    const page = await openPane({ width: 350 });
    // From the file on: the page's own load is measured by `npm run bench` (f).
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
    // The progress shows while the worker reads and checks: recorded as it happens, since a fast
    // machine may read the workbook before a poll would see it.
    await page.evaluate(() => {
      const w = window as unknown as { progressSeen: boolean };
      w.progressSeen = false;
      new MutationObserver(
        () => (w.progressSeen ||= (document.querySelector("[data-testid=progress]")?.getBoundingClientRect().height ?? 0) > 0),
      ).observe(document.body, {
        childList: true,
        subtree: true,
      });
    });
    await page.setInputFiles("input[type=file]", input);
    await page.waitForSelector("[data-finding]");
    await page.waitForSelector("[aria-busy=false]");
    await expect(page.evaluate(() => (window as unknown as { progressSeen: boolean }).progressSeen)).resolves.toBe(true);
    await page.getByRole("tab", { name: "Chỉ tiêu" }).click();
    const total = BENCH_SHEETS * BENCH_INDICATORS;
    await page.getByText(`${total.toLocaleString("vi-VN")} chỉ tiêu`, { exact: true }).waitFor();
    // The table draws only the rows in sight; the last is reached by scrolling.
    const rows = page.getByTestId("indicator-rows");
    await expect(rows.locator("tr[data-indicator]").count()).resolves.toBeLessThan(200);
    await rows.evaluate((box) => (box.scrollTop = box.scrollHeight));
    await page.waitForSelector(`tr[aria-rowindex="${total + 1}"]`);
    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await page.getByRole("button", { name: "Tạo trang báo cáo" }).click();
    await page.getByText(/^Đã tạo trang "Báo cáo/).waitFor({ timeout: 120000 });
    // The work is the worker's: the page's own tasks stay short. The 100 ms target is measured by
    // `npm run bench` (f) on a quiet machine; here, under a loaded test run, a bound that the work
    // done on the main thread (seconds for this workbook) could never meet.
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    process.stdout.write(`Tác vụ dài nhất trên luồng chính / longest main-thread task: ${longest.toFixed(0)} ms\n`);
    expect(longest).toBeLessThan(400);
  });

  for (const colorScheme of ["light", "dark"] as const)
    it(`at 350 px in ${colorScheme} mode every tab is drawn, screenshotted, and clean for axe (no serious or critical)`, async () => {
      const page = await openPane({ width: 350, colorScheme });
      await page.setInputFiles("[data-testid=file-input]", await plantedWorkbook());
      await page.waitForSelector("[data-finding]");
      await page.waitForSelector("[aria-busy=false]");
      // Nothing is wider than the pane.
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(350);
      // axe-core evaluated by the test's own channel: the pane's policy rightly allows no inline script.
      await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
      fs.mkdirSync(shots, { recursive: true });
      for (const tab of ["Kiểm tra", "Chỉ tiêu", "Báo cáo", "Lời văn", "Kỳ trước"]) {
        await page.getByRole("tab", { name: tab }).click();
        await page.screenshot({ path: path.join(shots, `pane-350-${colorScheme}-${tab}.png`), fullPage: true });
        const violations = await page.evaluate(async () => {
          type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ html: string }> }> };
          const axe = (window as unknown as { axe: { run(): Promise<Result> } }).axe;
          return (await axe.run()).violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => ({
              ...v,
              // Fluent's focus manager (tabster) keeps aria-hidden focus sentinels that hand focus on
              // at once: a known false positive of aria-hidden-focus (microsoft/tabster#288), left out.
              nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))),
            }))
            .filter((v) => v.nodes.length > 0)
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`);
        });
        expect({ tab, violations }).toEqual({ tab, violations: [] });
      }
    });

  it("compares the open workbook with an earlier report read by the pane's worker", async () => {
    const page = await openPane();
    const input = await plantedWorkbook();
    await page.setInputFiles("[data-testid=file-input]", input);
    await page.waitForSelector("[data-finding]");
    await page.getByRole("tab", { name: "Kỳ trước" }).click();
    await page.setInputFiles("[data-testid=earlier-input]", input);
    const reports = page.getByTestId("earlier-reports");
    await reports.getByText("planted.xlsx", { exact: true }).waitFor();
    // The same report again: the same period of the same year, listed and not compared.
    await expect(reports.textContent()).resolves.toMatch(/6 tháng năm 2020: kỳ khác: không so; \d+ chỉ tiêu khớp/);
  });

  it("refuses a file that is not a workbook with a clear Vietnamese message, whatever the browser's language", async () => {
    const page = await openPane({ locale: "en-US" });
    const bogus = path.join(out, "bao-cao.xlsx");
    fs.writeFileSync(bogus, "đây không phải bảng tính");
    await page.setInputFiles("input[type=file]", bogus);
    await page.getByText(/Không mở được "bao-cao.xlsx": tệp không phải là bảng tính .xlsx/).waitFor();
  });

  afterAll(() => {
    expect(outside).toEqual([]);
  });
});
