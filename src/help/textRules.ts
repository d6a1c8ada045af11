// The rules of the narrative checker (src/core/narrative/check.ts) as records shaped like the sheet
// rules of RULES, for the help page. They live here until they join the rule registry; the help
// page then takes them from RULES and skips these (an id already in RULES wins).

import type { Severity } from "../core/model/findings";

/** What the help page needs of a rule: the fields of a Rule in src/core/rules, English optional. */
export interface RuleRecord {
  id: string;
  severity: Severity;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn?: string;
}

export const TEXT_RULES: readonly RuleRecord[] = [
  {
    id: "index-as-growth",
    severity: "error",
    name: "Chỉ số viết thành mức tăng",
    nameEn: "An index written as growth",
    description:
      "Lời văn ghi “tăng 102,66%” trong khi 102,66% là chỉ số so với cùng kỳ (bằng 102,66% cùng kỳ), tức là chỉ tăng 2,66%. Với bảng tính đi kèm, con số được đối chiếu với chỉ số và mức tăng của chỉ tiêu.",
    descriptionEn:
      "The text says “tăng 102,66%” (up 102.66%) where 102.66% is the index on the same period, that is a growth of 2.66%. With a workbook, the figure is compared with the indicator's index and growth.",
  },
  {
    id: "exceed-percent",
    severity: "warning",
    name: "“Vượt X%” với X từ 100 trở lên",
    nameEn: "“Exceeded by X%” with X of 100 or more",
    description: "“Vượt 115% kế hoạch” nghĩa là đạt 215% kế hoạch. Thường người viết muốn nói “đạt 115% kế hoạch” (vượt 15%).",
    descriptionEn:
      "“Vượt 115% kế hoạch” (exceeded the plan by 115%) means 215% of plan. The writer usually means “đạt 115% kế hoạch” (115% of plan, exceeded by 15%).",
  },
  {
    id: "rate-points",
    severity: "warning",
    name: "Thay đổi của tỷ lệ ghi bằng %",
    nameEn: "Change of a rate written in %",
    description:
      "Chỉ tiêu là tỷ lệ, cơ cấu (tỷ lệ hộ nghèo, tỷ trọng công nghiệp…): mức thay đổi phải ghi bằng “điểm phần trăm”, không ghi “%”, vì “%” dễ bị hiểu là thay đổi tương đối.",
    descriptionEn:
      "The indicator is a rate or a share (poverty rate, share of industry…): its change is stated in percentage points (“điểm phần trăm”), not in “%”, which reads as a relative change.",
  },
  {
    id: "growth-multiple",
    severity: "warning",
    name: "Mức tăng rất lớn nên viết “gấp X lần”",
    nameEn: "A large growth reads better as “X times”",
    description: "Mức tăng từ 100% trở lên khó đọc: “tăng 313%” nên viết “gấp 4,1 lần”.",
    descriptionEn: "A growth of 100% or more is hard to read: “tăng 313%” (up 313%) reads better as “gấp 4,1 lần” (4.1 times).",
  },
  {
    id: "missing-unit",
    severity: "warning",
    name: "Mức tăng thiếu đơn vị",
    nameEn: "A growth with no unit",
    description: "“Tăng 5,2 so với cùng kỳ”: không rõ là 5,2%, 5,2 điểm phần trăm hay 5,2 đơn vị của chỉ tiêu. Ghi rõ đơn vị sau con số.",
    descriptionEn:
      "“Tăng 5,2 so với cùng kỳ” (up 5.2 on the same period): 5.2%, 5.2 points or 5.2 of the indicator's unit? State the unit after the number.",
  },
  {
    id: "claim-arithmetic",
    severity: "error",
    name: "Các con số trong một câu không khớp nhau",
    nameEn: "Figures of one sentence that do not agree",
    description:
      "Trong cùng một câu, mức, tốc độ tăng và mức tăng tuyệt đối phải khớp nhau: “22,4 triệu đồng (tăng 7,7%, tương đương 1,6 triệu đồng)” đòi hỏi 22,4 / (22,4 − 1,6) = 107,7%, trong mức làm tròn của các số đã ghi.",
    descriptionEn:
      "Within one sentence, the level, the growth rate and the absolute change must agree: “22,4 triệu đồng (tăng 7,7%, tương đương 1,6 triệu đồng)” needs 22.4 / (22.4 − 1.6) = 107.7%, within the rounding of the figures written.",
  },
  {
    id: "claim-value",
    severity: "error",
    name: "Số trong lời văn khác số trong bảng tính",
    nameEn: "A figure of the text that the workbook does not hold",
    description:
      "Khi kiểm tra lời văn cùng bảng tính (--workbook, hoặc trong ngăn tác vụ), số thực hiện ghi trong văn bản phải bằng số của chỉ tiêu đó trong bảng tính, quy về cùng đơn vị và số chữ số thập phân đã ghi; “khoảng”, “trên”, “gần” được nới tương ứng.",
    descriptionEn:
      "When the text is checked with its workbook (--workbook, or in the pane), an actual figure in the text must equal the indicator's figure in the workbook, in the same unit and to the decimals written; “khoảng” (about), “trên” (over), “gần” (nearly) widen the match accordingly.",
  },
];

/** Sheet rules that the narrative checker applies to text as well. */
export const ALSO_IN_TEXT: readonly string[] = ["base-year", "stated-percent"];
