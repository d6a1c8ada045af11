// A fake Excel object model for the Office.js host: ranges that are read are office-addin-mock
// objects (reading before load and sync gives its error strings), collections are hand-written
// (the mock has none), every context.sync() is counted, and Excel on the web's payload limit is
// enforced on requests and responses so that chunking is tested, not assumed.
import { OfficeMockObject } from "office-addin-mock";
import { address as a1, parseAddress } from "../../src/core/model/snapshot";

export interface FakeSheet {
  name: string;
  visibility?: "Visible" | "Hidden";
  values: unknown[][];
  numberFormat?: string[][];
  merges?: string[];
}

export interface WrittenCell {
  formula: unknown;
  numberFormat?: string;
}

interface Cf {
  type: string;
  formula: string;
  deleted: boolean;
  /** The fill colour of the format. */
  color?: string;
}

export interface FakeExcelOptions {
  /** Bytes one request or response may hold (Excel on the web: 5 MB). */
  payloadLimit?: number;
  mergedAreas?: boolean;
  /** Ranges of more cells than this come back with null values (Excel past about five million cells). */
  nullValuesOver?: number;
  /** A sync reading more cells than this fails with a GeneralException (large reads on Excel on the web). */
  generalErrorOver?: number;
}

export function fakeExcel(sheets: FakeSheet[], options: FakeExcelOptions = {}) {
  const limit = options.payloadLimit ?? Infinity;
  const state = {
    syncs: 0,
    requestBytes: 0,
    pending: [] as Array<{ mock: any; cells: number; bytesPerCell: number }>,
    responseSizes: [] as number[],
    requestSizes: [] as number[],
    written: new Map<string, Map<string, WrittenCell>>(),
    cfs: new Map<string, Cf[]>(),
    selected: null as string | null,
    active: null as string | null,
    frozen: new Map<string, number>(),
    /** Filter ranges by sheet. */
    filters: new Map<string, string>(),
    merged: [] as string[],
    order: sheets.map((s) => s.name),
    suspended: 0,
    /** An error Excel would raise at the next sync, for what was queued. */
    failure: null as Error | null,
    /** The user is typing in a cell. */
    cellEdit: false,
  };
  const byName = new Map(sheets.map((s) => [s.name, s]));
  let collectionLoaded = false;

  const request = (bytes: number) => (state.requestBytes += bytes);

  function usedArea(sheet: FakeSheet): { top: number; left: number; bottom: number; right: number } | null {
    let bottom = -1;
    let right = -1;
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") {
          bottom = Math.max(bottom, r);
          right = Math.max(right, c);
        }
      }),
    );
    return bottom < 0 ? null : { top: 0, left: 0, bottom, right };
  }

  function readRange(sheet: FakeSheet, top: number, left: number, rows: number, cols: number) {
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sheet.values[top + r]?.[left + c] ?? ""));
    const numberFormat = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => sheet.numberFormat?.[top + r]?.[left + c] ?? "General"),
    );
    const address = `'${sheet.name}'!${a1(top, left)}:${a1(top + rows - 1, left + cols - 1)}`;
    const mock: any = new OfficeMockObject({ address, values, numberFormat, rowCount: rows, columnCount: cols } as any);
    if (rows * cols > (options.nullValuesOver ?? Infinity))
      for (const key of ["values", "numberFormat"]) Object.defineProperty(mock, key, { get: () => null, set: () => undefined });
    mock.isNullObject = false;
    const realLoad = mock.load.bind(mock);
    mock.load = (spec: string) => {
      realLoad(spec);
      request(40);
      const heavy = /values|numberFormat/.test(spec);
      state.pending.push({ mock, cells: heavy ? rows * cols : 1, bytesPerCell: heavy ? 48 : 16 });
      return mock;
    };
    return mock;
  }

  function writeRange(sheet: string, address?: string): any {
    const cells = () => state.written.get(sheet) ?? state.written.set(sheet, new Map()).get(sheet)!;
    const area = () => {
      const [from, to = from] = (address ?? "A1").split(":");
      return { from: parseAddress(from), to: parseAddress(to) };
    };
    const each = (grid: unknown[][], set: (cell: WrittenCell, v: unknown) => void) => {
      const { from } = area();
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          const at = a1(from!.row + r, from!.col + c);
          const cell = cells().get(at) ?? { formula: null };
          set(cell, v);
          cells().set(at, cell);
        }),
      );
      request(JSON.stringify(grid).length + 40);
    };
    const format: any = {
      font: new Proxy({}, { set: (_t, _k, _v) => (request(30), true) }),
      fill: new Proxy({}, { set: () => (request(30), true) }),
      borders: { getItem: () => new Proxy({}, { set: () => (request(30), true) }) },
    };
    /** The cells of the range as they stand: a formula or value written, else the sheet's own. */
    const grid = <T>(pick: (r: number, c: number) => T): T[][] => {
      const { from, to } = area();
      return Array.from({ length: to!.row - from!.row + 1 }, (_, r) =>
        Array.from({ length: to!.col - from!.col + 1 }, (_, c) => pick(from!.row + r, from!.col + c)),
      );
    };
    return new Proxy(
      {
        load: (_spec: string) => {
          request(40);
          const { from, to } = area();
          state.pending.push({ mock: null, cells: (to!.row - from!.row + 1) * (to!.col - from!.col + 1), bytesPerCell: 48 });
        },
        get formulas() {
          return grid((r, c) => cells().get(a1(r, c))?.formula ?? byName.get(sheet)?.values[r]?.[c] ?? "");
        },
        get text() {
          return grid((r, c) => {
            const v = byName.get(sheet)?.values[r]?.[c];
            return v === null || v === undefined ? "" : String(v);
          });
        },
        get numberFormat() {
          return grid((r, c) => cells().get(a1(r, c))?.numberFormat ?? byName.get(sheet)?.numberFormat?.[r]?.[c] ?? "General");
        },
        format: new Proxy(format, { set: () => (request(30), true) }),
        merge: () => {
          request(40);
          state.merged.push(`${sheet}!${address}`);
        },
        select: () => {
          request(20);
          state.selected = `${sheet}!${address}`;
        },
        insert: () => request(40),
        copyFrom: () => request(40),
        conditionalFormats: {
          add: (type: string) => {
            request(60);
            const cf: Cf = { type, formula: "", deleted: false };
            (state.cfs.get(sheet) ?? state.cfs.set(sheet, []).get(sheet)!).push(cf);
            return {
              custom: {
                rule: {
                  set formula(f: string) {
                    cf.formula = f;
                  },
                },
                format: {
                  fill: {
                    set color(c: string) {
                      cf.color = c;
                    },
                  },
                },
              },
            };
          },
          load: (spec: string) => {
            request(40);
            const list = (state.cfs.get(sheet) ?? []).filter((c) => !c.deleted);
            // office-js #2180: loading the custom rule of every item fails when an item is another
            // type (the user's colour scale, data bar): Excel throws at the sync.
            if (/custom/.test(spec) && list.some((c) => c.type !== "Custom"))
              state.failure = Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
            state.pending.push({ mock: null, cells: list.length, bytesPerCell: 80 });
          },
          get items() {
            return (state.cfs.get(sheet) ?? [])
              .filter((c) => !c.deleted)
              .map((cf) => {
                // The rule is readable once loaded for this item (or with the whole list).
                const rule = { formula: cf.formula, load: (_: string) => request(30) };
                return {
                  type: cf.type,
                  custom: { rule },
                  delete: () => {
                    request(30);
                    cf.deleted = true;
                  },
                };
              });
          },
        },
      },
      {
        set(target: any, key: string, value: unknown) {
          if (key === "formulas") {
            const { from } = area();
            const data = byName.get(sheet) as FakeSheet;
            (value as unknown[][]).forEach((row, r) =>
              row.forEach((v, c) => {
                // What a later read sees: text without its apostrophe (formulas stay as written).
                if (v !== null)
                  (data.values[from!.row + r] ??= [])[from!.col + c] = typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
              }),
            );
            each(value as unknown[][], (cell, v) => (cell.formula = v));
          } else if (key === "numberFormat") each(value as unknown[][], (cell, v) => (cell.numberFormat = v as string));
          else target[key] = value;
          return true;
        },
      },
    );
  }

  /** Excel refuses a name it cannot hold: too long (UTF-16 units), forbidden characters, taken, or "History". */
  function refuseSheetName(name: string, own: string | null): void {
    const taken = state.order.some((other) => other !== own && other.toLowerCase() === name.toLowerCase());
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]|^'|'$/.test(name) || name.toLowerCase() === "history" || taken)
      throw Object.assign(new Error("The argument is invalid or missing or has an incorrect format."), { code: "InvalidArgument" });
  }

  function worksheet(name: string): any {
    const sheet = () => byName.get(name) as FakeSheet;
    const ws: any = {
      get name() {
        if (!collectionLoaded) return "Error, property was not loaded";
        return name;
      },
      set name(value: string) {
        request(30);
        refuseSheetName(value, name);
        const i = state.order.indexOf(name);
        state.order[i] = value;
        byName.set(value, byName.get(name) as FakeSheet);
        name = value;
      },
      get visibility() {
        return collectionLoaded ? (sheet().visibility ?? "Visible") : "Error, property was not loaded";
      },
      set position(p: number) {
        request(20);
        state.order.splice(state.order.indexOf(name), 1);
        state.order.splice(p, 0, name);
      },
      getUsedRangeOrNullObject: () => {
        const area = usedArea(sheet());
        if (!area) {
          const empty: any = { isNullObject: true, load: () => request(30) };
          empty.getMergedAreasOrNullObject = () => ({ isNullObject: true, load: () => request(30) });
          return empty;
        }
        const range = readRange(sheet(), area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1);
        range.getMergedAreasOrNullObject = () => {
          if (options.mergedAreas === false)
            throw Object.assign(new Error("getMergedAreasOrNullObject is not available"), { code: "ApiNotFound" });
          const merges = sheet().merges ?? [];
          return {
            isNullObject: merges.length === 0,
            load: () => {
              request(40);
              state.pending.push({ mock: null, cells: merges.length, bytesPerCell: 30 });
            },
            areas: { items: merges.map((m) => ({ address: `'${name}'!${m}` })) },
          };
        };
        return range;
      },
      getRangeByIndexes: (top: number, left: number, rows: number, cols: number) => readRange(sheet(), top, left, rows, cols),
      getRange: (address?: string) => Object.assign(writeRange(name, address), { requestedAddress: address }),
      activate: () => {
        request(20);
        state.active = name;
      },
      delete: () => {
        request(20);
        state.order.splice(state.order.indexOf(name), 1);
        state.written.delete(name);
      },
      copy: () => {
        request(30);
        const copyName = `${name} (2)`;
        byName.set(copyName, { ...sheet(), name: copyName });
        state.order.push(copyName);
        return worksheet(copyName);
      },
      freezePanes: { freezeRows: (n: number) => (request(20), state.frozen.set(name, n)) },
      pageLayout: { setPrintTitleRows: () => request(30) },
      autoFilter: { apply: (range: { requestedAddress?: string }) => (request(20), state.filters.set(name, range.requestedAddress ?? "")) },
      onChanged: { add: (handler: unknown) => ({ handler, remove: () => undefined }) },
    };
    return ws;
  }

  const context: any = {
    workbook: {
      getSelectedRange: () => {
        if (!state.selected) throw Object.assign(new Error("no selection"), { code: "InvalidSelection" });
        const at = state.selected.lastIndexOf("!");
        return writeRange(state.selected.slice(0, at), state.selected.slice(at + 1));
      },
      worksheets: {
        load: () => {
          request(40);
          collectionLoaded = false;
          state.pending.push({ mock: "collection", cells: state.order.length, bytesPerCell: 40 });
        },
        get items() {
          if (!collectionLoaded) throw new Error("worksheets.items read before load and sync");
          return state.order.map(worksheet);
        },
        getItem: (name: string) => {
          if (!byName.has(name) || !state.order.includes(name))
            throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
          return worksheet(name);
        },
        add: (name: string) => {
          request(30);
          refuseSheetName(name, null);
          byName.set(name, { name, values: [] });
          state.order.push(name);
          return worksheet(name);
        },
      },
    },
    application: {
      suspendApiCalculationUntilNextSync: () => (request(10), state.suspended++),
      suspendScreenUpdatingUntilNextSync: () => request(10),
    },
    sync: async () => {
      state.syncs++;
      const failure = state.failure;
      state.failure = null;
      if (failure) {
        state.pending = [];
        state.requestBytes = 0;
        throw failure;
      }
      const pending = state.pending;
      state.pending = [];
      const requestBytes = state.requestBytes;
      state.requestBytes = 0;
      const responseBytes = pending.reduce((n, p) => n + p.cells * p.bytesPerCell, 0);
      state.requestSizes.push(requestBytes);
      state.responseSizes.push(responseBytes);
      if (requestBytes > limit)
        throw Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" });
      if (responseBytes > limit)
        throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
      if (pending.reduce((n, p) => n + (p.bytesPerCell === 48 ? p.cells : 0), 0) > (options.generalErrorOver ?? Infinity))
        throw Object.assign(new Error("An internal error has occurred."), { code: "GeneralException" });
      for (const p of pending) {
        if (p.mock === "collection") collectionLoaded = true;
        else if (p.mock) await p.mock.sync();
      }
    },
  };
  const run = async <T>(batch: (c: any) => Promise<T>): Promise<T> => {
    // While the user edits a cell, Excel refuses a batch that has not asked to wait.
    if (state.cellEdit)
      throw Object.assign(new Error("The operation isn't available in cell-edit mode."), { code: "InvalidOperationInCellEditMode" });
    const result = await batch(context);
    // Excel.run syncs what is still queued.
    if (state.requestBytes > 0 || state.pending.length > 0) await context.sync();
    return result;
  };
  /** Excel.run({ delayForCellEdit: true }, …): the batch waits until the edit ends. */
  const runAfterEdit = async <T>(batch: (c: any) => Promise<T>): Promise<T> => {
    while (state.cellEdit) await new Promise((resolve) => setTimeout(resolve, 5));
    return run(batch);
  };
  return { run, runAfterEdit, context, state };
}
