// The sample workbooks in samples/: up to date with their generator, and read as the seeds say.
import * as fs from "node:fs";
import * as path from "node:path";
import { readWorkbook } from "../../src/hosts/xlsx/readWorkbook";
import { SAMPLES } from "../../src/samples/samples";
import { checkJson } from "../helpers/cli";

const samplesDir = path.join(__dirname, "..", "..", "samples");

describe("sample workbooks", () => {
  it.each(SAMPLES.map((s) => [s.file, s] as const))("%s is what `npm run samples` writes", async (file, sample) => {
    const committed = await readWorkbook(fs.readFileSync(path.join(samplesDir, file)));
    const regenerated = await readWorkbook(new Uint8Array(await sample.build().xlsx.writeBuffer()));
    expect(committed).toEqual(regenerated);
  });

  it("reads seed 001 (6 months 2020): industry 7.966 tỷ đồng = 44,2% of 18.029, +6% on 2019", () => {
    const { status, json } = checkJson(path.join(samplesDir, "tuyen-quang-6-thang-2020.xlsx"));
    expect(status).toBe(0);
    expect(json.reportYear).toBe(2020);
    const industry = json.indicators.find((i: any) => i.catalogueId === "industry-output");
    expect(industry).toMatchObject({
      sheet: "Biểu 01",
      row: 11,
      unit: "Tỷ đồng",
      kind: "absolute",
      plan: 18029,
      actual: 7966,
      previous: 7515.1,
      changePoints: null,
      evaluation: null,
    });
    expect(industry.planPercent).toBeCloseTo(44.18, 2);
    expect(industry.growthPercent).toBeCloseTo(6.0, 1);
    const tourists = json.indicators.find((i: any) => i.catalogueId === "tourists");
    expect(tourists.planPercent).toBeCloseTo(26.89, 2);
    expect(tourists.growthPercent).toBeCloseTo(-56, 1);
    expect(json.indicators.filter((i: any) => i.breakdown === "partial").map((i: any) => i.parentRow)).toEqual([15, 15]);
  });

  it("reads seed 000 (annual 2021): exports 28,845 tỷ USD +17,94%, poverty 2,17% down 0,65 points, next year's plan left aside", () => {
    const { json } = checkJson(path.join(samplesDir, "thai-nguyen-nam-2021.xlsx"));
    expect(json.reportYear).toBe(2021);
    const exports = json.indicators.find((i: any) => i.catalogueId === "exports");
    expect(exports.actual).toBeCloseTo(28.845, 9);
    expect(exports.growthPercent).toBeCloseTo(17.94, 2);
    const poverty = json.indicators.find((i: any) => i.catalogueId === "poverty-rate");
    expect(poverty.changePoints).toBeCloseTo(-0.65, 9);
    expect(poverty.evaluation).toBe("Vượt");
    const budget = json.indicators.find((i: any) => i.catalogueId === "state-budget-revenue");
    expect(budget.planPercent).toBeCloseTo(107.37, 2);
    // Every evaluation the sheet states is the one the figures give.
    for (const i of json.indicators) expect([i.name, i.evaluation]).toEqual([i.name, i.stated.evaluation]);
    expect(json.sheets.find((s: any) => s.name === "Ghi chú").status).toBe("skipped");
  });

  it("reads seed 002 (9 months 2021): budget 8.127,9 tỷ đồng = 139,9% of plan, +66%, split into its parts", () => {
    const { json } = checkJson(path.join(samplesDir, "lang-son-9-thang-2021.xlsx"));
    const budget = json.indicators.find((i: any) => i.catalogueId === "state-budget-revenue" && i.parentRow === null);
    expect(budget.planPercent).toBeCloseTo(139.9, 1);
    expect(budget.growthPercent).toBeCloseTo(66.0, 1);
    const parts = json.indicators.filter((i: any) => i.parentRow === budget.row);
    expect(parts.map((p: any) => p.breakdown)).toEqual(["exhaustive", "exhaustive"]);
    expect(parts.reduce((s: number, p: any) => s + p.actual, 0)).toBeCloseTo(budget.actual, 6);
    expect(json.sheets[0]).toMatchObject({ name: "Bìa", status: "skipped" });
  });

  it("reads seed 003 (9 months 2020) in English number style with % formatted ratios", () => {
    const { json } = checkJson(path.join(samplesDir, "bao-cao-9-thang-2020.xlsx"));
    const industry = json.indicators[0];
    expect(industry).toMatchObject({ unit: "tỷ đồng", plan: 1370.1, actual: 945.4, previous: 912.5, stated: { planPercent: 69 } });
    expect(industry.stated.previousComparison).toBeCloseTo(103.6, 9);
    expect(industry.growthPercent).toBeCloseTo(3.6, 1);
    expect(json.indicators[1]).toMatchObject({ plan: 173800, actual: 179014 });
    expect(json.sheets[0].numberStyle).toBe("en");
  });
});
