import { checkWorkbook } from "../../src/core/check";
import { fillTemplate, findingsSheet, type EditPlan } from "../../src/core/fill";
import { MARK_SIGNATURE, OfficeHost, PAYLOAD_BUDGET, formulaCell } from "../../src/excel/officeHost";
import { HostError, MARK_COLORS } from "../../src/hosts/host";
import { PART_YEAR_ROWS } from "../fill/narrativeCases";
import { fakeExcel, type FakeSheet } from "./fakeExcel";

const FIVE_MB = 5 * 1024 * 1024;

beforeAll(() => {
  (globalThis as any).Excel = { ConditionalFormatType: { custom: "Custom" } };
  (globalThis as any).Office = { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } };
});

/** A large workbook: `count` indicator sheets of `rows` rows each. */
function bigWorkbook(count: number, rows: number): FakeSheet[] {
  return Array.from({ length: count }, (_, s) => ({
    name: `Huyện ${s + 1}`,
    values: [
      ["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 6 THÁNG ĐẦU NĂM 2020"],
      [],
      ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2020", "Thực hiện 6 tháng đầu năm 2019", "Ước thực hiện 6 tháng đầu năm 2020"],
      ...Array.from({ length: rows }, (_, r) => [String(r + 1), `Giá trị sản xuất ngành ${r + 1}`, "Tỷ đồng", 1000 + r, 400 + r, 480 + r]),
    ],
    numberFormat: [],
  }));
}

const host = (excel: ReturnType<typeof fakeExcel>, extra: Partial<ConstructorParameters<typeof OfficeHost>[0]> = {}) =>
  new OfficeHost({ run: excel.run as never, runAfterEdit: excel.runAfterEdit as never, supports: () => true, ...extra });

describe("reading the workbook", () => {
  test("every sheet in two round trips, whatever the number of sheets and rows", async () => {
    const excel = fakeExcel(bigWorkbook(40, 400), { mergedAreas: true, payloadLimit: FIVE_MB });
    const snapshot = await host(excel).read();
    expect(excel.state.syncs).toBe(2);
    expect(snapshot.sheets).toHaveLength(40);
    expect(snapshot.sheets[39].values[402]).toEqual(["400", "Giá trị sản xuất ngành 400", "Tỷ đồng", 1399, 799, 879]);
    expect(checkWorkbook(snapshot).indicators).toHaveLength(16000);
  });

  test("merged areas are read where the API has them (ExcelApi 1.13), left out where it has not", async () => {
    const sheets: FakeSheet[] = [{ name: "Biểu 01", values: PART_YEAR_ROWS as unknown[][], merges: ["A1:F1"] }];
    const withMerges = await host(fakeExcel(sheets, { mergedAreas: true })).read();
    expect(withMerges.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    const old = fakeExcel(sheets, { mergedAreas: false });
    const without = await host(old, { supports: (v) => Number(v.split(".")[1]) <= 12 }).read();
    expect(without.sheets[0].merges).toEqual([]);
    expect(old.state.syncs).toBe(2);
  });

  test("when Excel on the web refuses the response (over 5 MB), reads again in row blocks under the limit", async () => {
    const excel = fakeExcel(bigWorkbook(12, 3000), { payloadLimit: FIVE_MB });
    const snapshot = await host(excel).read();
    expect(excel.state.syncs).toBeGreaterThan(3);
    // The refused response, then sizes, then blocks: every answered response is under the limit.
    const answered = excel.state.responseSizes.filter((_, i) => i !== 1);
    expect(Math.max(...answered)).toBeLessThanOrEqual(FIVE_MB);
    expect(snapshot.sheets.map((s) => s.values.length)).toEqual(Array(12).fill(3003));
    expect(snapshot.sheets[11].values[3002][5]).toBe(480 + 2999);
  });

  test("a sheet Excel gives no values for (past about five million cells) is read in blocks, merged areas kept", async () => {
    const sheets = bigWorkbook(2, 300).map((sheet) => ({ ...sheet, merges: ["A1:F1"] }));
    const reference = await host(fakeExcel(sheets, { mergedAreas: true })).read();
    // Any range over 500 cells comes back without values: whole sheets, then blocks, are halved.
    const excel = fakeExcel(sheets, { mergedAreas: true, nullValuesOver: 500 });
    const snapshot = await host(excel).read();
    expect(snapshot).toEqual(reference);
    expect(snapshot.sheets[1].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
  });

  test("a GeneralException on a large read is retried with halved blocks", async () => {
    const sheets = bigWorkbook(2, 1000);
    const reference = await host(fakeExcel(sheets)).read();
    const excel = fakeExcel(sheets, { generalErrorOver: 2000 });
    expect(await host(excel).read()).toEqual(reference);
    // And a sheet that no block size gets through is an explained error, not a loop.
    const hopeless = fakeExcel(sheets, { generalErrorOver: 3 });
    await expect(host(hopeless).read()).rejects.toBeInstanceOf(HostError);
  });

  test("a read started while the user edits a cell waits for the edit to end", async () => {
    const excel = fakeExcel([{ name: "Biểu 01", values: PART_YEAR_ROWS as unknown[][] }]);
    excel.state.cellEdit = true;
    const reading = host(excel).read();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(excel.state.syncs).toBe(0);
    excel.state.cellEdit = false;
    expect((await reading).sheets[0].name).toBe("Biểu 01");
  });

  test("errors come back explained in Vietnamese", async () => {
    const excel = fakeExcel([]);
    const refuse = async () => {
      throw Object.assign(new Error("The API you are trying to use could not be found."), { code: "ApiNotFound" });
    };
    const failing = new OfficeHost({ run: refuse, runAfterEdit: refuse, supports: () => true });
    await expect(failing.read()).rejects.toEqual(expect.objectContaining({ reason: "Phiên bản Excel này quá cũ cho chức năng này." }));
    void excel;
  });
});

describe("applying a plan", () => {
  test("a large plan is written in batches that each stay under the payload limit", async () => {
    const sheets = bigWorkbook(3, 3000);
    const excel = fakeExcel(sheets, { payloadLimit: FIVE_MB });
    const office = host(excel);
    const snapshot = await office.read();
    const analysis = checkWorkbook(snapshot);
    const plan: EditPlan = {
      sheets: (["bieu-chi-tieu", "bao-cao"] as const).map((id) => (fillTemplate(snapshot, analysis, id).plan as EditPlan).sheets[0]),
    };
    const before = excel.state.syncs;
    await office.apply(plan);
    const writes = excel.state.syncs - before;
    expect(writes).toBeGreaterThan(1);
    expect(Math.max(...excel.state.requestSizes.slice(before))).toBeLessThanOrEqual(PAYLOAD_BUDGET + 64 * 1024);
    // Every planned cell was written, formulas with "=", text never as a formula.
    const table = excel.state.written.get(plan.sheets[0].name)!;
    for (const cell of plan.sheets[0].cells) expect(table.get(cell.address)?.formula).toEqual(formulaCell(cell));
    expect(excel.state.order.slice(-2)).toEqual([plan.sheets[0].name, plan.sheets[1].name]);
    expect(excel.state.frozen.get(plan.sheets[0].name)).toBe(4);
    expect(excel.state.suspended).toBeGreaterThanOrEqual(writes);
  });

  test("a small plan is one round trip; the replaced sheet keeps its place", async () => {
    const excel = fakeExcel([
      { name: "Biểu 01", values: PART_YEAR_ROWS as unknown[][] },
      { name: "Ghi chú", values: [["x"]] },
    ]);
    const office = host(excel);
    const snapshot = await office.read();
    const plan = fillTemplate(snapshot, checkWorkbook(snapshot), "bieu-chi-tieu").plan as EditPlan;
    const before = excel.state.syncs;
    await office.apply(plan);
    expect(excel.state.syncs - before).toBe(1);
    // The generated sheet moved before "Ghi chú" by the user, then filled again: replaced in place.
    excel.state.order = ["Biểu 01", plan.sheets[0].name, "Ghi chú"];
    const again = await office.read();
    const replan = fillTemplate(again, checkWorkbook(again), "bieu-chi-tieu").plan as EditPlan;
    expect(replan.sheets[0].replaces).toBe(plan.sheets[0].name);
    await office.apply(replan);
    expect(excel.state.order).toEqual(["Biểu 01", plan.sheets[0].name, "Ghi chú"]);
  });

  test("a user template with a long name of wide characters gives a sheet name Excel accepts", async () => {
    const template = "Mẫu 📊📊📊📊📊📊📊📊📊📊📊📊";
    const excel = fakeExcel([
      { name: "Biểu 01", values: PART_YEAR_ROWS as unknown[][] },
      { name: template, values: [["BÁO CÁO {{period}} NĂM {{year}}"]] },
    ]);
    const office = host(excel);
    const snapshot = await office.read();
    const sheet = snapshot.sheets.find((s) => s.name === template) as (typeof snapshot.sheets)[number];
    const plan = fillTemplate(snapshot, checkWorkbook(snapshot), { sheet, from: "workbook" }).plan as EditPlan;
    await office.apply(plan);
    const created = excel.state.order[excel.state.order.length - 1];
    expect(created).toBe(plan.sheets[0].name);
    expect(created.length).toBeLessThanOrEqual(31);
  });

  test("the exported findings get filter buttons over their rows (ExcelApi 1.9)", async () => {
    const excel = fakeExcel([{ name: "Biểu 01", values: PART_YEAR_ROWS as unknown[][] }]);
    const office = host(excel);
    const snapshot = await office.read();
    const analysis = checkWorkbook(snapshot);
    const plan = findingsSheet(snapshot, analysis.findings, analysis.reportYear);
    await office.apply({ sheets: [plan] });
    expect(excel.state.filters.get(plan.name)).toBe(`A1:G${analysis.findings.length + 1}`);
  });

  test("undo puts back what a write replaced and removes the sheets added, once", async () => {
    const excel = fakeExcel([{ name: "Biểu 01", values: PART_YEAR_ROWS.map((r) => [...r]) as unknown[][] }]);
    const office = host(excel);
    const snapshot = await office.read();
    const plan = fillTemplate(snapshot, checkWorkbook(snapshot), "bieu-chi-tieu").plan as EditPlan;
    // A write over a figure the user typed (F4) and over an empty cell (H4), with the new sheet.
    plan.writes = [
      {
        sheet: "Biểu 01",
        cells: [
          { address: "F4", formula: "D4*2", value: 1 },
          { address: "H4", formula: "F4/D4*100", value: 2 },
        ],
      },
    ];
    await office.apply(plan);
    expect(excel.state.order).toContain(plan.sheets[0].name);
    expect(excel.state.written.get("Biểu 01")?.get("F4")?.formula).toBe("=D4*2");
    expect(await office.undo()).toBe(true);
    expect(excel.state.order).toEqual(["Biểu 01"]);
    const back = await office.read();
    expect(back.sheets[0].values[3]).toEqual(PART_YEAR_ROWS[3]);
    expect(await office.undo()).toBe(false);
    // A plan that fails half way leaves nothing to take back, not the record of the one before.
    await office.apply(plan);
    excel.state.failure = Object.assign(new Error("The request failed."), { code: "GeneralException" });
    await expect(office.apply(plan)).rejects.toBeInstanceOf(HostError);
    expect(await office.undo()).toBe(false);
  });

  test("text that Excel would run as a formula is written as text", () => {
    expect(formulaCell({ address: "A1", value: "=SUM(A1:A9)" })).toBe("'=SUM(A1:A9)");
    expect(formulaCell({ address: "A1", value: "+ Thu nội địa" })).toBe("'+ Thu nội địa");
    expect(formulaCell({ address: "A1", formula: "'Biểu 01'!F9" })).toBe("='Biểu 01'!F9");
    expect(formulaCell({ address: "A1", value: 12.5 })).toBe(12.5);
  });
});

describe("marks, selection and ignores", () => {
  test("marks are chitieu's own conditional formats and clearing removes only those", async () => {
    const excel = fakeExcel([{ name: "Biểu 01", values: PART_YEAR_ROWS as unknown[][] }]);
    // The user's own: a custom rule and a colour scale (whose custom rule cannot be loaded: #2180).
    excel.state.cfs.set("Biểu 01", [
      { type: "Custom", formula: "=$F4>100", deleted: false },
      { type: "ColorScale", formula: "", deleted: false },
    ]);
    const office = host(excel);
    const finding = { rule: "stated-percent", severity: "error" as const, sheet: "Biểu 01", cell: "F4", message: "", messageEn: "" };
    await office.mark([finding, { ...finding, cell: "F5", severity: "warning" as const }]);
    expect(excel.state.cfs.get("Biểu 01")!.filter((c) => c.formula.includes(MARK_SIGNATURE))).toHaveLength(2);
    const before = excel.state.syncs;
    await office.clearMarks();
    // The list, the types, the custom rules, the deletions: four round trips whatever the number of sheets.
    expect(excel.state.syncs - before).toBe(4);
    expect(
      excel.state.cfs
        .get("Biểu 01")!
        .filter((c) => !c.deleted)
        .map((c) => c.type + c.formula),
    ).toEqual(["Custom=$F4>100", "ColorScale"]);
  });

  test("a cell with several findings is marked once, in the colour of the most severe", async () => {
    const excel = fakeExcel([{ name: "Biểu 01", values: PART_YEAR_ROWS as unknown[][] }]);
    const note = { rule: "text-number", severity: "info" as const, sheet: "Biểu 01", cell: "F4", message: "", messageEn: "" };
    await host(excel).mark([note, { ...note, rule: "growth-outlier", severity: "warning" as const }, { ...note, cell: "F5" }]);
    const marks = excel.state.cfs.get("Biểu 01")!.filter((c) => c.formula.includes(MARK_SIGNATURE));
    expect(marks.map((c) => c.color)).toEqual([MARK_COLORS.warning, MARK_COLORS.info]);
  });

  test("the selected cells' text: a row a line, empty cells left out", async () => {
    const excel = fakeExcel([
      {
        name: "Lời văn",
        values: [
          ["Thu ngân sách 6 tháng ước đạt 961,1 tỷ đồng,", "", "bằng 41,6% kế hoạch."],
          ["", "", ""],
          ["Vốn đầu tư tăng 8,2% so với cùng kỳ.", "", ""],
        ],
      },
    ]);
    const office = host(excel);
    await office.select("Lời văn", "A1:C3");
    await expect(office.selectedText()).resolves.toBe(
      "Thu ngân sách 6 tháng ước đạt 961,1 tỷ đồng, bằng 41,6% kế hoạch.\nVốn đầu tư tăng 8,2% so với cùng kỳ.",
    );
    // A chart or a shape selected: Excel has no range to give, and says so.
    await expect(host(fakeExcel([{ name: "Lời văn", values: [] }])).selectedText()).rejects.toMatchObject({
      reason: "Vùng đang chọn không phải là các ô.",
    });
  });

  test("select activates the sheet and selects the cell in one round trip", async () => {
    const excel = fakeExcel([{ name: "Biểu 01", values: [["x"]] }]);
    await host(excel).select("Biểu 01", "G17");
    expect([excel.state.active, excel.state.selected, excel.state.syncs]).toEqual(["Biểu 01", "Biểu 01!G17", 1]);
  });

  test("ignores are kept in the document's settings and read back by the next session", async () => {
    const store = new Map<string, unknown>();
    const settings = {
      get: (k: string) => store.get(k),
      set: (k: string, v: unknown) => void store.set(k, JSON.parse(JSON.stringify(v))),
      saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
    } as unknown as Office.Settings;
    const excel = fakeExcel([]);
    const ignore = { rule: "growth-outlier", sheet: "Biểu 01", cell: "F7", reason: "Nhà máy mới đi vào hoạt động", date: "2026-11-21" };
    await host(excel, { settings }).saveIgnores([ignore]);
    expect(await host(fakeExcel([]), { settings }).loadIgnores()).toEqual([ignore]);
    store.set("chitieu.ignores", [{ rule: 1 }, ignore, "rác"]);
    expect(await host(excel, { settings }).loadIgnores()).toEqual([ignore]);
  });

  test("saving ignores that Office refuses is an explained error", async () => {
    const settings = {
      set: () => undefined,
      get: () => undefined,
      saveAsync: (cb: (r: unknown) => void) => cb({ status: "failed", error: { message: "read-only" } }),
    } as unknown as Office.Settings;
    await expect(host(fakeExcel([]), { settings }).saveIgnores([])).rejects.toBeInstanceOf(HostError);
  });
});

describe("re-checking on edit", () => {
  /**
   * Event handlers as Excel keeps them: each Excel.run makes a new context; a handler's removal
   * takes effect only at the sync of the context that added it, and is ignored silently otherwise.
   */
  function eventExcel(sheetCount: number) {
    // Each registration is its own, even of one function on several sheets.
    const live = new Set<{ h: (e: unknown) => Promise<void> }>();
    let syncs = 0;
    const makeContext = () => {
      const removals: Array<{ owner: unknown; entry: { h: (e: unknown) => Promise<void> } }> = [];
      const context: any = {};
      const handle = (h: (e: unknown) => Promise<void>) => {
        const entry = { h };
        live.add(entry);
        return { context, remove: () => removals.push({ owner: context, entry }) };
      };
      const sheets = Array.from({ length: sheetCount }, () => ({ onChanged: { add: handle } }));
      let loaded = false;
      Object.assign(context, {
        workbook: {
          worksheets: {
            onChanged: { add: handle },
            load: () => (loaded = true),
            get items() {
              if (!loaded) throw new Error("items read before load");
              return sheets;
            },
          },
        },
        sync: async () => {
          syncs++;
          for (const r of removals.splice(0)) if (r.owner === context) live.delete(r.entry);
        },
      });
      return context;
    };
    return {
      live,
      syncs: () => syncs,
      run: (async (batch: (c: any) => Promise<unknown>) => batch(makeContext())) as never,
      runIn: (async (context: any, batch: (c: any) => Promise<unknown>) => batch(context)) as never,
    };
  }

  test("debounced, and the add-in's own writes never trigger it", async () => {
    jest.useFakeTimers();
    try {
      const excel = eventExcel(3);
      const office = new OfficeHost({ supports: () => true, run: excel.run, runIn: excel.runIn });
      const callback = jest.fn();
      const stop = await office.onUserEdit(callback);
      // ExcelApi 1.9: one handler on the collection, for every sheet and those added later.
      expect(excel.live.size).toBe(1);
      const [{ h: handler }] = [...excel.live];
      await handler({ triggerSource: "Unknown" });
      await handler({ triggerSource: "Unknown" });
      jest.advanceTimersByTime(1000);
      expect(callback).not.toHaveBeenCalled();
      jest.advanceTimersByTime(600);
      expect(callback).toHaveBeenCalledTimes(1);
      await handler({ triggerSource: "ThisLocalAddin" });
      jest.advanceTimersByTime(2000);
      expect(callback).toHaveBeenCalledTimes(1);
      stop();
    } finally {
      jest.useRealTimers();
    }
  });

  test("handlers are removed in the context that added them: none piles up across starts and stops", async () => {
    for (const supported of [true, false]) {
      const excel = eventExcel(3);
      const office = new OfficeHost({ supports: () => supported, run: excel.run, runIn: excel.runIn });
      for (let i = 0; i < 4; i++) {
        const stop = await office.onUserEdit(() => undefined);
        expect(excel.live.size).toBe(supported ? 1 : 3);
        stop();
        await new Promise((resolve) => setImmediate(resolve));
        expect(excel.live.size).toBe(0);
      }
    }
  });
});
