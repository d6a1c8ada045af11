import { datedYears, detectPeriod, yearMentions } from "../../src/core/model/period";
import { titleYear } from "../../src/core/reading/layout";

describe("periods", () => {
  it.each([
    ["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 6 THÁNG ĐẦU NĂM 2020", "months", 6],
    ["Ước TH 9T/2021", "months", 9],
    ["TH 6TĐN 2019", "months", 6],
    ["tháng 5 và 5 tháng năm 2017", "months", 5],
    ["Quý II và 6 tháng đầu năm", "months", 6],
    ["quý III/2022", "quarter", 9],
    ["Báo cáo tháng 10", "month", 10],
    ["Ước thực hiện năm 2021", "year", 12],
    ["12 tháng năm 2020", "year", 12],
  ])("%s is %s of %d months", (text, kind, months) => {
    expect(detectPeriod(text)).toMatchObject({ kind, months });
  });

  it("finds no period where there is none", () => {
    expect(detectPeriod("Chỉ tiêu")).toBeNull();
    expect(detectPeriod("Đơn vị tính")).toBeNull();
  });

  it("tells dated years from spans, price bases, targets and starting points", () => {
    const text =
      "giai đoạn 2021-2025, giá so sánh 2010, đến năm 2025, tầm nhìn 2045, kể từ năm 2011, cùng kỳ năm 2019, KH 2021 - 2025, năm học 2020-2021";
    const roles = Object.fromEntries(yearMentions(text).map((m) => [`${m.year}@${m.index}`, m.role]));
    expect(Object.values(roles).filter((r) => r === "dated")).toHaveLength(1);
    expect(datedYears(text)).toEqual([2019]);
    expect(datedYears("Ước TH 2021/TH 2020 (%)")).toEqual([2021, 2020]);
    expect(datedYears("1.235,6 tỷ đồng; 20.215 người")).toEqual([]);
  });

  it("takes the report year from the period phrase of a title, not from the plan year", () => {
    expect(titleYear("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2021 VÀ KẾ HOẠCH NĂM 2022")).toBe(2021);
    expect(titleYear("BÁO CÁO 6 THÁNG ĐẦU NĂM 2020 (kèm theo báo cáo ngày 15/7/2020)")).toBe(2020);
    expect(titleYear("Biểu 9T-2021")).toBe(2021);
    expect(titleYear("Phụ lục")).toBeNull();
  });
});
