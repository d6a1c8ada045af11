// Rules on how rows relate: components under "Chia ra" / "Bao gồm" add up to their total and
// under "Trong đó" do not exceed it; the shares of a structure add up to 100; a cumulative flow
// does not fall between two periods of the same year.

import type { Finding } from "../model/findings";
import { fold } from "../model/text";
import { parseUnit, sameBase } from "../model/units";
import { decimalsShown, report, sheetRule, type SheetContext } from "./context";
import { familiesOf } from "./families";
import { figureLabel, yearLabel } from "./labels";
import { numberList, type Phrase } from "./message";
import { defineRule, option } from "./record";
import type { Indicator } from "../model/indicator";

type Field = "plan" | "actual" | "previous";
const FIELDS: readonly Field[] = ["actual", "plan", "previous"];

/** A place where a total and its components each hold a figure: plan, actual, previous, or a year of a series. */
interface Slot {
  label: Phrase;
  at(ind: Indicator): { value: number; cell: string } | null;
}

/** Plan, actual and previous: the slots every row has. */
const FIELD_SLOTS: readonly Slot[] = FIELDS.map((field) => ({
  label: figureLabel(field),
  at: (i: Indicator) => {
    const value = figure(i, field);
    const cell = cellOf(i, field);
    return value === null || !cell ? null : { value, cell };
  },
}));

function slotsOf(parent: Indicator): readonly Slot[] {
  if (parent.series === null) return FIELD_SLOTS;
  const slots = [...FIELD_SLOTS];
  for (const p of parent.series) {
    if (p.cell === parent.cells.actual || p.cell === parent.cells.previous) continue;
    slots.push({
      label: yearLabel(p.year),
      at: (i) => {
        const q = i.series?.find((s) => s.year === p.year && s.header === p.header);
        return q && q.value !== null ? { value: q.value, cell: q.cell } : null;
      },
    });
  }
  return slots;
}

function figure(ind: Indicator, field: Field): number | null {
  if (field === "plan") return ind.planTarget?.qualifier === "point" ? ind.plan : null;
  return ind[field];
}

function cellOf(ind: Indicator, field: Field): string | null {
  return ind.cells[field];
}

/** Half a unit of the last decimal shown, summed over the figures added. */
function sumTolerance(sheet: SheetContext, cells: Array<string | null>): number {
  const decimals = Math.max(0, ...cells.map((c) => decimalsShown(sheet.sheet, c)));
  return cells.length * 0.5 * 10 ** -decimals + 1e-9;
}

export const COMPONENT_TOTAL = defineRule({
  id: "component-total",
  severity: "error",
  severities: ["error", "warning"],
  scope: "both",
  name: "Thành phần không khớp tổng",
  nameEn: "Components that do not match their total",
  description:
    "Dưới “Chia ra”, “Bao gồm”, các thành phần cộng lại phải bằng tổng (sai khác quá 1% là lỗi, nhỏ hơn là cảnh báo); dưới “Trong đó”, không thành phần nào và tổng các thành phần không được lớn hơn tổng.",
  descriptionEn:
    "Under “Chia ra” or “Bao gồm” (broken down into), the parts must add up to the total (off by more than 1% is an error, less is a warning); under “Trong đó” (of which), no part and no sum of parts may exceed the total.",
  options: {
    componentErrorShare: option.number(
      0.01,
      "Thành phần lệch tổng quá tỷ lệ này của tổng là lỗi, ít hơn là cảnh báo (0,01 = 1%).",
      "Components off their total by more than this share of the total are an error, less a warning (0.01 = 1%).",
      { minimum: 0 },
    ),
  },
  messages: {
    sumDiffers: {
      vi: "{name} ({field}): tổng ghi {total:n} nhưng các thành phần cộng lại {sum:n}, lệch {diff:n} {unit}.",
      en: "{name} ({field}): the total is {total:n} but its components add up to {sum:n} (off by {diff:n} {unit}).",
    },
    partAboveTotal: {
      vi: "{part} ({field}) {value:n} lớn hơn tổng {name} {total:n}, dù chỉ là một phần (“Trong đó”).",
      en: "{part} ({field}) {value:n} exceeds its total {name} {total:n}, although it is only a part (“Trong đó”, of which).",
    },
    partsAboveTotal: {
      vi: "{name} ({field}): các khoản “Trong đó” cộng lại {sum:n}, lớn hơn tổng {total:n}; hãy kiểm tra hoặc giải trình (ví dụ hoàn thuế).",
      en: '{name} ({field}): the "of which" items add up to {sum:n}, more than the total {total:n}; check or explain (tax refunds, for example).',
    },
    textPartAboveTotal: {
      vi: "{part} {value:n} {unit} lớn hơn tổng {name} {total:n} {unit}, dù chỉ là một phần của tổng.",
      en: "{part} {value:n} {unit} exceeds its total {name} {total:n} {unit}, although it is only a part of it.",
    },
    textPartsAboveTotal: {
      vi: "{name}: các thành phần {parts:n} cộng lại {sum:n}, lớn hơn tổng {total:n}; hãy kiểm tra (các khoản có thể chồng nhau).",
      en: "{name}: the parts {parts:n} add up to {sum:n}, more than the total {total:n}; please check (the items may overlap).",
    },
  },
});

export const componentTotal = sheetRule(COMPONENT_TOTAL, (ctx) => {
  const out: Finding[] = [];
  for (const sheet of ctx.sheets) {
    for (const { parent, children } of familiesOf(sheet)) {
      const parts = children.filter((c) => c.breakdown !== null);
      if (parts.length === 0 || parent.kind !== "absolute") continue;
      const parentUnit = parseUnit(parent.unit);
      // Parts in another base unit (a % structure under a total) are not summed.
      if (!parts.every((c) => c.kind === "absolute" && (c.unit === "" || sameBase(parseUnit(c.unit), parentUnit)))) continue;
      const factor = (c: Indicator) => (c.unit === "" || parentUnit.scale === 0 ? 1 : parseUnit(c.unit).scale / parentUnit.scale);
      const exhaustive = parts.some((c) => c.breakdown === "exhaustive");
      // Components found by their sums, with no marker: a gap may mean they are not components after all.
      const inferred = parts.every((c) => c.breakdownInferred);
      for (const slot of slotsOf(parent)) {
        const field = slot.label;
        const own = slot.at(parent);
        if (own === null) continue;
        const total = own.value;
        const totalCell = own.cell;
        const values = parts.map((c) => {
          const at = slot.at(c);
          const v = at === null ? null : at.value * factor(c);
          return { c, v: v !== null && Number.isFinite(v) ? v : null, cell: at?.cell ?? null };
        });
        const present = values.filter((x): x is { c: Indicator; v: number; cell: string } => x.v !== null);
        const sum = present.reduce((a, x) => a + x.v, 0);
        // Figures near the largest double add up to Infinity: no sum to compare then.
        if (!Number.isFinite(sum) || !Number.isFinite(total - sum)) continue;
        // The rounding tolerance costs a look at every cell: only worked out when the figures differ.
        const tol = () => sumTolerance(sheet, [totalCell, ...present.map((x) => x.cell)]);
        if (exhaustive) {
          if (present.length !== values.length) continue;
          const diff = total - sum;
          if (Math.abs(diff) <= 1e-9 * Math.max(1, Math.abs(total)) || Math.abs(diff) <= tol()) continue;
          const errorShare = ctx.option(parent, COMPONENT_TOTAL, "componentErrorShare");
          const severity = !inferred && Math.abs(diff) > errorShare * Math.abs(total) ? "error" : "warning";
          out.push(
            report(
              COMPONENT_TOTAL,
              "sumDiffers",
              { name: parent.name, field, total, sum, diff, unit: parent.unit },
              { sheet: sheet.sheet.name, cell: totalCell, severity, expected: sum, actual: total, imbalance: diff },
            ),
          );
        } else {
          if (sum <= total && present.every(({ v }) => v <= total)) continue;
          const tolerance = tol();
          for (const { c, v, cell } of present) {
            if (v > total + tolerance) {
              out.push(
                report(
                  COMPONENT_TOTAL,
                  "partAboveTotal",
                  { part: c.name, field, value: v, name: parent.name, total },
                  { sheet: sheet.sheet.name, cell, expected: total, actual: v, imbalance: v - total },
                ),
              );
            }
          }
          if (present.length > 1 && sum > total + tolerance && present.every(({ v }) => v <= total + tolerance)) {
            out.push(
              report(
                COMPONENT_TOTAL,
                "partsAboveTotal",
                { name: parent.name, field, sum, total },
                { sheet: sheet.sheet.name, cell: totalCell, severity: "warning", expected: total, actual: sum, imbalance: sum - total },
              ),
            );
          }
        }
      }
    }
  }
  return out;
});

export const SHARE_TOTAL = defineRule({
  id: "share-total",
  severity: "error",
  severities: ["error", "warning"],
  scope: "both",
  name: "Cơ cấu không cộng đủ 100%",
  nameEn: "Shares that do not add up to 100",
  description:
    "Các thành phần của một cơ cấu (“Cơ cấu kinh tế”: nông nghiệp, công nghiệp, dịch vụ…) phải cộng lại 100% trong mức làm tròn; lệch quá 1 điểm là lỗi, ít hơn là cảnh báo.",
  descriptionEn:
    "The parts of a structure (“Cơ cấu kinh tế”: agriculture, industry, services…) must add up to 100% within rounding; off by more than 1 point is an error, less is a warning.",
  options: {
    shareErrorPoints: option.number(
      1,
      "Tổng các tỷ trọng lệch 100 quá số điểm này là lỗi, ít hơn là cảnh báo.",
      "Shares off 100 by more than this many points are an error, less a warning.",
      { minimum: 0 },
    ),
  },
  messages: {
    notHundred: {
      vi: "{name} ({field}): các tỷ trọng {shares:n} = {sum:n}%, không phải 100% (lệch {diff:n} điểm).",
      en: "{name} ({field}): the shares {shares:n} add up to {sum:n}%, not 100% (off by {diff:n} points).",
    },
    textSharesAbove: {
      vi: "Các tỷ trọng trong câu {shares:n}% cộng lại {sum:n}%, quá 100%; hãy kiểm tra.",
      en: "The shares of the sentence {shares:n}% add up to {sum:n}%, more than 100%; please check.",
    },
  },
});

export const shareTotal = sheetRule(SHARE_TOTAL, (ctx) => {
  const out: Finding[] = [];
  for (const sheet of ctx.sheets) {
    for (const { parent, children } of familiesOf(sheet)) {
      if (!/^(co cau|ty trong)\b/.test(fold(parent.name)) && parent.measure !== "share") continue;
      const shares = children.filter((c) => c.kind === "rate" && parseUnit(c.unit || parent.unit).percent);
      if (shares.length < 2) continue;
      for (const field of FIELDS) {
        const values = shares.map((c) => figure(c, field));
        if (values.some((v) => v === null)) continue;
        const cells = shares.map((c) => cellOf(c, field));
        const sum = (values as number[]).reduce((a, b) => a + b, 0);
        const diff = sum - 100;
        if (Math.abs(diff) <= sumTolerance(sheet, cells)) continue;
        const cell = cellOf(parent, field) ?? (cells[0] as string);
        const severity = Math.abs(diff) > ctx.option(parent, SHARE_TOTAL, "shareErrorPoints") ? "error" : "warning";
        out.push(
          report(
            SHARE_TOTAL,
            "notHundred",
            { name: parent.name, field: figureLabel(field), shares: numberList(values as number[], " + "), sum, diff },
            { sheet: sheet.sheet.name, cell, severity, expected: 100, actual: sum, imbalance: diff },
          ),
        );
      }
    }
  }
  return out;
});

function key(ind: Indicator): string {
  return `${ind.catalogueId ?? fold(ind.name)}|${fold(ind.unit)}`;
}

export const CUMULATIVE_DECREASE = defineRule({
  id: "cumulative-decrease",
  severity: "error",
  scope: "sheet",
  name: "Số cộng dồn giảm giữa hai kỳ",
  nameEn: "Cumulative figure falling between periods",
  description:
    "Khi bảng tính có nhiều kỳ của cùng một năm (6 tháng, 9 tháng…), chỉ tiêu cộng dồn (thu ngân sách, giá trị sản xuất, lượt khách…) của kỳ sau không thể nhỏ hơn kỳ trước.",
  descriptionEn:
    "When the workbook holds several periods of one year (6 months, 9 months…), a cumulative indicator (budget revenue, output, visitors…) cannot be lower in the later period.",
  options: {},
  messages: {
    decrease: {
      vi: '{name}: {later} là {actual:n} {unit}, nhỏ hơn {earlier} ({prior:n}, trang "{sheet}") — số cộng dồn không thể giảm.',
      en: '{name}: {actual:n} {unit} in "{later}" is below {prior:n} in "{earlier}" (sheet "{sheet}"): a cumulative figure cannot fall.',
    },
  },
});

export const cumulativeDecrease = sheetRule(CUMULATIVE_DECREASE, (ctx) => {
  const out: Finding[] = [];
  const periodic = ctx.sheets.filter((s) => s.period !== null && (s.reportYear ?? ctx.reportYear) !== null);
  for (const later of periodic) {
    for (const earlier of periodic) {
      const sameYear = (later.reportYear ?? ctx.reportYear) === (earlier.reportYear ?? ctx.reportYear);
      if (!sameYear || (earlier.period?.months ?? 0) >= (later.period?.months ?? 0)) continue;
      const before = new Map(earlier.indicators.filter((i) => i.measure === "flow" && i.actual !== null).map((i) => [key(i), i] as const));
      for (const ind of later.indicators) {
        const prior = before.get(key(ind));
        if (!prior || ind.measure !== "flow" || ind.actual === null || !ind.cells.actual) continue;
        const tol = sumTolerance(later, [ind.cells.actual]);
        if ((ind.actual as number) + tol < (prior.actual as number)) {
          out.push(
            report(
              CUMULATIVE_DECREASE,
              "decrease",
              {
                name: ind.name,
                later: String(later.period?.label),
                actual: ind.actual,
                unit: ind.unit,
                earlier: String(earlier.period?.label),
                prior: prior.actual as number,
                sheet: earlier.sheet.name,
              },
              {
                sheet: later.sheet.name,
                cell: ind.cells.actual,
                expected: prior.actual,
                actual: ind.actual,
                imbalance: (ind.actual as number) - (prior.actual as number),
              },
            ),
          );
        }
      }
    }
  }
  return out;
});
