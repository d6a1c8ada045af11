// Rules across reports: a workbook against the ones before it. The same year, an earlier period:
// a cumulative flow cannot fall, and the year's plan stays unless the workbook says it was
// adjusted. The previous year, the same period: the "cùng kỳ" stated now is what was published as
// the actual then, unless a note says it was revised. The previous year's whole-year figure (its
// report, or its estimate in a part-year report) is this year's baseline. A whole-year estimate moves
// within a band from one report to the next. A merged unit's "cùng kỳ" is the sum of the former
// units' figures. Consolidating the units' reports into the province's table (fill/consolidate)
// notes the units missing from a total, the rates it cannot sum, and a table figure that is not the
// total. Each finding names its cells, in their files. All are warnings: an earlier report may
// itself have been corrected since.

import { defineRule, option } from "./record";

export const PERIOD_DECREASE = defineRule({
  id: "period-decrease",
  severity: "warning",
  scope: "periods",
  name: "Số cộng dồn thấp hơn báo cáo kỳ trước",
  nameEn: "Cumulative figure below the earlier report's",
  description:
    "So với báo cáo kỳ trước của cùng năm (6 tháng so với 9 tháng, quý, tháng), chỉ tiêu cộng dồn (thu ngân sách, giá trị sản xuất, lượt khách…) của kỳ sau không thể nhỏ hơn, trừ khi số kỳ trước đã được điều chỉnh.",
  descriptionEn:
    "Against the earlier report of the same year (6 months against 9 months, a quarter, a month), a cumulative indicator (budget revenue, output, visitors…) cannot be lower in the later period, unless the earlier figure was since revised.",
  options: {},
  messages: {
    decrease: {
      vi: '{name}: {later} là {actual:n} {unit} ({file}, ô {cell}), nhỏ hơn {earlier} ({prior:n}, tệp "{earlierFile}", ô {earlierCell}) — số cộng dồn không thể giảm.',
      en: '{name}: {actual:n} {unit} for the period "{later}" ({file}, {cell}) is below {prior:n} for the earlier period "{earlier}" (file "{earlierFile}", {earlierCell}): a cumulative figure cannot fall.',
    },
  },
});

export const PLAN_CHANGED = defineRule({
  id: "plan-changed",
  severity: "warning",
  scope: "periods",
  name: "Kế hoạch năm khác báo cáo kỳ trước",
  nameEn: "Year plan differs from the earlier report's",
  description:
    "Kế hoạch năm của cùng một chỉ tiêu giữ nguyên qua các kỳ báo cáo trong năm, trừ khi bảng tính ghi kế hoạch đã điều chỉnh (cột hoặc ghi chú “điều chỉnh”).",
  descriptionEn:
    "An indicator's year plan stays the same across the year's reports, unless the workbook says the plan was adjusted (a column or a note saying “điều chỉnh”).",
  options: {},
  messages: {
    changed: {
      vi: '{name}: kế hoạch năm ghi {plan:n} ({file}, ô {cell}), báo cáo {earlier} ghi {prior:n} (tệp "{earlierFile}", ô {earlierCell}); nếu kế hoạch đã điều chỉnh, hãy ghi rõ “điều chỉnh”.',
      en: '{name}: the year plan is {plan:n} ({file}, {cell}), the earlier report ("{earlier}") had {prior:n} (file "{earlierFile}", {earlierCell}); if the plan was adjusted, say “điều chỉnh”.',
    },
  },
});

export const SAME_PERIOD_REVISION = defineRule({
  id: "same-period-revision",
  severity: "warning",
  scope: "periods",
  name: "Số cùng kỳ khác số đã công bố năm trước",
  nameEn: "Same-period figure differs from last year's report",
  description:
    "Số “cùng kỳ” của báo cáo năm nay phải bằng số thực hiện đã công bố trong báo cáo cùng kỳ năm trước (trong phạm vi làm tròn); khác đi là số đã được điều chỉnh, cần ghi chú rõ.",
  descriptionEn:
    "The same-period figure of this year's report must equal the actual published in last year's report of the same period (within rounding); a difference is a revision, which a note should say.",
  options: {},
  messages: {
    revised: {
      vi: '{name}: số cùng kỳ ghi {previous:n} ({file}, ô {cell}), báo cáo {earlier} năm {year} đã công bố {published:n} (tệp "{earlierFile}", ô {earlierCell}); nếu số đã được điều chỉnh, hãy ghi chú.',
      en: '{name}: the same-period figure is {previous:n} ({file}, {cell}), last year\'s report for the period "{earlier}" ({year}) published {published:n} (file "{earlierFile}", {earlierCell}); if it was revised, add a note.',
    },
  },
});

export const ESTIMATE_MOVED = defineRule({
  id: "estimate-moved",
  severity: "warning",
  scope: "periods",
  name: "Ước cả năm thay đổi nhiều so với báo cáo kỳ trước",
  nameEn: "Whole-year estimate moved much since the earlier report",
  description:
    "Ước thực hiện cả năm của một chỉ tiêu trong báo cáo kỳ sau (hoặc số thực hiện cả năm) không nên lệch quá ngưỡng so với ước cả năm đã nêu trong báo cáo kỳ trước của cùng năm mà không có giải thích.",
  descriptionEn:
    "An indicator's whole-year estimate in a later report of the year (or the whole year's actual) should not move beyond a band from the estimate an earlier report of the same year gave, without a word of why.",
  options: {
    estimateBand: option.number(
      10,
      "Mức thay đổi tối đa của ước cả năm giữa hai kỳ báo cáo (%), không kể dấu.",
      "The largest change of a whole-year estimate between two reports, in percent either way.",
      { minimum: 0 },
    ),
  },
  messages: {
    moved: {
      vi: '{name}: ước cả năm ghi {estimate:n} ({file}, ô {cell}), báo cáo {earlier} ước {prior:n} (tệp "{earlierFile}", ô {earlierCell}): thay đổi {change:n}%, quá ngưỡng {band:n}%.',
      en: '{name}: the whole-year estimate is {estimate:n} ({file}, {cell}), the earlier report ("{earlier}") estimated {prior:n} (file "{earlierFile}", {earlierCell}): a change of {change:n}%, beyond {band:n}%.',
    },
  },
});

export const BASELINE_DIFFERS = defineRule({
  id: "baseline-differs",
  severity: "warning",
  scope: "periods",
  name: "Số năm trước khác số cả năm đã báo cáo",
  nameEn: "Last year's figure differs from the whole-year figure reported",
  description:
    "Số năm trước trong báo cáo (kế hoạch) năm nay là gốc so sánh: phải bằng số cả năm đã báo cáo năm trước (thực hiện, hoặc ước cả năm của báo cáo 6, 9 tháng) trong phạm vi làm tròn, trừ khi ghi rõ đã điều chỉnh.",
  descriptionEn:
    "Last year's figure in this year's report (or plan) is the baseline: it equals the whole-year figure reported last year (the actual, or the whole-year estimate of a 6- or 9-month report) within rounding, unless the sheet says it was revised.",
  options: {},
  messages: {
    differs: {
      vi: '{name}: số năm {year} ghi {baseline:n} ({file}, ô {cell}), báo cáo {earlier} năm {year} ghi cả năm {published:n} (tệp "{earlierFile}", ô {earlierCell}); nếu số đã được điều chỉnh, hãy ghi chú.',
      en: '{name}: the figure for {year} is {baseline:n} ({file}, {cell}), the report "{earlier}" of {year} gave {published:n} for the whole year (file "{earlierFile}", {earlierCell}); if it was revised, add a note.',
    },
  },
});

export const MERGED_PREVIOUS = defineRule({
  id: "merged-previous",
  severity: "warning",
  scope: "periods",
  name: "Số cùng kỳ của đơn vị hợp nhất khác tổng các đơn vị cũ",
  nameEn: "A merged unit's same-period figure differs from its former units' sum",
  description:
    "Với đơn vị hình thành do hợp nhất (từ 01/7/2025), số cùng kỳ năm trước của một chỉ tiêu cộng dồn hoặc thời điểm bằng tổng số của các đơn vị cũ trong báo cáo cùng kỳ của họ (trong phạm vi làm tròn), trừ khi ghi rõ đã điều chỉnh.",
  descriptionEn:
    "For a unit formed by a merger (since 1 July 2025), last year's same-period figure of a flow or a stock equals the sum of the former units' figures in their reports of that period (within rounding), unless the sheet says it was revised.",
  options: {},
  messages: {
    differs: {
      vi: "{name}: số cùng kỳ ghi {previous:n} ({file}, ô {cell}), tổng của {units} là {sum:n} ({sources}); nếu số đã được điều chỉnh, hãy ghi chú.",
      en: "{name}: the same-period figure is {previous:n} ({file}, {cell}), the sum of {units} is {sum:n} ({sources}); if it was revised, add a note.",
    },
  },
});

export const CONSOLIDATION_MISSING = defineRule({
  id: "consolidation-missing",
  severity: "warning",
  scope: "periods",
  name: "Số tổng hợp thiếu đơn vị",
  nameEn: "A consolidated figure lacks units",
  description:
    "Khi tổng hợp báo cáo của các đơn vị (chitieu consolidate), một chỉ tiêu mà báo cáo của một số đơn vị không có (hoặc để trống) cho số tổng hợp thiếu phần của các đơn vị đó.",
  descriptionEn:
    "When the units' reports are consolidated (chitieu consolidate), an indicator some units' reports lack (or leave empty) gives a total without those units' share.",
  options: {},
  messages: {
    missing: {
      vi: "{name}: số {column} tổng hợp {value:n} ({file}, ô {cell}) thiếu {count} đơn vị: {units}.",
      en: "{name}: the consolidated “{column}” figure {value:n} ({file}, {cell}) lacks {count} units: {units}.",
    },
    none: {
      vi: "{name} ({unit}): không báo cáo nào có chỉ tiêu này, hoặc không ghép được (tên trùng, viết khác); ô của {file} để trống — hãy ghép tay (--pairs).",
      en: "{name} ({unit}): no report has this indicator, or none could be paired (a shared or different name); the cells of {file} stay empty: pair it by hand (--pairs).",
    },
    unitMissing: {
      vi: "{unit} có {expected} đơn vị báo cáo, nhưng chưa có báo cáo của {count} đơn vị: {units}; mọi số tổng hợp của {file} đều thiếu phần của họ.",
      en: "{unit} has {expected} reporting units, but {count} have sent no report: {units}; every consolidated figure of {file} lacks their share.",
    },
  },
});

export const CONSOLIDATION_REFUSED = defineRule({
  id: "consolidation-refused",
  severity: "warning",
  scope: "periods",
  name: "Không tổng hợp được tỷ lệ thiếu trọng số",
  nameEn: "A rate without weights is not consolidated",
  description:
    "Tỷ lệ, số bình quân, chỉ số của tỉnh không phải tổng hay trung bình cộng của các đơn vị: phải bình quân theo trọng số (tỷ lệ hộ nghèo theo số hộ…). Thiếu trọng số thì chitieu không tổng hợp và để trống ô.",
  descriptionEn:
    "A province's rate, average or index is neither the sum nor the plain mean of its units': it is a mean weighted by the base (the poverty rate by households…). Without weights chitieu does not consolidate it and leaves the cell empty.",
  options: {},
  messages: {
    noWeight: {
      vi: "{name} ({unit}) là tỷ lệ hoặc số bình quân: không tổng hợp vì chưa có trọng số (khai báo trong --weights, ví dụ số hộ cho tỷ lệ hộ nghèo).",
      en: "{name} ({unit}) is a rate or an average: not consolidated without weights (give them in --weights, the households for the poverty rate for instance).",
    },
    notAdditive: {
      vi: "{name} ({unit}) là tốc độ tăng hoặc chỉ số: tính lại từ các số đã tổng hợp, không cộng hay lấy trung bình của các đơn vị.",
      en: "{name} ({unit}) is a growth rate or an index: work it out from the consolidated figures, never as a sum or a mean of the units'.",
    },
    weightNotFound: {
      vi: "{name} ({unit}): không báo cáo nào có chỉ tiêu trọng số “{weight}” (--weights) với số dùng được; không tổng hợp.",
      en: "{name} ({unit}): no report has the weighing indicator “{weight}” (--weights) with a usable figure; not consolidated.",
    },
    occupied: {
      vi: "{name}: ô {cell} của {file} đã ghi “{text}”, chitieu không ghi đè; số {column} tổng hợp là {value:n} — xoá ô rồi chạy lại để ghi.",
      en: "{name}: {cell} of {file} holds “{text}”, which chitieu does not write over; the consolidated “{column}” figure is {value:n}: clear the cell and run again to write it.",
    },
  },
});

export const CONSOLIDATED_DIFFERS = defineRule({
  id: "consolidated-differs",
  severity: "warning",
  scope: "periods",
  name: "Số của biểu tổng hợp khác tổng các đơn vị",
  nameEn: "The consolidated table's figure differs from the units' total",
  description:
    "Ô của biểu tổng hợp đã có số (chitieu không ghi đè): số đó khác số tổng hợp từ báo cáo của các đơn vị (ngoài phạm vi làm tròn).",
  descriptionEn:
    "A cell of the consolidated table already holds a figure (chitieu does not write over it): it differs from the units' consolidated figure beyond rounding.",
  options: {},
  messages: {
    differs: {
      vi: "{name}: biểu tổng hợp ghi {stated:n} ({file}, ô {cell}), tổng hợp từ {count} đơn vị là {value:n}.",
      en: "{name}: the consolidated table states {stated:n} ({file}, {cell}), the {count} units' reports give {value:n}.",
    },
  },
});

export const PERIOD_RULES = [
  PERIOD_DECREASE,
  PLAN_CHANGED,
  SAME_PERIOD_REVISION,
  ESTIMATE_MOVED,
  BASELINE_DIFFERS,
  MERGED_PREVIOUS,
  CONSOLIDATION_MISSING,
  CONSOLIDATION_REFUSED,
  CONSOLIDATED_DIFFERS,
] as const;
