import { checkWorkbook } from "../../src/core/check";
import { fillSource, narrative, narrativeText } from "../../src/core/fill";
import { checkText } from "../../src/core/narrative/check";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { partYear, wholeYear } from "./narrativeCases";

function narrate(workbook: WorkbookSnapshot) {
  const analysis = checkWorkbook(workbook);
  const items = narrative(fillSource(workbook, analysis));
  const sentence = (name: string) => items.find((i) => i.kind === "sentence" && i.indicator.name === name)?.text;
  return { analysis, items, sentence };
}

describe("bao-cao sentences, one per kind and direction", () => {
  const { sentence, items, analysis } = narrate({ sheets: [wholeYear()] });

  test.each([
    [
      "flow up, plan missed",
      "Giá trị sản xuất công nghiệp",
      "Giá trị sản xuất công nghiệp năm 2021 đạt 1.100 tỷ đồng, bằng 91,7% kế hoạch, tăng 10% so với năm 2020, không đạt kế hoạch.",
    ],
    [
      "flow down, plan beaten",
      "Khách du lịch",
      "Khách du lịch năm 2021 đạt 450.000 lượt, đạt 112,5% kế hoạch, giảm 10% so với năm 2020, vượt kế hoạch.",
    ],
    [
      "index ≥ 200 is gấp X lần",
      "Tổng vốn đầu tư phát triển toàn xã hội",
      "Tổng vốn đầu tư phát triển toàn xã hội năm 2021 đạt 250 tỷ đồng, bằng 83,3% kế hoạch, gấp 2,5 lần so với năm 2020, không đạt kế hoạch.",
    ],
    [
      "missing plan",
      "Số doanh nghiệp thành lập mới",
      "Số doanh nghiệp thành lập mới năm 2021 đạt 236 doanh nghiệp, tăng 18% so với năm 2020.",
    ],
    [
      "zero previous: no comparison",
      "Số dự án đầu tư trực tiếp nước ngoài",
      "Số dự án đầu tư trực tiếp nước ngoài năm 2021 đạt 3 dự án, bằng 60% kế hoạch, không đạt kế hoạch.",
    ],
    [
      "rate up, in points",
      "Tỷ lệ che phủ rừng",
      "Tỷ lệ che phủ rừng năm 2021 đạt 65,3%, tăng 0,5 điểm phần trăm so với năm 2020, vượt kế hoạch.",
    ],
    [
      "lower-is-better rate down, threshold met",
      "Tỷ lệ hộ nghèo",
      "Tỷ lệ hộ nghèo năm 2021 còn 2,17%, giảm 0,65 điểm phần trăm so với năm 2020, đạt kế hoạch.",
    ],
    [
      "lower-is-better rate up, missed",
      "Tỷ lệ thất nghiệp khu vực thành thị",
      "Tỷ lệ thất nghiệp khu vực thành thị năm 2021 ở mức 3,4%, tăng 0,4 điểm phần trăm so với năm 2020, không đạt kế hoạch.",
    ],
    [
      "lower-is-better flow below plan is vượt",
      "Số vụ tai nạn giao thông",
      "Số vụ tai nạn giao thông năm 2021 đạt 80 vụ, bằng 88,9% kế hoạch, giảm 20% so với năm 2020, vượt kế hoạch.",
    ],
  ])("%s", (_case, name, expected) => {
    expect(sentence(name)).toBe(expected);
  });

  test("the summary counts đạt and vượt and names what was missed", () => {
    expect(items[items.length - 1]).toEqual({
      kind: "summary",
      text: "Trong 8 chỉ tiêu chủ yếu có kế hoạch, có 04 chỉ tiêu đạt và vượt kế hoạch (03 chỉ tiêu vượt), 04 chỉ tiêu không đạt: Giá trị sản xuất công nghiệp; Tổng vốn đầu tư phát triển toàn xã hội; Số dự án đầu tư trực tiếp nước ngoài; Tỷ lệ thất nghiệp khu vực thành thị.",
    });
  });

  test("the generator and the checker agree: no finding on the generated text", () => {
    expect(checkText(narrativeText(items), { analysis }).findings).toEqual([]);
  });

  test("deterministic: the same workbook gives the same text", () => {
    expect(narrativeText(narrate({ sheets: [wholeYear()] }).items)).toBe(narrativeText(items));
  });

  test("each sentence records the cells it came from", () => {
    const item = items.find((i) => i.kind === "sentence" && i.indicator.name === "Khách du lịch");
    expect(item && "cells" in item ? item.cells : null).toBe("'Biểu 01'!F6 (TH), E6 (KH), D6 (CK)");
  });
});

describe("part of the year", () => {
  const { sentence, items, analysis } = narrate({ sheets: [partYear()] });

  test("estimates are 'ước đạt', comparisons name the same period of the previous year", () => {
    expect(sentence("Giá trị sản xuất công nghiệp")).toBe(
      "Giá trị sản xuất công nghiệp 6 tháng đầu năm ước đạt 7.966 tỷ đồng, bằng 44,2% kế hoạch, tăng 6% so với cùng kỳ năm 2019.",
    );
    expect(sentence("Thu ngân sách nhà nước trên địa bàn")).toBe(
      "Thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm ước đạt 961,1 tỷ đồng, bằng 41,6% kế hoạch, giảm 4,2% so với cùng kỳ năm 2019.",
    );
    expect(sentence("Tỷ lệ che phủ rừng")).toBe(
      "Tỷ lệ che phủ rừng 6 tháng đầu năm ước đạt 65%, tăng 0,2 điểm phần trăm so với cùng kỳ năm 2019.",
    );
  });

  test("an index with the previous year as 100 is written as growth, never as 'tăng 105,2%'", () => {
    expect(sentence("Chỉ số sản xuất công nghiệp (IIP)")).toBe(
      "Chỉ số sản xuất công nghiệp (IIP) 6 tháng đầu năm tăng 5,2% so với cùng kỳ năm 2019.",
    );
  });

  test("the summary measures progress against the elapsed share of the year", () => {
    expect(items[items.length - 1].text).toBe(
      "Trong 2 chỉ tiêu có kế hoạch năm, chưa có chỉ tiêu nào đạt từ 50% kế hoạch trở lên (tiến độ 6 tháng đầu năm), 02 chỉ tiêu đạt dưới 50%: Giá trị sản xuất công nghiệp; Thu ngân sách nhà nước trên địa bàn.",
    );
    expect(checkText(narrativeText(items), { analysis }).findings).toEqual([]);
  });
});

describe("an indicator with an error-level finding is not narrated as if fine", () => {
  test("its sentence is replaced by a visible marker naming the finding", () => {
    // A stated TH/KH of 105,0 where the figures give 91,7.
    const { items, analysis } = narrate({ sheets: [withStatedPlanPercent(5, "105,0")] });
    const error = analysis.findings.find((f) => f.severity === "error");
    expect(error).toBeDefined();
    const marked = items.find((i) => i.kind === "error");
    expect(marked?.text).toMatch(/^⚠ Chưa viết câu cho chỉ tiêu "Giá trị sản xuất công nghiệp" vì số liệu có lỗi \(stated-percent, ô G5\)/);
    expect(items.some((i) => i.kind === "sentence" && i.indicator.name === "Giá trị sản xuất công nghiệp")).toBe(false);
  });

  test("the summary says it leaves it out of its count, and the copied text names it with its error", () => {
    const { items } = narrate({ sheets: [withStatedPlanPercent(5, "105,0")] });
    const summary = items.find((i) => i.kind === "summary")?.text ?? "";
    expect(summary).toMatch(/^Trong \d+ chỉ tiêu chủ yếu có kế hoạch \(chưa tính 01 chỉ tiêu có lỗi số liệu\), /);
    // It counts the indicators narrated with an evaluation, and those only.
    const narratedEvaluated = items.filter((i) => i.kind === "sentence" && i.indicator.evaluation !== null).length;
    expect(Number(/^Trong (\d+)/.exec(summary)?.[1])).toBe(narratedEvaluated);
    const text = narrativeText(items);
    expect(text).not.toContain("⚠");
    expect(text.split("\n").pop()).toBe(
      "(Chưa viết câu cho 1 chỉ tiêu vì số liệu có lỗi: Giá trị sản xuất công nghiệp (stated-percent, ô G5). Sửa các lỗi này rồi sao chép lại.)",
    );
  });
});

function withStatedPlanPercent(row: number, stated: string) {
  const s = wholeYear();
  s.values[2] = [...s.values[2], "TH/KH (%)"];
  s.values[row - 1] = [...s.values[row - 1], stated];
  return s;
}
