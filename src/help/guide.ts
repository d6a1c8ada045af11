// What the help page adds to a rule's own record: what to do about its finding, in Vietnamese and
// English. The names and descriptions (both languages) are the record's (src/core/rules); a rule
// with no entry here still gets its section, from its record alone.

export interface RuleGuide {
  /** What to do about a finding of the rule. */
  todo: string;
  todoEn: string;
}

export const RULE_GUIDE: Readonly<Record<string, RuleGuide>> = {
  "period-decrease": {
    todo: "Đối chiếu hai ô mà thông báo nêu: nếu số kỳ trước đã được điều chỉnh giảm, ghi chú điều đó trong báo cáo; nếu không, tìm số gõ nhầm hoặc số của kỳ khác (tháng thay cho cộng dồn).",
    todoEn:
      "Compare the two cells the message names: if the earlier figure was since revised down, say so in the report; otherwise look for a typing slip or another period's figure (a month instead of the cumulative one).",
  },
  "plan-changed": {
    todo: "Nếu kế hoạch đã được điều chỉnh (nghị quyết điều chỉnh), ghi “điều chỉnh” ở tiêu đề cột kế hoạch hoặc ghi chú của chỉ tiêu; nếu không, chép lại đúng kế hoạch năm đã giao.",
    todoEn:
      "If the plan was adjusted (an amending resolution), say “điều chỉnh” in the plan column's header or the indicator's note; otherwise copy the year plan as assigned.",
  },
  "same-period-revision": {
    todo: "Số cùng kỳ phải là số đã công bố năm trước, hoặc số chính thức sau đó. Nếu đã được điều chỉnh, ghi chú “số liệu điều chỉnh” / “số chính thức”; nếu không, sửa lại theo báo cáo năm trước.",
    todoEn:
      "The same-period figure is last year's published one, or the official figure since. If it was revised, note it (“số liệu điều chỉnh”, “số chính thức”); otherwise correct it from last year's report.",
  },
  "estimate-moved": {
    todo: "Nếu ước cả năm đã được tính lại (số liệu mới, tình hình thay đổi), nêu lý do trong báo cáo; nếu không, kiểm tra lại ô ước tính (gõ nhầm, nhầm kỳ). Ngưỡng là tùy chọn estimateBand trong --config.",
    todoEn:
      "If the whole-year estimate was worked out again (new data, a changed outlook), say why in the report; otherwise check the estimate's cell (a typing slip, another period). The band is the estimateBand option in --config.",
  },
  "baseline-differs": {
    todo: "Số năm trước là gốc để tính kế hoạch và tăng trưởng năm nay: dùng số cả năm đã báo cáo (hoặc số chính thức sau đó) và ghi chú “số chính thức” / “điều chỉnh” nếu đã thay đổi.",
    todoEn:
      "Last year's figure is the base of this year's plan and growth: use the whole-year figure reported (or the official one since) and note “số chính thức” / “điều chỉnh” if it changed.",
  },
  "merged-previous": {
    todo: "Số cùng kỳ của đơn vị hợp nhất là tổng số của các đơn vị cũ (thông báo liệt kê từng ô nguồn). Sửa lại theo tổng đó, hoặc ghi chú nếu số đã được điều chỉnh; nếu thiếu một đơn vị cũ, thêm báo cáo của đơn vị đó vào lệnh.",
    todoEn:
      "A merged unit's same-period figure is the sum of its former units' (the message lists every source cell). Correct it to that sum, or note a revision; if a former unit is missing, add its report to the command.",
  },
  "consolidation-missing": {
    todo: "Đôn đốc các đơn vị còn thiếu gửi số liệu (thông báo liệt kê tên tệp), rồi tổng hợp lại; nếu đơn vị đó thật sự không có chỉ tiêu này, ghi chú trong biểu tổng hợp.",
    todoEn:
      "Ask the units listed for their figures, then consolidate again; if a unit truly has no such figure, say so in the consolidated table.",
  },
  "consolidation-refused": {
    todo: "Với tỷ lệ, số bình quân: khai báo chỉ tiêu làm trọng số trong --weights (ví dụ tỷ lệ hộ nghèo theo số hộ) để chitieu bình quân theo trọng số. Với tốc độ tăng, chỉ số: tính lại từ các số đã tổng hợp (thẻ Chỉ tiêu hoặc chitieu fill).",
    todoEn:
      "For a rate or an average, name its weight in --weights (the poverty rate by households, for instance) and chitieu weighs it. For a growth rate or an index, work it out from the consolidated figures (Indicators tab or chitieu fill).",
  },
  "consolidated-differs": {
    todo: "Ô của biểu tổng hợp đã có số: nếu là số cũ, xoá đi để chitieu ghi công thức tổng hợp; nếu đúng (có đơn vị chưa nộp, số điều chỉnh), ghi chú lý do chênh lệch.",
    todoEn:
      "The table's cell already held a figure: if it is an old one, clear it so that chitieu writes the consolidation formula; if it is right (a unit not yet in, a revision), note why it differs.",
  },
  "base-year": {
    todo: "Sửa năm trong tiêu đề (báo cáo năm 2020 so với “cùng kỳ năm 2019”). Nếu chính năm báo cáo bị đoán sai, chọn lại Năm báo cáo trong ngăn tác vụ hoặc dùng --year.",
    todoEn:
      "Correct the year in the header (a 2020 report compares with “cùng kỳ năm 2019”). If the report year itself was guessed wrong, set Report year in the pane or pass --year.",
  },
  "stated-percent": {
    todo: "Thông báo ghi phép tính (ví dụ 7.966/18.029 = 44,18%). Sửa ô đã ghi, hoặc số thực hiện, kế hoạch nếu chính chúng sai. Để khỏi lệch lại, ghi cột so sánh bằng công thức (thẻ Chỉ tiêu › Ghi cột so sánh).",
    todoEn:
      "The message shows the computation (for example 7,966/18,029 = 44.18%). Correct the stated cell, or the actual or plan figure if that is what is wrong. Write the comparison columns as formulas (Indicators tab › Write comparison columns) so that they cannot drift again.",
  },
  "rate-plan-percent": {
    todo: "Thay “% kế hoạch” bằng chênh lệch so với kế hoạch (điểm phần trăm) và cột Đánh giá Đạt/Vượt/Không đạt.",
    todoEn: "Replace the percentage of plan by the gap to the plan in percentage points and an evaluation (Đạt/Vượt/Không đạt).",
  },
  "stated-evaluation": {
    todo: "Sửa ô Đánh giá theo kết quả trong thông báo. Với chỉ tiêu càng thấp càng tốt (tỷ lệ hộ nghèo, số vụ tai nạn…), thấp hơn kế hoạch là Đạt hoặc Vượt. Ghi “Đạt” khi số liệu cho “Vượt” chỉ là cảnh báo.",
    todoEn:
      "Correct the Evaluation cell as the message says. For an indicator where lower is better (poverty rate, accidents…), below plan is met or exceeded. Writing “Đạt” (met) where the figures give “Vượt” (exceeded) is only a warning.",
  },
  "component-total": {
    todo: "Thông báo nêu tổng, tổng các thành phần và chênh lệch. Tìm thành phần thiếu hoặc thừa, số gõ nhầm, hay dòng đặt nhầm khối (“Chia ra” hay “Trong đó”).",
    todoEn:
      "The message gives the total, the sum of the parts and the difference. Look for a missing or extra part, a typing slip, or a row under the wrong heading (“Chia ra” versus “Trong đó”).",
  },
  "share-total": {
    todo: "Kiểm tra thành phần còn thiếu (ví dụ thuế sản phẩm trừ trợ cấp) hoặc làm tròn; điều chỉnh một thành phần để tổng bằng 100.",
    todoEn: "Look for a missing part (such as product taxes less subsidies) or rounding; adjust one part so that they add up to 100.",
  },
  "rate-range": {
    todo: "Thường là nhầm chỉ số hoặc số tuyệt đối vào cột tỷ lệ, hoặc sai dấu phẩy thập phân. Nếu chỉ tiêu thực sự vượt 100%, đổi ngưỡng rateRange cho chỉ tiêu đó trong tệp cấu hình (--config).",
    todoEn:
      "Usually an index or an absolute figure typed into a rate, or a misplaced decimal separator. If the indicator can truly exceed 100%, change its rateRange in the rule configuration (--config).",
  },
  "not-a-number": {
    todo: "Nhập số thuần, không kèm chữ; ghi chú (“khoảng”, “ước”) để ở cột khác. Sửa công thức báo lỗi. Số nhập dạng chữ (mức Lưu ý) nên chuyển thành số để Excel tính được.",
    todoEn:
      "Type the bare number; keep remarks (“khoảng”, “ước”) in another column. Fix the formula that gives an error. A number stored as text (a note) should be converted to a number so that Excel can compute with it.",
  },
  "unit-scale": {
    todo: "Đối chiếu số liệu với cột ĐVT: đưa số về đúng đơn vị (nhân hoặc chia 1.000) hoặc sửa ĐVT.",
    todoEn: "Compare the figure with the unit column: bring it to the unit (multiply or divide by 1,000) or correct the unit.",
  },
  "growth-outlier": {
    todo: "Không nhất thiết là sai: xem lại số cùng kỳ và số thực hiện. Nếu đúng, nên nêu nguyên nhân trong báo cáo; có thể đổi ngưỡng growthBand cho chỉ tiêu (--config).",
    todoEn:
      "Not necessarily wrong: check the same-period and the actual figures. If they are right, explain the cause in the report; the growthBand of the indicator can be changed (--config).",
  },
  "plan-outlier": {
    todo: "Kiểm tra kế hoạch năm (có phải kế hoạch của kỳ không?), số thực hiện có cộng dồn từ đầu năm không, và kỳ báo cáo. Ngưỡng: paceLow, paceHigh, planPercentMax (--config).",
    todoEn:
      "Check the annual plan (is it the plan of the period?), whether the actual is cumulative from the start of the year, and the report period. Thresholds: paceLow, paceHigh, planPercentMax (--config).",
  },
  "cumulative-decrease": {
    todo: "Kiểm tra số kỳ sau có cộng dồn từ đầu năm không (hay chỉ là số của riêng quý), và các trang có đúng kỳ ghi trong tiêu đề không.",
    todoEn:
      "Check that the later figure is cumulative from the start of the year (not the quarter alone), and that each sheet is the period its title says.",
  },
  "missing-value": {
    todo: "Nhập số thực hiện. Nếu chưa có số liệu, dùng “Bỏ qua…” với lý do, hoặc tắt quy tắc trong tệp cấu hình (disabled).",
    todoEn:
      "Enter the actual figure. If there is none yet, use “Ignore…” with a reason, or switch the rule off in the configuration (disabled).",
  },
  "index-as-growth": {
    todo: "Viết “tăng 2,66%” hoặc “bằng 102,66% so với cùng kỳ”.",
    todoEn: "Write “tăng 2,66%” (up 2.66%) or “bằng 102,66% so với cùng kỳ” (102.66% of the same period).",
  },
  "exceed-percent": {
    todo: "Viết “đạt 115% kế hoạch” hoặc “vượt 15% kế hoạch”, tuỳ điều muốn nói.",
    todoEn: "Write “đạt 115% kế hoạch” (115% of plan) or “vượt 15% kế hoạch” (exceeded by 15%), whichever is meant.",
  },
  "growth-multiple": {
    todo: "Viết “gấp … lần” như thông báo gợi ý.",
    todoEn: "Write “gấp … lần” (… times) as the message suggests.",
  },
  "growth-as-index": {
    todo: "Nếu con số là mức tăng, viết “tăng 3,01% so với cùng kỳ”; nếu đúng là chỉ số, bỏ chữ “tăng” cho khỏi mâu thuẫn.",
    todoEn:
      "If the figure is the growth, write “tăng 3,01% so với cùng kỳ” (up 3.01%); if it really is the index, drop “tăng” (up) so that the sentence agrees with itself.",
  },
  "double-sign": {
    todo: "Bỏ dấu trước con số: “giảm 3,8%”, không phải “giảm -3,8%”.",
    todoEn: "Drop the sign before the number: “giảm 3,8%” (down 3.8%), not “giảm -3,8%”.",
  },
  "claim-consistency": {
    todo: "Đối chiếu hai câu thông báo nêu với số liệu gốc; thường một câu ghi “%” thay cho “lần”.",
    todoEn: "Compare the two sentences the message names with the source figures; often one says “%” where “lần” (times) is meant.",
  },
  "number-format": {
    todo: "Viết số theo một kiểu trong cả văn bản: kiểu Việt Nam “1.235,6” trong báo cáo tiếng Việt. Trong biểu, nhập số dạng số thay cho chữ.",
    todoEn:
      "Write every number of the text in one style: the Vietnamese “1.235,6” in a Vietnamese report. In tables, enter numbers as numbers rather than text.",
  },
  "verb-typo": {
    todo: "Sửa từ gõ nhầm thành “tăng” hoặc “giảm”.",
    todoEn: "Correct the mistyped word to “tăng” (up) or “giảm” (down).",
  },
  "claim-arithmetic": {
    todo: "Thông báo nêu tốc độ mà mức và mức thay đổi cho; tính lại số sai từ hai số kia.",
    todoEn: "The message gives the rate that the level and the change imply; recompute the wrong figure from the other two.",
  },
  "claim-value": {
    todo: "Đối chiếu với ô nêu trong thông báo; sửa văn bản hoặc bảng tính.",
    todoEn: "Compare with the cell the message names; correct the text or the workbook.",
  },
  "series-scale": {
    todo: "Đưa các số của dòng về cùng một đơn vị (nhân hoặc chia 1.000 từ năm đổi đơn vị) hoặc sửa ĐVT.",
    todoEn: "Bring the row's figures to one unit (×/÷1000 from the year the unit changed) or correct the unit.",
  },
  "series-growth": {
    todo: "Đối chiếu số giá trị theo giá so sánh của hai năm với tốc độ tăng đã công bố; sửa số sai hoặc ghi chú nếu số liệu đã được điều chỉnh.",
    todoEn: "Compare the two years' constant-price levels with the published growth; correct the wrong one or note a revision.",
  },
  "series-base-year": {
    todo: "Trong năm gốc, ghi giá trị theo giá so sánh bằng giá hiện hành; kiểm tra dòng giá so sánh.",
    todoEn: "In the base year make the constant-price figure equal to the current-price one; check the constant-price row.",
  },
  "count-fraction": {
    todo: "Làm tròn số đếm hoặc sửa ĐVT (ví dụ “nghìn người”).",
    todoEn: "Round the count or correct the unit (for example thousands of people).",
  },
  "stated-index": {
    todo: "Tính lại cột so sánh từ hai năm (ghi bằng công thức).",
    todoEn: "Recompute the comparison column from the two years, as a formula.",
  },
  "copied-components": {
    todo: "Nhập lại số liệu đúng cho thành phần bị chép.",
    todoEn: "Enter the right figures for the copied component.",
  },
  "missing-unit": {
    todo: "Ghi đơn vị tính của chỉ tiêu (ở cột ĐVT, hoặc trong ngoặc sau tên như các dòng khác); trong lời văn, thêm “%”, “điểm phần trăm” hoặc đơn vị sau con số.",
    todoEn:
      "Write the indicator's unit (in the unit column, or in brackets after the name as the other rows do); in the text, add “%”, “điểm phần trăm” (points) or the unit after the number.",
  },
  "rate-points": {
    todo: "Ghi “điểm %” (điểm phần trăm) thay cho “%” khi nói chênh lệch của hai tỷ lệ: “giảm 1,2 điểm phần trăm”, không phải “giảm 1,2%”.",
    todoEn: "Write “điểm %” (percentage points) instead of “%” for a difference of two rates: “giảm 1,2 điểm phần trăm”, not “giảm 1,2%”.",
  },
  "unit-mismatch": {
    todo: "Kiểm tra đơn vị: tỷ suất sinh, tỷ lệ tăng dân số tự nhiên thường tính bằng ‰ (phần nghìn).",
    todoEn: "Check the unit: birth rates and natural population growth are usually in ‰ (per mille).",
  },
};
