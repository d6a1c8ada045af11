// Rules across reports: a workbook against the ones before it. The same year, an earlier period:
// a cumulative flow cannot fall, and the year's plan stays unless the workbook says it was
// adjusted. The previous year, the same period: the "cùng kỳ" stated now is what was published as
// the actual then, unless a note says it was revised. Each finding names both cells, in both files.
// All are warnings: an earlier report may itself have been corrected since.

import { defineRule } from "./record";

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

export const PERIOD_RULES = [PERIOD_DECREASE, PLAN_CHANGED, SAME_PERIOD_REVISION] as const;
