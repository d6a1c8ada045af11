/** @jest-environment jsdom */
// The pane an official opens every month: findings that hold together (counts, filter and
// selection across tabs, ignored and restored, every action confirmed, a legend), "Vì sao?", the
// Lời văn tab, the indicators table without a row cap, progress that can be cancelled, one language
// per message, Vietnamese number formats, and no serious accessibility problem on any tab.
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import * as React from "react";
import { checkWorkbook, type CheckResult } from "../../src/core/check";
import type { Ignore } from "../../src/core/model/ignores";
import { MARK_COLORS, type WorkbookHost } from "../../src/hosts/host";
import { StandaloneHost } from "../../src/hosts/standalone";
import { App } from "../../src/taskpane/App";
import { Cancelled, type Analyser } from "../../src/taskpane/analysis/analyser";
import { IndicatorsPanel, rowsInSight } from "../../src/taskpane/components/IndicatorsPanel";
import { ReportPanel } from "../../src/taskpane/components/ReportPanel";
import { narrativePreview } from "../../src/taskpane/analysis/protocol";
import { fillSource, narrative, narrativeText } from "../../src/core/fill";
import { paneIsDark, paneLanguage } from "../../src/taskpane/environment";
import type { Actions, Session } from "../../src/taskpane/session";
import { STRINGS } from "../../src/taskpane/strings";
import { sheet } from "../helpers/grid";
import { plantedPartYear } from "../helpers/plantedSheet";
import { PART_YEAR_ROWS } from "../fill/narrativeCases";

const t = STRINGS.vi;

const workbook = plantedPartYear;

function fakeHost(overrides: Partial<WorkbookHost> = {}): WorkbookHost & { saved: Ignore[][]; selected: string[] } {
  const saved: Ignore[][] = [];
  const selected: string[] = [];
  return {
    kind: "excel",
    saved,
    selected,
    read: async () => workbook(),
    apply: async () => undefined,
    undo: async () => true,
    select: async (sheetName, cell) => void selected.push(`${sheetName}!${cell}`),
    mark: async () => undefined,
    clearMarks: async () => undefined,
    loadIgnores: async () => saved[saved.length - 1] ?? [],
    saveIgnores: async (list) => void saved.push([...list]),
    ...overrides,
  };
}

const wrap = (ui: React.ReactElement, theme = webLightTheme) => render(<FluentProvider theme={theme}>{ui}</FluentProvider>);

/** Waits until the pane has no work under way. */
async function idle(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
}

async function openPane(host: WorkbookHost = fakeHost(), props: Partial<React.ComponentProps<typeof App>> = {}): Promise<void> {
  wrap(<App host={host} initialLang="vi" {...props} />);
  const button = (await screen.findAllByText(t.runCheck))[1];
  await act(async () => fireEvent.click(button));
  await idle();
  await waitFor(() => expect(document.querySelector("[data-finding]")).not.toBeNull());
}

const listed = () => Array.from(document.querySelectorAll<HTMLElement>("[data-finding]"));
const tab = (name: string) => act(async () => fireEvent.click(screen.getByRole("tab", { name })));

beforeEach(() => localStorage.clear());

describe("findings that hold together", () => {
  test("the count says how many are listed under the filter, and of how many", async () => {
    await openPane();
    const open = checkWorkbook(workbook()).open;
    const shown = open.filter((f) => f.severity !== "info");
    expect(open.length).toBeGreaterThan(shown.length);
    expect(listed()).toHaveLength(shown.length);
    expect(screen.getByText(t.findingsShown(shown.length, open.length))).toBeTruthy();
    fireEvent.click(screen.getByLabelText(new RegExp(`^${t.info}`)));
    expect(listed()).toHaveLength(open.length);
    expect(screen.getByText(t.findings(open.length))).toBeTruthy();
  });

  test("filter and the finding in hand stay as they were across tabs", async () => {
    await openPane();
    fireEvent.click(screen.getByLabelText(new RegExp(`^${t.warning}`)));
    const first = listed()[0];
    await act(async () => fireEvent.click(first));
    expect(first.getAttribute("aria-current")).toBe("true");
    await tab(t.tabIndicators);
    await tab(t.tabReport);
    await tab(t.tabCheck);
    expect((screen.getByLabelText(new RegExp(`^${t.warning}`)) as HTMLInputElement).checked).toBe(false);
    expect(listed().every((f) => !f.textContent?.startsWith(t.warning))).toBe(true);
    expect(listed()[0].getAttribute("aria-current")).toBe("true");
  });

  test("after Bỏ qua the highlight moves to the next finding, and the ignored one can be read and restored", async () => {
    const host = fakeHost();
    await openPane(host);
    fireEvent.click(screen.getByLabelText(new RegExp(`^${t.info}`)));
    const before = listed().map((f) => f.dataset.finding);
    expect(before.length).toBeGreaterThan(1);
    await act(async () => fireEvent.click(listed()[0]));
    const ignoreButton = within(listed()[0].closest("li") as HTMLElement).getByText(t.ignore);
    fireEvent.click(ignoreButton);
    const dialog = await screen.findByRole("dialog", { hidden: true });
    fireEvent.change(await within(dialog).findByRole("textbox", { hidden: true, name: /Lý do/ }), {
      target: { value: "Số liệu do Cục Thống kê công bố" },
    });
    fireEvent.change(within(dialog).getByRole("textbox", { hidden: true, name: t.ignoreBy }), { target: { value: "Trần Văn Bình" } });
    await act(async () => fireEvent.click(within(dialog).getByText(t.confirm)));
    await idle();
    // The next finding is in hand now, not whichever took the ignored one's place by index only.
    await waitFor(() => expect(listed()).toHaveLength(before.length - 1));
    expect(listed()[0].dataset.finding).toBe(before[1]);
    expect(listed()[0].getAttribute("aria-current")).toBe("true");
    expect(await screen.findByText(t.ignoredDone(before[0] as string))).toBeTruthy();
    expect(host.saved[0][0]).toMatchObject({ reason: "Số liệu do Cục Thống kê công bố", by: "Trần Văn Bình" });

    await act(async () => fireEvent.click(screen.getByRole("tab", { name: t.ignoredView(1) })));
    const ignored = screen.getByTestId("ignored");
    expect(ignored.textContent).toContain(before[0]);
    expect(ignored.textContent).toContain(t.ignoredBecause("Số liệu do Cục Thống kê công bố"));
    expect(ignored.textContent).toContain(t.ignoredWhoWhen("Trần Văn Bình", host.saved[0][0].date));
    await act(async () => fireEvent.click(within(ignored).getByText(t.restore)));
    await idle();
    expect(await screen.findByText(t.restored(before[0] as string))).toBeTruthy();
    expect(host.saved[1]).toEqual([]);
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: /^Đang mở/ })));
    expect(listed().map((f) => f.dataset.finding)).toEqual(before);
  });

  test("marking, clearing and exporting each say what they did; the legend names every colour", async () => {
    const mark = jest.fn(async () => undefined);
    await openPane(fakeHost({ mark }));
    const open = checkWorkbook(workbook()).open;
    await act(async () => fireEvent.click(screen.getByText(t.markCells)));
    expect(mark).toHaveBeenCalledWith(open);
    expect(await screen.findByText(t.marked(new Set(open.map((f) => f.cell)).size))).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByText(t.clearMarks)));
    expect(await screen.findByText(t.cleared)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByText(t.exportFindings)));
    expect(await screen.findByText(t.created("Kết quả kiểm tra 2020"))).toBeTruthy();
    const legend = screen.getByRole("list", { name: t.legend });
    for (const severity of ["error", "warning", "info"] as const) {
      const item = legend.querySelector(`[data-legend=${severity}]`) as HTMLElement;
      expect(item.textContent).toBe(t[severity]);
      expect((item.firstElementChild as HTMLElement).style.backgroundColor).toBe(hexToRgb(MARK_COLORS[severity]));
    }
  });

  test("Vì sao? explains the finding's rule with its figures, in the help page's words", async () => {
    await openPane();
    const item = listed()[0].closest("li") as HTMLElement;
    await act(async () => fireEvent.click(within(item).getByText(t.why)));
    const note = await within(item).findByRole("note");
    const { ruleHelp } = await import("../../src/help/ruleHelp");
    const help = ruleHelp("stated-percent")!;
    await waitFor(() => expect(note.textContent).toContain(help.name));
    expect(note.textContent).toContain("7.966/18.029 = 44,18%");
    expect(note.textContent).toContain(help.todo as string);
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe("Lời văn", () => {
  const draft =
    "Kết quả thực hiện 6 tháng đầu năm 2020.\n" +
    "Thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm ước đạt 961,1 tỷ đồng, bằng 45% kế hoạch năm, giảm 4,2% so với cùng kỳ năm 2019.";

  test("a pasted draft is checked against the open workbook; the finding names its sentence and goes to the cell", async () => {
    const host = fakeHost();
    await openPane(host);
    await tab(t.tabText);
    fireEvent.change(screen.getByRole("textbox", { name: t.textLabel }), { target: { value: draft } });
    await act(async () => fireEvent.click(screen.getByText(t.checkText)));
    await idle();
    const findings = await screen.findByTestId("text-findings");
    const item = within(findings).getAllByRole("listitem")[0];
    expect(item.textContent).toContain(t.sentenceAt(2, 1));
    expect(item.textContent).toContain("“bằng 45% kế hoạch năm”");
    expect(item.textContent).toContain("41,61%");
    await act(async () => fireEvent.click(within(item).getByText(t.goToCell("Biểu 01!F5"))));
    expect(host.selected).toContain("Biểu 01!F5");
  });

  test("inside Excel the text can be taken from the selected cells", async () => {
    const selectedText = jest.fn(async () => draft);
    await openPane(fakeHost({ selectedText }));
    await tab(t.tabText);
    await act(async () => fireEvent.click(screen.getByText(t.fromSelection)));
    await idle();
    expect(selectedText).toHaveBeenCalled();
    expect((screen.getByRole("textbox", { name: t.textLabel }) as HTMLTextAreaElement).value).toBe(draft);
    expect(await screen.findByText(t.textFindings(1, 4))).toBeTruthy();
  });
});

describe("the indicators table", () => {
  /** A session of `n` indicators (one sheet of n rows under the part-year header). */
  function large(n: number): Session {
    const [title, blank, header, ...data] = PART_YEAR_ROWS.map((r) => [...r]);
    const rows = [title, blank, header];
    for (let i = 0; i < n; i++) {
      const row = [...data[i % data.length]];
      row[0] = i + 1;
      row[1] = `Chỉ tiêu số ${i + 1}`;
      rows.push(row);
    }
    const snapshot = { sheets: [sheet("Biểu 01", rows)] };
    return { snapshot, analysis: checkWorkbook(snapshot), ignores: [] };
  }
  const actions = {} as Actions;

  test("has no row cap: only the rows in sight are drawn, and scrolling reaches the last", async () => {
    const session = large(3000);
    expect(session.analysis.indicators.length).toBe(3000);
    wrap(<IndicatorsPanel t={t} lang="vi" session={session} actions={actions} />);
    expect(screen.getByText(t.indicators(3000))).toBeTruthy();
    const box = screen.getByTestId("indicator-rows");
    expect(box.querySelectorAll("tr[data-indicator]").length).toBeLessThan(200);
    expect(screen.queryByText("Chỉ tiêu số 3000")).toBeNull();
    box.scrollTop = 3000 * 24;
    await act(async () => fireEvent.scroll(box));
    expect(screen.getByText("Chỉ tiêu số 3000")).toBeTruthy();
    expect(screen.getByText("Chỉ tiêu số 3000").closest("tr")?.getAttribute("aria-rowindex")).toBe("3001");
  });

  test("filters by name, diacritics or not", () => {
    wrap(<IndicatorsPanel t={t} lang="vi" session={large(300)} actions={actions} />);
    fireEvent.change(screen.getByRole("searchbox", { name: t.filterIndicators }), { target: { value: "chi tieu so 25" } });
    // 25 and 250–259.
    expect(screen.getByText(t.indicatorsShown(11, 300))).toBeTruthy();
  });

  test("the report preview holds the first sentences and the text to copy; more on request", async () => {
    const session = large(500);
    const whole = session.analysis as CheckResult;
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const reportActions = {
      busy: async (_label: string, work: () => Promise<unknown>) => work(),
      narrative: async (s: Session, count: number) => narrativePreview(narrative(fillSource(s.snapshot, whole)), count),
      notify: jest.fn(),
    } as unknown as Actions;
    wrap(<ReportPanel t={t} session={session} actions={reportActions} />);
    const preview = screen.getByTestId("narrative");
    await waitFor(() => expect(preview.querySelectorAll("p").length).toBe(300));
    const all = narrative(fillSource(session.snapshot, whole));
    await act(async () => fireEvent.click(screen.getByText(t.showMore(Math.min(300, all.length - 300), all.length - 300))));
    await waitFor(() => expect(preview.querySelectorAll("p").length).toBe(all.length));
    await act(async () => fireEvent.click(screen.getByText(t.copyText)));
    expect(writeText).toHaveBeenCalledWith(narrativeText(all));
  });

  test("the rows in sight, with the rows drawn around them", () => {
    expect(rowsInSight(0, 240, 1000)).toEqual({ first: 0, last: 50 });
    expect(rowsInSight(24 * 500, 240, 1000)).toEqual({ first: 480, last: 530 });
    expect(rowsInSight(24 * 995, 240, 1000).last).toBe(1000);
  });
});

describe("work in progress", () => {
  test("a check that lasts shows a progress bar with the sheets done, and can be cancelled; the results before stay", async () => {
    let progress: ((done: number, total: number) => void) | undefined;
    let cancel: (() => void) | null = null;
    const analyser: Analyser = {
      read: async () => Promise.reject(new Error("unused")),
      write: async () => Promise.reject(new Error("unused")),
      narrative: async () => ({ items: [], total: 0, withheld: 0, text: "" }),
      fill: async () => Promise.reject(new Error("unused")),
      sheetIndicators: async () => [],
      checkText: async () => Promise.reject(new Error("unused")),
      compare: async () => Promise.reject(new Error("unused")),
      check: (_snapshot, _settings, onProgress) =>
        new Promise<CheckResult>((_resolve, reject) => {
          progress = onProgress;
          cancel = () => reject(new Cancelled());
        }),
      cancel: () => cancel?.(),
    };
    wrap(<App host={fakeHost()} initialLang="vi" analyser={analyser} />);
    await act(async () => fireEvent.click((await screen.findAllByText(t.runCheck))[1]));
    await waitFor(() => expect(progress).toBeDefined());
    await act(async () => progress?.(3, 60));
    const bar = await screen.findByTestId("progress", {}, { timeout: 5000 });
    await waitFor(() => expect(bar.textContent).toContain(t.checking(3, 60)));
    expect(within(bar).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.05");
    // Meanwhile what would start more work is disabled; the tabs still answer.
    expect((screen.getAllByText(t.runCheck)[1].closest("button") as HTMLButtonElement).disabled).toBe(true);
    await tab(t.tabText);
    expect(screen.getByRole("tab", { name: t.tabText }).getAttribute("aria-selected")).toBe("true");
    await act(async () => fireEvent.click(within(bar).getByText(t.cancel)));
    await idle();
    expect(await screen.findByText(t.cancelled)).toBeTruthy();
    expect(screen.queryByTestId("progress")).toBeNull();
  });
});

test("sentences the worker was writing when the official cancelled are asked for again", async () => {
  const session: Session = { snapshot: workbook(), analysis: checkWorkbook(workbook()), ignores: [] };
  const items = narrative(fillSource(session.snapshot, session.analysis as CheckResult));
  let calls = 0;
  const reportActions = {
    narrative: async (_s: Session, count: number) => {
      if (calls++ === 0) throw new Cancelled();
      return narrativePreview(items, count);
    },
  } as unknown as Actions;
  wrap(<ReportPanel t={t} session={session} actions={reportActions} />);
  await waitFor(() => expect(screen.getByTestId("narrative").textContent).toContain(items[0].text));
  expect(calls).toBe(2);
});

describe("one language per message, Vietnamese formats", () => {
  test("an unexpected error is said wholly in the pane's language", async () => {
    wrap(<App host={fakeHost({ read: async () => Promise.reject(new TypeError("x is undefined")) })} initialLang="vi" />);
    await act(async () => fireEvent.click((await screen.findAllByText(t.runCheck))[1]));
    await idle();
    expect(await screen.findByText(t.unexpected)).toBeTruthy();
    expect(screen.getByText(t.unexpectedAdvice("x is undefined"))).toBeTruthy();
    fireEvent.click(screen.getByText("English"));
    expect(screen.getByText(STRINGS.en.unexpected)).toBeTruthy();
    expect(screen.queryByText(t.unexpected)).toBeNull();
  });

  test("inside Excel, an empty tab asks for a check, not for a file", async () => {
    wrap(<App host={fakeHost()} initialLang="vi" />);
    await tab(t.tabIndicators);
    expect(screen.getByText(t.openFirstExcel)).toBeTruthy();
    expect(screen.queryByText(t.openFirst)).toBeNull();
  });

  test("counts in Vietnamese format; template names without their ids", () => {
    expect(t.findings(4318)).toBe("4.318 vấn đề");
    expect(STRINGS.en.findings(4318)).toBe("4,318 findings");
  });

  test("Vietnamese unless Office's display language says otherwise; the system's scheme when Office gives no theme", () => {
    expect(paneLanguage(null)).toBe("vi");
    expect(paneLanguage("vi-VN")).toBe("vi");
    expect(paneLanguage("en-US")).toBe("en");
    expect(paneIsDark(undefined, true)).toBe(true);
    expect(paneIsDark("#1f1f1f", false)).toBe(true);
    expect(paneIsDark("#ffffff", true)).toBe(false);
    expect(paneIsDark("not a colour", true)).toBe(true);
  });

  test("the standalone grid shows numbers as the pane's language writes them; the sheet picker follows the official", async () => {
    const host = new StandaloneHost(async () => ({
      snapshot: { sheets: [sheet("Biểu 01", [["Giá trị", 4227.9]]), sheet("Biểu 02", [["Khác", 1234567]])] },
      ignores: [],
    }));
    wrap(<App host={host} standalone={host} initialLang="vi" />);
    const file = new File(["x"], "so-lieu.xlsx");
    Object.assign(file, { arrayBuffer: async () => new ArrayBuffer(1) });
    await act(async () => fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } }));
    await idle();
    expect(document.querySelector("td[data-cell=B1]")?.textContent).toBe("4.227,9");
    await act(async () => host.select("Biểu 01", "B1"));
    fireEvent.change(screen.getByRole("combobox", { name: t.sheet }), { target: { value: "Biểu 02" } });
    expect(document.querySelector("table[data-sheet]")?.getAttribute("data-sheet")).toBe("Biểu 02");
    expect(document.querySelector("td[data-cell=B1]")?.textContent).toBe("1.234.567");
    fireEvent.click(screen.getByText("English"));
    expect(document.querySelector("td[data-cell=B1]")?.textContent).toBe("1,234,567");
    // The grid folds away, and back.
    fireEvent.click(screen.getByText(STRINGS.en.hideGrid));
    expect(document.querySelector("table[data-sheet]")).toBeNull();
    fireEvent.click(screen.getByText(STRINGS.en.showGrid));
    expect(document.querySelector("table[data-sheet]")).not.toBeNull();
  });
});

describe("accessibility (axe, as jsdom allows: no colour contrast)", () => {
  for (const [name, theme] of [
    ["light", webLightTheme],
    ["dark", webDarkTheme],
  ] as const)
    test(`every tab has no serious or critical problem in the ${name} theme`, async () => {
      const { container } = wrap(<App host={fakeHost()} initialLang="vi" />, theme);
      await act(async () => fireEvent.click((await screen.findAllByText(t.runCheck))[1]));
      await idle();
      await waitFor(() => expect(document.querySelector("[data-finding]")).not.toBeNull());
      for (const name of [t.tabCheck, t.tabIndicators, t.tabReport, t.tabText, t.tabCompare]) {
        await tab(name);
        const results = await axe(container, { rules: { "color-contrast": { enabled: false } } });
        const serious = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))) }))
          .filter((v) => v.nodes.length > 0)
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 100)).join(" | ")}`);
        expect({ tab: name, serious }).toEqual({ tab: name, serious: [] });
      }
    });

  test("focus goes back where it was when the ignore dialog closes", async () => {
    await openPane();
    const button = within(listed()[0].closest("li") as HTMLElement)
      .getByText(t.ignore)
      .closest("button") as HTMLButtonElement;
    button.focus();
    fireEvent.click(button);
    const dialog = await screen.findByRole("dialog", { hidden: true });
    await act(async () => fireEvent.click(within(dialog).getByText(t.cancel)));
    await waitFor(() => expect(document.activeElement).toBe(button));
  });
});
