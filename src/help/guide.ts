// What the help page adds to a rule's own record: what to do about its finding (Vietnamese and
// English) and, while the rule records carry no English description, one for the page. A rule with
// no entry here still gets its section, from its record alone.

export interface RuleGuide {
  /** English for the rule's description, where its record has none. */
  descriptionEn?: string;
  /** What to do about a finding of the rule. */
  todo: string;
  todoEn: string;
}

export const RULE_GUIDE: Readonly<Record<string, RuleGuide>> = {
  "base-year": {
    descriptionEn:
      "The “same period” year in a column header or a table title must be the year before the report year; a year after the report year is an error.",
    todo: "Sửa năm trong tiêu đề (báo cáo năm 2020 so với “cùng kỳ năm 2019”). Nếu chính năm báo cáo bị đoán sai, chọn lại Năm báo cáo trong ngăn tác vụ hoặc dùng --year.",
    todoEn:
      "Correct the year in the header (a 2020 report compares with “cùng kỳ năm 2019”). If the report year itself was guessed wrong, set Report year in the pane or pass --year.",
  },
  "stated-percent": {
    descriptionEn:
      "A written plan percentage (TH/KH) or same-period comparison must equal the one the figures give, within the rounding of the decimals shown. A same-period column may hold an index (106.0) or a growth (6.0): either is accepted, but consistently within the column.",
    todo: "Thông báo ghi phép tính (ví dụ 7.966/18.029 = 44,18%). Sửa ô đã ghi, hoặc số thực hiện, kế hoạch nếu chính chúng sai. Để khỏi lệch lại, ghi cột so sánh bằng công thức (thẻ Chỉ tiêu › Ghi cột so sánh).",
    todoEn:
      "The message shows the computation (for example 7,966/18,029 = 44.18%). Correct the stated cell, or the actual or plan figure if that is what is wrong. Write the comparison columns as formulas (Indicators tab › Write comparison columns) so that they cannot drift again.",
  },
  "rate-plan-percent": {
    descriptionEn:
      "A rate (%, ratio, share, growth rate) is compared with its plan in percentage points and evaluated as met / exceeded / not met; a percentage of plan is not computed for it.",
    todo: "Thay “% kế hoạch” bằng chênh lệch so với kế hoạch (điểm phần trăm) và cột Đánh giá Đạt/Vượt/Không đạt.",
    todoEn: "Replace the percentage of plan by the gap to the plan in percentage points and an evaluation (Đạt/Vượt/Không đạt).",
  },
  "stated-evaluation": {
    descriptionEn:
      "The Evaluation column must match what the actual figure gives against the plan, in the indicator's good direction (for an indicator where lower is better, below plan is good).",
    todo: "Sửa ô Đánh giá theo kết quả trong thông báo. Với chỉ tiêu càng thấp càng tốt (tỷ lệ hộ nghèo, số vụ tai nạn…), thấp hơn kế hoạch là Đạt hoặc Vượt. Ghi “Đạt” khi số liệu cho “Vượt” chỉ là cảnh báo.",
    todoEn:
      "Correct the Evaluation cell as the message says. For an indicator where lower is better (poverty rate, accidents…), below plan is met or exceeded. Writing “Đạt” (met) where the figures give “Vượt” (exceeded) is only a warning.",
  },
  "component-total": {
    descriptionEn:
      "Under “Chia ra” or “Bao gồm” (broken down into), the parts must add up to the total (off by more than 1% is an error, less is a warning); under “Trong đó” (of which), no part and no sum of parts may exceed the total.",
    todo: "Thông báo nêu tổng, tổng các thành phần và chênh lệch. Tìm thành phần thiếu hoặc thừa, số gõ nhầm, hay dòng đặt nhầm khối (“Chia ra” hay “Trong đó”).",
    todoEn:
      "The message gives the total, the sum of the parts and the difference. Look for a missing or extra part, a typing slip, or a row under the wrong heading (“Chia ra” versus “Trong đó”).",
  },
  "share-total": {
    descriptionEn:
      "The parts of a structure (“Cơ cấu kinh tế”: agriculture, industry, services…) must add up to 100% within rounding; off by more than 1 point is an error, less is a warning.",
    todo: "Kiểm tra thành phần còn thiếu (ví dụ thuế sản phẩm trừ trợ cấp) hoặc làm tròn; điều chỉnh một thành phần để tổng bằng 100.",
    todoEn: "Look for a missing part (such as product taxes less subsidies) or rounding; adjust one part so that they add up to 100.",
  },
  "rate-range": {
    descriptionEn: "A rate or a share (unit %) must lie between 0 and 100% (the bounds can be changed per indicator).",
    todo: "Thường là nhầm chỉ số hoặc số tuyệt đối vào cột tỷ lệ, hoặc sai dấu phẩy thập phân. Nếu chỉ tiêu thực sự vượt 100%, đổi ngưỡng rateRange cho chỉ tiêu đó trong tệp cấu hình (--config).",
    todoEn:
      "Usually an index or an absolute figure typed into a rate, or a misplaced decimal separator. If the indicator can truly exceed 100%, change its rateRange in the rule configuration (--config).",
  },
  "not-a-number": {
    descriptionEn:
      "A figure cell holding an Excel error (#DIV/0!, #N/A), text with a number (“khoảng 10.000”) or text (“n/a”) cannot be used; a number typed as text that can be read is only noted.",
    todo: "Nhập số thuần, không kèm chữ; ghi chú (“khoảng”, “ước”) để ở cột khác. Sửa công thức báo lỗi. Số nhập dạng chữ (mức Lưu ý) nên chuyển thành số để Excel tính được.",
    todoEn:
      "Type the bare number; keep remarks (“khoảng”, “ước”) in another column. Fix the formula that gives an error. A number stored as text (a note) should be converted to a number so that Excel can compute with it.",
  },
  "unit-scale": {
    descriptionEn:
      "A figure about 1,000 times (or about 1/1,000 of) the figures it is compared with: usually a thousand/million slip, kWh against million kWh.",
    todo: "Đối chiếu số liệu với cột ĐVT: đưa số về đúng đơn vị (nhân hoặc chia 1.000) hoặc sửa ĐVT.",
    todoEn: "Compare the figure with the unit column: bring it to the unit (multiply or divide by 1,000) or correct the unit.",
  },
  "growth-outlier": {
    descriptionEn:
      "A growth on the same period outside what is plausible for the kind of indicator (±30% for most flows, −10…+20% for GRDP); a growth of 200% or more should be written “X times”.",
    todo: "Không nhất thiết là sai: xem lại số cùng kỳ và số thực hiện. Nếu đúng, nên nêu nguyên nhân trong báo cáo; có thể đổi ngưỡng growthBand cho chỉ tiêu (--config).",
    todoEn:
      "Not necessarily wrong: check the same-period and the actual figures. If they are right, explain the cause in the report; the growthBand of the indicator can be changed (--config).",
  },
  "plan-outlier": {
    descriptionEn:
      "A cumulative flow whose percentage of the annual plan is far from the share of the year elapsed (below 0.5 or above 1.5 times the months elapsed), or above 200% of plan.",
    todo: "Kiểm tra kế hoạch năm (có phải kế hoạch của kỳ không?), số thực hiện có cộng dồn từ đầu năm không, và kỳ báo cáo. Ngưỡng: paceLow, paceHigh, planPercentMax (--config).",
    todoEn:
      "Check the annual plan (is it the plan of the period?), whether the actual is cumulative from the start of the year, and the report period. Thresholds: paceLow, paceHigh, planPercentMax (--config).",
  },
  "cumulative-decrease": {
    descriptionEn:
      "When the workbook holds several periods of one year (6 months, 9 months…), a cumulative indicator (budget revenue, output, visitors…) cannot be lower in the later period.",
    todo: "Kiểm tra số kỳ sau có cộng dồn từ đầu năm không (hay chỉ là số của riêng quý), và các trang có đúng kỳ ghi trong tiêu đề không.",
    todoEn:
      "Check that the later figure is cumulative from the start of the year (not the quarter alone), and that each sheet is the period its title says.",
  },
  "missing-value": {
    descriptionEn:
      "An indicator with a name and a unit whose actual cell is empty (except a parent row whose figures are in its parts, such as “Cơ cấu kinh tế”).",
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
  "claim-arithmetic": {
    todo: "Thông báo nêu tốc độ mà mức và mức thay đổi cho; tính lại số sai từ hai số kia.",
    todoEn: "The message gives the rate that the level and the change imply; recompute the wrong figure from the other two.",
  },
  "claim-value": {
    todo: "Đối chiếu với ô nêu trong thông báo; sửa văn bản hoặc bảng tính.",
    todoEn: "Compare with the cell the message names; correct the text or the workbook.",
  },
  "series-scale": {
    descriptionEn:
      "In a row of several years, one figure (or every figure from some year on) is about 1,000 times (or a thousandth of) the years beside it: usually a change of unit midway (millions ↔ thousands of đồng). A thousandfold change between consecutive years of a level cannot be growth. Rates, indices and coefficients are left out.",
    todo: "Đưa các số của dòng về cùng một đơn vị (nhân hoặc chia 1.000 từ năm đổi đơn vị) hoặc sửa ĐVT.",
    todoEn: "Bring the row's figures to one unit (×/÷1000 from the year the unit changed) or correct the unit.",
  },
  "series-growth": {
    descriptionEn:
      "A growth row (GRDP, each sector) must be close to the growth its constant-price level row gives (this year / last year − 1): an opposite sign or a gap of more than 5 percentage points is a warning, at the level cell of that year. Current-price rows are not compared.",
    todo: "Đối chiếu số giá trị theo giá so sánh của hai năm với tốc độ tăng đã công bố; sửa số sai hoặc ghi chú nếu số liệu đã được điều chỉnh.",
    todoEn: "Compare the two years' constant-price levels with the published growth; correct the wrong one or note a revision.",
  },
  "series-base-year": {
    descriptionEn:
      "In the base year of constant prices (2010 for “2010 prices”), a constant-price figure equals the current-price one by definition: a “(Giá 2010)” row and its “(Giá hiện hành)” twin (and their components) more than 1% apart in the base year is an error, at the constant-price cell.",
    todo: "Trong năm gốc, ghi giá trị theo giá so sánh bằng giá hiện hành; kiểm tra dòng giá so sánh.",
    todoEn: "In the base year make the constant-price figure equal to the current-price one; check the constant-price row.",
  },
  "count-fraction": {
    descriptionEn:
      "An indicator counted in units (people, households, communes, enterprises, cooperatives, schools, projects, products, visits…) is a whole number; a fraction (10.98 households) is usually a unit slip (thousands of people) or the wrong row. Units with a scale word and averages are not checked.",
    todo: "Làm tròn số đếm hoặc sửa ĐVT (ví dụ “nghìn người”).",
    todoEn: "Round the count or correct the unit (for example thousands of people).",
  },
  "stated-index": {
    descriptionEn:
      "A column comparing two years of a series (“2019/2018 (%)”, “2023 so với 2022”) must equal later / earlier × 100 (index) or that minus 100 (growth), within the rounding of the decimals shown. Actual against the same period is checked by stated-percent.",
    todo: "Tính lại cột so sánh từ hai năm (ghi bằng công thức).",
    todoEn: "Recompute the comparison column from the two years, as a formula.",
  },
  "copied-components": {
    descriptionEn:
      "Two or more components of one indicator (the same “Chia ra” or “Trong đó” block) with identical figures in every filled column, or a component identical to its parent while the others have figures: usually a row copied by mistake. Whole rows are compared, not single years.",
    todo: "Nhập lại số liệu đúng cho thành phần bị chép.",
    todoEn: "Enter the right figures for the copied component.",
  },
  "missing-unit": {
    descriptionEn:
      "An indicator with figures but no unit, in a table where the others all have one: a warning when the table has a unit column, a note when units are written in the names. Indices and coefficients (HDI, ICOR) need none. In the text: a figure stated with no unit.",
    todo: "Ghi đơn vị tính của chỉ tiêu (ở cột ĐVT, hoặc trong ngoặc sau tên như các dòng khác); trong lời văn, thêm “%”, “điểm phần trăm” hoặc đơn vị sau con số.",
    todoEn:
      "Write the indicator's unit (in the unit column, or in brackets after the name as the other rows do); in the text, add “%”, “điểm phần trăm” (points) or the unit after the number.",
  },
  "rate-points": {
    descriptionEn:
      "A difference between two rates (against the plan, against the same period) is in percentage points, not %: “vượt 0,2 điểm %”, not “vượt 0,2%”. In tables: a warning when an evaluation says so for a rate, a note when an indicator is the change of a rate with the unit %; in the text: a change of a rate written in %.",
    todo: "Ghi “điểm %” (điểm phần trăm) thay cho “%” khi nói chênh lệch của hai tỷ lệ: “giảm 1,2 điểm phần trăm”, không phải “giảm 1,2%”.",
    todoEn: "Write “điểm %” (percentage points) instead of “%” for a difference of two rates: “giảm 1,2 điểm phần trăm”, not “giảm 1,2%”.",
  },
  "unit-mismatch": {
    descriptionEn:
      "An indicator the catalogue measures in per mille (birth rate, natural population growth) written in % (or the other way round): the figures are ten times off, usually a wrong unit.",
    todo: "Kiểm tra đơn vị: tỷ suất sinh, tỷ lệ tăng dân số tự nhiên thường tính bằng ‰ (phần nghìn).",
    todoEn: "Check the unit: birth rates and natural population growth are usually in ‰ (per mille).",
  },
};
