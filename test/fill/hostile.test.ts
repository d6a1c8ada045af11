import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import { fillTemplate, isGeneratedSheet, narrative, fillSource, parseTemplateSheet, type SheetPlan } from "../../src/core/fill";
import { parseAddress, type SheetSnapshot } from "../../src/core/model/snapshot";
import { hostileSheet } from "../helpers/hostile";

describe("filling on hostile sheets", () => {
  it("never throws; every planned address is valid, every number finite; the sheet is recognised as generated", () => {
    fc.assert(
      fc.property(fc.array(hostileSheet, { minLength: 1, maxLength: 3 }), (sheets) => {
        const named = sheets.map((s, i) => ({ ...s, name: `S${i}` }));
        const workbook = { sheets: named };
        const analysis = checkWorkbook(workbook);
        for (const id of ["bieu-chi-tieu", "bao-cao"]) {
          const sheet = (fillTemplate(workbook, analysis, id).plan as { sheets: SheetPlan[] }).sheets[0];
          expect(named.some((s) => s.name === sheet.name)).toBe(false);
          for (const c of sheet.cells) {
            expect(parseAddress(c.address)).not.toBeNull();
            if (typeof c.value === "number") expect(Number.isFinite(c.value)).toBe(true);
          }
          // The plan's own sheet, read back, is recognised as generated.
          const values: SheetSnapshot["values"] = [];
          for (const c of sheet.cells) {
            const at = parseAddress(c.address)!;
            (values[at.row] ??= [])[at.col] = c.value ?? null;
          }
          for (let r = 0; r < values.length; r++) values[r] ??= [];
          expect(isGeneratedSheet({ name: sheet.name, values, merges: [] })).toBe(true);
        }
        for (const item of narrative(fillSource(workbook, analysis))) expect(item.text).not.toMatch(/NaN|undefined|Infinity|null/);
      }),
      { numRuns: 300 },
    );
  });

  it("the template parser never throws on any text and points every problem at a cell", () => {
    const piece = fc.oneof(
      fc.constantFrom("{{", "}}", "|", "@", "each ", "{{@ | name}}", "{{each *}}", "{{year}}", "planPercent", "'Biểu 01'!"),
      fc.string({ maxLength: 12 }),
    );
    const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(text, fc.constant(null)), { maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const { cells, problems } = parseTemplateSheet({ name: "T", values: rows, merges: [] });
        for (const p of problems) expect(parseAddress(p.cell)).not.toBeNull();
        for (const c of cells) expect(typeof rows[c.row][c.col]).toBe("string");
      }),
      { numRuns: 500 },
    );
  });
});
