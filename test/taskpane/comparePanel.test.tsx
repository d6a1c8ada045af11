/** @jest-environment jsdom */
// Kỳ trước: the open workbook (a 9-month report) against the earlier reports the official picks;
// the problems between them name both cells and go to the current one; pairs can be undone and set
// by hand, and the comparison follows; an unusable file is said in one message.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { TextDecoder as NodeTextDecoder } from "node:util";
import type { CellValue } from "../../src/core/model/snapshot";
import type { WorkbookHost } from "../../src/hosts/host";
import { App } from "../../src/taskpane/App";
import { STRINGS } from "../../src/taskpane/strings";
import { sheet } from "../helpers/grid";
import { periodRows, Y2019_6, Y2019_9, Y2020_6, Y2020_9, type Figures } from "../helpers/periods";
import { xlsxOf } from "../helpers/xlsxBytes";

const t = STRINGS.vi;
// jsdom has no TextDecoder; the browser the pane runs in does.
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder });

function host(now: Figures): WorkbookHost & { selected: string[] } {
  const selected: string[] = [];
  return {
    kind: "excel",
    selected,
    read: async () => ({ sheets: [sheet("Biểu 01", periodRows(2020, 9, now, Y2019_9))] }),
    apply: async () => undefined,
    undo: async () => true,
    select: async (name, cell) => void selected.push(`${name}!${cell}`),
    mark: async () => undefined,
    clearMarks: async () => undefined,
    loadIgnores: async () => [],
    saveIgnores: async () => undefined,
  };
}

async function file(rows: CellValue[][] | string, name: string): Promise<File> {
  const bytes = typeof rows === "string" ? new Uint8Array(Buffer.from(rows)) : await xlsxOf(rows);
  const made = new File([bytes as Uint8Array<ArrayBuffer>], name);
  return Object.assign(made, { arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
}

async function idle(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
}

async function openCompare(h: WorkbookHost): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={h} initialLang="vi" />
    </FluentProvider>,
  );
  await act(async () => fireEvent.click((await screen.findAllByText(t.runCheck))[1]));
  await idle();
  await act(async () => fireEvent.click(screen.getByRole("tab", { name: t.tabCompare })));
}

async function choose(...files: File[]): Promise<void> {
  await act(async () => fireEvent.change(screen.getByTestId("earlier-input"), { target: { files } }));
  await idle();
}

test("the earlier reports are placed, and each problem names both cells and goes to the current one", async () => {
  const h = host({ ...Y2020_9, budget: 951.1 });
  await openCompare(h);
  await choose(
    await file(periodRows(2020, 6, Y2020_6, Y2019_6), "6-thang-2020.xlsx"),
    await file(periodRows(2019, 9, { ...Y2019_9, industry: 11300 }, Y2019_9), "9-thang-2019.xlsx"),
  );
  const reports = await screen.findByTestId("earlier-reports");
  expect(reports.textContent).toContain(t.earlierLine("6 tháng", 2020, t.relation["earlier-period"], 3));
  expect(reports.textContent).toContain(t.earlierLine("9 tháng", 2019, t.relation["previous-year"], 3));
  expect(screen.getByText(t.crossFindings(2))).toBeTruthy();
  const [decrease] = within(screen.getByTestId("cross-findings")).getAllByRole("listitem");
  expect(decrease.textContent).toContain("nhỏ hơn 6 tháng (961,1");
  expect(decrease.textContent).toContain(t.earlierCell("6-thang-2020.xlsx", "Biểu 01", "F5"));
  await act(async () => fireEvent.click(within(decrease).getByText(t.goToCell("Biểu 01!F5"))));
  expect(h.selected).toContain("Biểu 01!F5");
  // A report taken away is no longer compared.
  await act(async () => fireEvent.click(screen.getByText(t.removeEarlier("9-thang-2019.xlsx"))));
  await idle();
  expect(screen.getByText(t.crossFindings(1))).toBeTruthy();
});

test("a pair undone takes its problem away; a renamed indicator paired by hand brings it back", async () => {
  await openCompare(host({ ...Y2020_9, budget: 951.1, budgetName: "Thu từ quỹ đất" }));
  await choose(await file(periodRows(2020, 6, Y2020_6, Y2019_6), "6-thang-2020.xlsx"));
  expect(screen.getByText(t.noCrossFindings)).toBeTruthy();
  const pairs = screen.getByText(/Các chỉ tiêu đã ghép \(2\)/).closest("details") as HTMLElement;
  const pick = (label: string, name: RegExp) => {
    const select = within(pairs).getByLabelText(label) as HTMLSelectElement;
    const option = within(select).getByRole("option", { name }) as HTMLOptionElement;
    fireEvent.change(select, { target: { value: option.value } });
  };
  pick(t.currentIndicator, /^Thu từ quỹ đất/);
  pick(t.pairWith, /^Thu ngân sách nhà nước trên địa bàn/);
  await act(async () => fireEvent.click(within(pairs).getByText(t.pair)));
  await idle();
  expect(screen.getByText(t.crossFindings(1))).toBeTruthy();
  const now = screen.getByText(/Các chỉ tiêu đã ghép \(3\)/).closest("details") as HTMLElement;
  expect(now.textContent).toContain(`Thu từ quỹ đất ↔ Thu ngân sách nhà nước trên địa bàn`);
  expect(now.textContent).toContain(t.pairBy.override);
  const item = within(now)
    .getByText(/Thu từ quỹ đất ↔/)
    .closest("li") as HTMLElement;
  await act(async () => fireEvent.click(within(item).getByText(t.unpair)));
  await idle();
  expect(screen.getByText(t.noCrossFindings)).toBeTruthy();
});

test("a file that is no workbook is said in one message, in the pane's language, and is not kept", async () => {
  await openCompare(host({ ...Y2020_9, budget: 951.1 }));
  await choose(await file("không phải bảng tính", "ghi-chu.xlsx"));
  expect(await screen.findByText(/^Không so được với "ghi-chu.xlsx": /)).toBeTruthy();
  expect(screen.queryByText(/Cannot compare/)).toBeNull();
  // The next report chosen is compared alone: the unusable one did not stay in the list.
  await choose(await file(periodRows(2020, 6, Y2020_6, Y2019_6), "6-thang-2020.xlsx"));
  expect(screen.getByText(t.crossFindings(1))).toBeTruthy();
  expect(screen.getByTestId("earlier-reports").textContent).not.toContain("ghi-chu.xlsx");
});
