/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { checkWorkbook, type CheckResult } from "../../src/core/check";
import { fillSource, fillTemplate, narrative, type EditPlan } from "../../src/core/fill";
import { HostError, type WorkbookHost } from "../../src/hosts/host";
import { App, type Actions, type Session } from "../../src/taskpane/App";
import { CheckPanel } from "../../src/taskpane/components/CheckPanel";
import { IndicatorsPanel } from "../../src/taskpane/components/IndicatorsPanel";
import { ReportPanel } from "../../src/taskpane/components/ReportPanel";
import { STRINGS } from "../../src/taskpane/strings";
import { FIRST_VIEW } from "../../src/taskpane/session";
import { narrativePreview } from "../../src/taskpane/analysis/protocol";
import * as React from "react";
import { sheet } from "../helpers/grid";
import { plantedPartYear } from "../helpers/plantedSheet";
import { PART_YEAR_ROWS } from "../fill/narrativeCases";
import { StandaloneHost } from "../../src/hosts/standalone";
import type { CellValue } from "../../src/core/model/snapshot";
import { TextDecoder as NodeTextDecoder } from "node:util";
import { xlsxOf } from "../helpers/xlsxBytes";

const t = STRINGS.vi;

const workbook = plantedPartYear;

/** A session's check whole: the tests make their sessions from checkWorkbook. */
const whole = (s: Session) => s.analysis as CheckResult;

function session(snapshot = workbook()): Session {
  return { snapshot, analysis: checkWorkbook(snapshot), ignores: [] };
}

function fakeActions(overrides: Partial<Actions> = {}): Actions & { applied: EditPlan[] } {
  const applied: EditPlan[] = [];
  return {
    applied,
    busy: async (_label, work) => work(),
    check: jest.fn(async () => undefined),
    apply: jest.fn(async (plan: EditPlan) => {
      applied.push(plan);
      return true;
    }),
    select: jest.fn(async () => undefined),
    ignore: jest.fn(async () => undefined),
    restore: jest.fn(async () => undefined),
    // The real work, in the test's thread, as the page analyser does it (the tests' sessions hold whole checks).
    narrative: async (s, count) => narrativePreview(narrative(fillSource(s.snapshot, whole(s))), count),
    fill: async (s, choice) =>
      "builtIn" in choice
        ? fillTemplate(s.snapshot, whole(s), choice.builtIn)
        : fillTemplate(s.snapshot, whole(s), { sheet: s.snapshot.sheets.find((x) => x.name === choice.sheet)!, from: "workbook" }),
    sheetIndicators: async (s, name) => whole(s).indicators.filter((i) => i.sheet === name),
    checkText: async () => ({ claims: 0, findings: [] }),
    compare: async () => Promise.reject(new Error("unused")),
    notify: jest.fn(),
    ...overrides,
  };
}

const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

/** The Kiểm tra panel with its view held as App holds it. */
function Checks(props: Omit<React.ComponentProps<typeof CheckPanel>, "t" | "lang" | "view" | "onView">): React.JSX.Element {
  const [view, setView] = React.useState(FIRST_VIEW);
  return <CheckPanel t={t} lang="vi" view={view} onView={setView} {...props} />;
}

/** Clicks the pane's "Kiểm tra" button (the header's) once the pane has drawn it, and waits for the check to end. */
async function runCheck(): Promise<void> {
  const button = (await screen.findAllByText(t.runCheck))[1];
  await act(async () => fireEvent.click(button));
  await idle();
}

/** Waits until the pane has no work under way (reading and checking run off the click). */
async function idle(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
}

describe("Kiểm tra", () => {
  test("findings grouped by sheet with counts; a click goes to the cell; next and previous walk the list", async () => {
    const s = session();
    const actions = fakeActions();
    wrap(<Checks session={s} host={{ mark: jest.fn(), clearMarks: jest.fn() }} actions={actions} />);
    const errors = s.analysis.open.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(screen.getByRole("heading", { name: /Biểu 01/ })).toBeTruthy();
    expect(screen.getByLabelText(`Lỗi (${errors.length})`)).toBeTruthy();
    const first = document.querySelector(`[data-finding="Biểu 01!${errors[0].cell}"]`) as HTMLElement;
    expect(first.textContent).toContain(errors[0].message);
    fireEvent.click(first);
    expect(actions.select).toHaveBeenLastCalledWith(errors[0]);
    fireEvent.click(screen.getByText(t.next));
    const visible = s.analysis.open.filter((f) => f.severity !== "info");
    expect(actions.select).toHaveBeenLastCalledWith(visible[1 % visible.length]);
    fireEvent.click(screen.getByText(t.previous));
    expect(actions.select).toHaveBeenLastCalledWith(visible[0]);
  });

  test("the severity filter hides what is unticked", () => {
    const s = session();
    wrap(<Checks session={s} host={{ mark: jest.fn(), clearMarks: jest.fn() }} actions={fakeActions()} />);
    const before = document.querySelectorAll("[data-finding]").length;
    fireEvent.click(screen.getByLabelText(/^Lỗi/));
    expect(document.querySelectorAll("[data-finding]").length).toBe(before - s.analysis.open.filter((f) => f.severity === "error").length);
  });

  test("ignoring asks for a reason and passes it on", async () => {
    const s = session();
    const actions = fakeActions();
    wrap(<Checks session={s} host={{ mark: jest.fn(), clearMarks: jest.fn() }} actions={actions} />);
    fireEvent.click(screen.getAllByText(t.ignore)[0]);
    // A dialog opens in steps: wait for each part the test uses, not for the dialog alone.
    const dialog = await screen.findByRole("dialog");
    const reason = await within(dialog).findByRole("textbox", { name: /Lý do/ });
    const ok = (await within(dialog).findByText(t.confirm)).closest("button") as HTMLButtonElement;
    expect(ok.disabled).toBe(true);
    fireEvent.change(reason, { target: { value: "Số liệu đã được Sở Tài chính xác nhận" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: t.ignoreBy }), { target: { value: "Nguyễn Thị Lan" } });
    fireEvent.click(ok);
    expect(actions.ignore).toHaveBeenCalledWith(s.analysis.open[0], "Số liệu đã được Sở Tài chính xác nhận", "Nguyễn Thị Lan");
  });

  test("marks go through the host; findings can be exported to a sheet", () => {
    const s = session();
    const host = { mark: jest.fn(async () => undefined), clearMarks: jest.fn(async () => undefined) };
    const actions = fakeActions();
    wrap(<Checks session={s} host={host} actions={actions} />);
    fireEvent.click(screen.getByText(t.markCells));
    expect(host.mark).toHaveBeenCalledWith(s.analysis.open);
    fireEvent.click(screen.getByText(t.clearMarks));
    expect(host.clearMarks).toHaveBeenCalled();
    fireEvent.click(screen.getByText(t.exportFindings));
    expect(actions.applied[0].sheets[0].name).toBe("Kết quả kiểm tra 2020");
    expect(actions.applied[0].sheets[0].cells.some((c) => c.value === s.analysis.open[0].message)).toBe(true);
  });
});

describe("Chỉ tiêu", () => {
  test("the indicators with TH/KH and the change; rates in points", () => {
    wrap(<IndicatorsPanel t={t} lang="vi" session={session()} actions={fakeActions()} />);
    const row = screen.getByText("Giá trị sản xuất công nghiệp").closest("tr") as HTMLElement;
    expect(within(row).getByText("44,2")).toBeTruthy();
    expect(within(row).getByText("106")).toBeTruthy();
    const rate = screen.getByText("Tỷ lệ che phủ rừng").closest("tr") as HTMLElement;
    expect(within(rate).getByText("+0,2 điểm")).toBeTruthy();
  });

  test("comparison columns are written only after confirming; occupied cells need a second yes", async () => {
    const actions = fakeActions();
    wrap(<IndicatorsPanel t={t} lang="vi" session={session()} actions={actions} />);
    fireEvent.click(screen.getByText(t.writeColumns));
    const dialog = await screen.findByRole("dialog");
    // Proposed: the two columns after the sheet's last (G holds the stated TH/KH): H and I.
    const planColumn = (await within(dialog).findByLabelText(t.planColumn)) as HTMLInputElement;
    expect(planColumn.value).toBe("H");
    // A column the indicators are read from (F: the actual figures) is refused, with nothing to confirm.
    fireEvent.change(planColumn, { target: { value: "F" } });
    expect((await within(dialog).findByRole("alert")).textContent).toContain("Cột F chứa số liệu");
    expect((within(dialog).getByText(t.confirm).closest("button") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(planColumn, { target: { value: "G" } });
    fireEvent.click(await within(dialog).findByText(t.confirm));
    // The second step lists what overwriting would replace, and keeping it is the primary choice.
    const second = await screen.findByText(/đã có nội dung: G4 \(/);
    expect(second.textContent).toContain("Ctrl+Z");
    expect(actions.apply).not.toHaveBeenCalled();
    const onlyEmpty = (await screen.findByText(t.onlyEmpty)).closest("button") as HTMLButtonElement;
    const overwrite = screen.getByText(t.overwriteYes).closest("button") as HTMLButtonElement;
    // Fluent's classes are hashes: overwriting looks like Cancel (secondary), keeping does not.
    const cancel = screen.getByText(t.cancel).closest("button") as HTMLButtonElement;
    expect(overwrite.className).toBe(cancel.className);
    expect(onlyEmpty.className).not.toBe(cancel.className);
    fireEvent.click(onlyEmpty);
    await waitFor(() => expect(actions.apply).toHaveBeenCalled());
    const write = actions.applied[0].writes![0];
    expect(write.sheet).toBe("Biểu 01");
    expect(write.cells.map((c) => c.address)).not.toContain("G4");
    expect(write.cells.find((c) => c.address === "G5")?.formula).toBe('IFERROR(IF(AND(ISNUMBER(F5),ISNUMBER(D5),D5>0),F5/D5*100,"-"),"-")');
  });
});

describe("Báo cáo", () => {
  test("previews the narrative, marks the indicator with an error, generates the sheet, copies the text", async () => {
    const actions = fakeActions();
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    wrap(<ReportPanel t={t} session={session()} actions={actions} />);
    const preview = screen.getByTestId("narrative");
    await waitFor(() => expect(preview.textContent).not.toBe(""));
    expect(preview.textContent).toContain("Thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm ước đạt 961,1 tỷ đồng");
    expect(preview.textContent).toContain('⚠ Chưa viết câu cho chỉ tiêu "Giá trị sản xuất công nghiệp"');
    fireEvent.click(screen.getByText(t.generate));
    await waitFor(() => expect(actions.applied).toHaveLength(1));
    expect(actions.applied[0].sheets[0].name).toBe("Báo cáo 6T-2020");
    fireEvent.click(screen.getByText(t.copyText));
    await waitFor(() => expect(writeText).toHaveBeenCalled());
    const copied = writeText.mock.calls[0][0];
    expect(copied).not.toContain("⚠");
    // What the copy leaves out is named in its last line, with the error, and the notice says so.
    expect(copied.split("\n").pop()).toMatch(
      /^\(Chưa viết câu cho 1 chỉ tiêu vì số liệu có lỗi: Giá trị sản xuất công nghiệp \([a-z-]+, ô [A-Z]+\d+\)/,
    );
    expect(copied).toMatch(/\(chưa tính 01 chỉ tiêu có lỗi số liệu\)/);
    expect(actions.notify).toHaveBeenLastCalledWith(t.copiedWithheld(1));
  });

  test("a template sheet with mistakes lists them and creates nothing", async () => {
    const snapshot = workbook();
    snapshot.sheets.push(sheet("Mẫu quý", [["{{Không có chỉ tiêu này | actual}}"]]));
    const actions = fakeActions();
    wrap(<ReportPanel t={t} session={session(snapshot)} actions={actions} />);
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "Mẫu quý" } });
    fireEvent.click(screen.getByText(t.generate));
    expect(await screen.findByRole("alert")).toHaveProperty(
      "textContent",
      expect.stringContaining('Ô A1: không tìm thấy chỉ tiêu "Không có chỉ tiêu này"'),
    );
    expect(actions.apply).not.toHaveBeenCalled();
  });
});

describe("the pane with a host", () => {
  function fakeHost(overrides: Partial<WorkbookHost> = {}): WorkbookHost {
    return {
      kind: "excel",
      read: async () => workbook(),
      apply: async () => undefined,
      undo: async () => true,
      select: async () => undefined,
      mark: async () => undefined,
      clearMarks: async () => undefined,
      loadIgnores: async () => [],
      saveIgnores: async () => undefined,
      ...overrides,
    };
  }

  test("Kiểm tra reads the workbook, fills in the year and period, shows the findings", async () => {
    wrap(<App host={fakeHost()} initialLang="vi" />);
    await runCheck();
    expect(await screen.findByDisplayValue("2020")).toBeTruthy();
    expect(screen.getByDisplayValue("Theo bảng tính: 6 tháng")).toBeTruthy();
    expect(document.querySelectorAll("[data-finding]").length).toBeGreaterThan(0);
  });

  test("setting the period to the whole year re-evaluates: the plan can now be judged", async () => {
    wrap(<App host={fakeHost()} initialLang="vi" />);
    await runCheck();
    await screen.findByDisplayValue("2020");
    fireEvent.click(screen.getByRole("tab", { name: t.tabIndicators }));
    const row = () => screen.getByText("Thu ngân sách nhà nước trên địa bàn").closest("tr") as HTMLElement;
    expect(within(row()).queryByText("Không đạt")).toBeNull();
    await act(async () => fireEvent.change(screen.getByLabelText(t.period), { target: { value: "12" } }));
    await waitFor(() => expect(within(row()).getByText("Không đạt")).toBeTruthy());
  });

  test("a host error is shown in plain Vietnamese with what to do", async () => {
    const host = fakeHost({
      read: async () =>
        Promise.reject(
          new HostError(
            "Trang tính đang được bảo vệ nên chitieu không ghi được.",
            "Hãy bỏ bảo vệ trang rồi thử lại.",
            "The sheet is protected.",
            "Unprotect the sheet, then try again.",
          ),
        ),
    });
    wrap(<App host={host} initialLang="vi" />);
    await runCheck();
    expect(await screen.findByText("Trang tính đang được bảo vệ nên chitieu không ghi được.")).toBeTruthy();
    expect(screen.getByText("Hãy bỏ bảo vệ trang rồi thử lại.")).toBeTruthy();
    // In English, the whole message is English: what happened and what to do.
    fireEvent.click(screen.getByText("English"));
    expect(screen.getByText("The sheet is protected.")).toBeTruthy();
    expect(screen.getByText("Unprotect the sheet, then try again.")).toBeTruthy();
    expect(screen.queryByText("Hãy bỏ bảo vệ trang rồi thử lại.")).toBeNull();
  });

  test("after a write the pane offers to take it back, since Ctrl+Z cannot", async () => {
    const undo = jest.fn(async () => true);
    wrap(<App host={fakeHost({ undo })} initialLang="vi" />);
    await runCheck();
    fireEvent.click(screen.getByRole("tab", { name: t.tabReport }));
    await act(async () => fireEvent.click(await screen.findByText(t.generate)));
    expect(await screen.findByText(t.undoHint)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByText(t.undo)));
    expect(undo).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(t.undone)).toBeTruthy();
    expect(screen.queryByText(t.undoHint)).toBeNull();
  });

  test("a year that matches no column is explained with the year the workbook states", async () => {
    wrap(<App host={fakeHost()} initialLang="vi" />);
    await act(async () => fireEvent.change(screen.getByLabelText(t.year), { target: { value: "2015" } }));
    await runCheck();
    expect(await screen.findByText(t.yearNoColumn(2015, 2020))).toBeTruthy();
    expect(screen.getByText(t.yearNoColumnAdvice(2020))).toBeTruthy();
  });

  test("a second workbook opened outside Excel takes its own year, not the first one's", async () => {
    // jsdom has no TextDecoder; the browser the pane runs in does.
    Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder });
    const standalone = new StandaloneHost();
    wrap(<App host={standalone} standalone={standalone} initialLang="vi" />);
    const open = async (rows: CellValue[][], name: string) => {
      const bytes = await xlsxOf(rows);
      const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
      Object.assign(file, { arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
      await act(async () => fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } }));
    };
    await open(PART_YEAR_ROWS, "2020.xlsx");
    expect(await screen.findByDisplayValue("2020")).toBeTruthy();
    // The same table a year on: 2021 against 2020.
    const nextYear = PART_YEAR_ROWS.map((row) =>
      row.map((v) => (typeof v === "string" ? v.replace("2020", "2021").replace("2019", "2020") : v)),
    );
    await open(nextYear, "2021.xlsx");
    expect(await screen.findByDisplayValue("2021")).toBeTruthy();
    expect(screen.queryByText(t.noIndicatorSheet)).toBeNull();
  });

  test("when Office never said it was ready, the pane says why it runs on files", () => {
    const standalone = new StandaloneHost();
    wrap(<App host={standalone} standalone={standalone} initialLang="vi" officeTimedOut />);
    expect(screen.getByText(t.officeTimedOut)).toBeTruthy();
  });

  test("no indicator sheet: explained, not a crash; English available", async () => {
    wrap(<App host={fakeHost({ read: async () => ({ sheets: [sheet("Bìa", [["Báo cáo"]])] }) })} initialLang="vi" />);
    await runCheck();
    expect(await screen.findByText(t.noIndicatorSheet)).toBeTruthy();
    fireEvent.click(screen.getByText("English"));
    expect(screen.getByRole("tab", { name: STRINGS.en.tabIndicators })).toBeTruthy();
    expect(screen.getByText("Tiếng Việt")).toBeTruthy();
  });

  test("ignoring persists through the host and moves the finding out of the open list", async () => {
    const saved: unknown[] = [];
    wrap(<App host={fakeHost({ saveIgnores: async (list) => void saved.push(list) })} initialLang="vi" />);
    await runCheck();
    const ignoreButtons = await screen.findAllByText(t.ignore);
    const before = document.querySelectorAll("[data-finding]").length;
    fireEvent.click(ignoreButtons[0]);
    // What this test is about is the host and the list; the dialog itself is the test above's. Under
    // load, Fluent's focus manager (tabster) in jsdom can leave this second dialog of the file marked
    // aria-hidden, so its parts are found whatever their accessibility state.
    const dialog = await screen.findByRole("dialog", { hidden: true });
    fireEvent.change(await within(dialog).findByRole("textbox", { hidden: true, name: /Lý do/ }), { target: { value: "Đã giải trình" } });
    await act(async () => fireEvent.click(await within(dialog).findByText(t.confirm)));
    await waitFor(() => expect(document.querySelectorAll("[data-finding]").length).toBe(before - 1));
    expect(saved).toHaveLength(1);
    expect(screen.getByRole("tab", { name: t.ignoredView(1) })).toBeTruthy();
  });
});
