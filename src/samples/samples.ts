// Sample workbooks that look like real provincial reports, built from the figures of published
// provincial reports (those figures are marked "seed"; the rest are plausible companions chosen so
// that every stated percentage agrees with the figures). The report texts with the same figures, in
// our own words, are test/fixtures/reports.
//   tuyen-quang-6-thang-2020: seed 001 — industry 7.966 tỷ đồng = 44,2% of 18.029, +6% on 2019.
//   thai-nguyen-nam-2021:     seed 000 — annual 2021, text numbers, range plans, next year's plan.
//   lang-son-9-thang-2021:    seed 002 — budget 8.127,9 tỷ đồng = 139,9% of plan, +66%; a cover sheet.
//   bao-cao-9-thang-2020:     seed 003 — English-style numbers, units in names, % formatted ratios.

import type ExcelJS from "exceljs";
import { addTable, newWorkbook } from "./sheetBuilder";

export interface Sample {
  file: string;
  description: string;
  build(): ExcelJS.Workbook;
}

function tuyenQuang6Months2020(): ExcelJS.Workbook {
  const wb = newWorkbook();
  addTable(wb, {
    sheetName: "Biểu 01",
    titles: [
      "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG",
      "Biểu số 01",
      "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 6 THÁNG ĐẦU NĂM 2020",
      "(Kèm theo Báo cáo số      /BC-UBND ngày    tháng 7 năm 2020 của Ủy ban nhân dân tỉnh)",
    ],
    headerRow: 6,
    headerHeight: 2,
    header: [
      { at: "A6:A7", text: "STT" },
      { at: "B6:B7", text: "Chỉ tiêu" },
      { at: "C6:C7", text: "Đơn vị tính" },
      { at: "D6:D7", text: "Kế hoạch năm 2020" },
      { at: "E6:E7", text: "Thực hiện 6 tháng đầu năm 2019" },
      { at: "F6:F7", text: "Ước thực hiện 6 tháng đầu năm 2020" },
      { at: "G6:H6", text: "So sánh (%)" },
      { at: "G7", text: "TH/KH năm" },
      { at: "H7", text: "So với cùng kỳ" },
      { at: "I6:I7", text: "Ghi chú" },
    ],
    numberRow: ["A", "B", "C", "1", "2", "3", "4=3/1", "5=3/2", "6"],
    widths: [6, 52, 12, 13, 13, 13, 10, 10, 14],
    formats: { 7: "0.0", 8: "0.0" },
    boldRows: [0, 12, 16],
    rows: [
      ["I", "Kinh tế"],
      ["1", "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "%", 8, 7.02, 2.7],
      ["2", "Giá trị sản xuất công nghiệp (giá so sánh 2010)", "Tỷ đồng", 18029, 7515.1, 7966, 44.2, 106.0],
      ["3", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Tỷ đồng", 36150, 10095.4, 10267, 28.4, 101.7],
      ["4", "Giá trị xuất khẩu", "Triệu USD", 135, 40, 42, 31.1, 105.0],
      ["5", "Khách du lịch", "Lượt", 2043500, 1248900, 549500, 26.9, 44.0],
      ["6", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 2310, 1003.5, 961.1, 41.6, 95.8],
      ["", "Trong đó:"],
      ["-", "Thu nội địa", "Tỷ đồng", 2150, 930.2, 895.4, 41.6, 96.3],
      ["-", "Thu từ hoạt động xuất nhập khẩu", "Tỷ đồng", 160, 73.3, 65.7, 41.1, 89.6],
      ["7", "Tổng vốn đăng ký của các dự án được chấp thuận chủ trương đầu tư", "Tỷ đồng", null, 2105.2, 1235.6, null, 58.7],
      ["8", "Số dự án được chấp thuận chủ trương đầu tư", "Dự án", null, 21, 17, null, 81.0],
      ["II", "Xã hội"],
      ["9", "Số lao động được giải quyết việc làm", "Người", 20000, 9850, 10150, 50.8, 103.0],
      ["10", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 93.5, 92.1, 92.4],
      ["11", "Số xã đạt chuẩn nông thôn mới (lũy kế)", "Xã", 58, 42, 47, 81.0, 111.9],
      ["III", "Môi trường"],
      ["12", "Tỷ lệ che phủ rừng", "%", 65, 64.8, 65],
      ["13", "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", 92, 90, 91.5],
    ],
    notes: ["Ghi chú: số liệu 6 tháng đầu năm 2020 là số ước thực hiện."],
  });
  return wb;
}

function thaiNguyenYear2021(): ExcelJS.Workbook {
  const wb = newWorkbook();
  addTable(wb, {
    sheetName: "Phụ lục 1",
    titles: ["ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2021 VÀ KẾ HOẠCH NĂM 2022", "(Số liệu ước thực hiện cả năm)"],
    headerRow: 5,
    headerHeight: 1,
    header: [
      { at: "A5", text: "TT" },
      { at: "B5", text: "Chỉ tiêu chủ yếu" },
      { at: "C5", text: "ĐVT" },
      { at: "D5", text: "TH năm 2020" },
      { at: "E5", text: "KH năm 2021" },
      { at: "F5", text: "Ước TH năm 2021" },
      { at: "G5", text: "Ước TH 2021/TH 2020 (%)" },
      { at: "H5", text: "Đánh giá" },
      { at: "I5", text: "KH năm 2022" },
    ],
    widths: [5, 55, 14, 12, 14, 12, 14, 12, 12],
    boldRows: [0, 6, 12],
    rows: [
      ["A", "CÁC CHỈ TIÊU KINH TẾ"],
      ["1", "Tốc độ tăng trưởng GRDP (giá so sánh 2010)", "%", "3,13", "6,5-7", "6,56", "", "Đạt", "7"],
      ["2", "Giá trị sản xuất công nghiệp (giá so sánh 2010)", "Nghìn tỷ đồng", "783,7", "850", "844", "107,7", "Không đạt", "900"],
      ["3", "Giá trị xuất khẩu", "Tỷ USD", "24,457", "28", "28,845", "117,9", "Vượt", "30"],
      ["4", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "15.132", "15.600", "16.750", "110,7", "Vượt", "17.200"],
      ["5", "Giá trị sản xuất nông, lâm nghiệp và thủy sản (giá so sánh 2010)", "Tỷ đồng", "34.980", "36.200", "36.442,2", "104,2", "Vượt", "37.500"],
      ["B", "CÁC CHỈ TIÊU XÃ HỘI"],
      ["6", "Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều)", "%", "2,82", "2,5", "2,17", "", "Vượt", "1,9"],
      ["7", "Tỷ lệ thất nghiệp khu vực thành thị", "%", "2,9", "Dưới 4", "3,1", "", "Đạt", "Dưới 4"],
      ["8", "Tỷ lệ lao động qua đào tạo", "%", "70,5", "Khoảng 71", "71,2", "", "Đạt", "72"],
      ["9", "Số lao động được tạo việc làm mới", "Người", "15.120", "15.000", "15.250", "100,9", "Vượt", "15.500"],
      ["10", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "95,8", "96", "95,6", "", "Không đạt", "96,5"],
      ["C", "CÁC CHỈ TIÊU MÔI TRƯỜNG"],
      ["11", "Tỷ lệ che phủ rừng", "%", "53,3", "Trên 53", "53,4", "", "Đạt", "Trên 53"],
      ["12", "Tỷ lệ dân cư nông thôn được sử dụng nước hợp vệ sinh", "%", "98,2", "Từ 98,5% trở lên", "99,0", "", "Đạt", "99"],
    ],
  });
  const notes = wb.addWorksheet("Ghi chú");
  notes.getCell("A1").value = "Ghi chú";
  notes.getCell("A2").value = "Số liệu năm 2021 là số ước thực hiện; số liệu chính thức sẽ được cập nhật sau khi Cục Thống kê công bố.";
  notes.getColumn(1).width = 100;
  return wb;
}

function langSon9Months2021(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const cover = wb.addWorksheet("Bìa");
  cover.getColumn(1).width = 90;
  cover.getCell("A3").value = "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 9 THÁNG ĐẦU NĂM 2021";
  cover.getCell("A4").value = "Nhiệm vụ trọng tâm quý IV/2021";
  cover.getCell("A6").value = "Lạng Sơn, tháng 9 năm 2021";
  addTable(wb, {
    sheetName: "Biểu KT-XH",
    titles: ["ƯỚC THỰC HIỆN MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2021", ""],
    headerRow: 4,
    headerHeight: 2,
    header: [
      { at: "A4:A5", text: "STT" },
      { at: "B4:B5", text: "Nội dung" },
      { at: "C4:C5", text: "Đơn vị" },
      { at: "D4:E4", text: "Năm 2021" },
      { at: "D5", text: "Kế hoạch giao" },
      { at: "E5", text: "Ước TH 9 tháng" },
      { at: "F4:F5", text: "Cùng kỳ năm 2020" },
      { at: "G4:H4", text: "So sánh (%)" },
      { at: "G5", text: "Với KH năm" },
      { at: "H5", text: "Với cùng kỳ" },
      { at: "I4:I5", text: "Ghi chú" },
    ],
    numberRow: ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)=(5)/(4)", "(8)=(5)/(6)", "(9)"],
    widths: [6, 50, 13, 12, 13, 12, 10, 10, 12],
    formats: { 7: "0.0", 8: "0.0" },
    boldRows: [0, 10, 14],
    rows: [
      ["I", "KINH TẾ"],
      ["1", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 5810, "8.127,9", 4896.3, 139.9, 166.0],
      ["", "Chia ra:"],
      ["-", "Thu nội địa", "Tỷ đồng", 3300, 4227.9, 2796.3, 128.1, 151.2],
      ["-", "Thu từ hoạt động xuất nhập khẩu", "Tỷ đồng", 2510, 3900, 2100, 155.4, 185.7],
      ["2", "Giá trị sản xuất công nghiệp (giá so sánh 2010)", "Tỷ đồng", 12500, "9.015,6", 8402.1, 72.1, 107.3],
      ["3", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Tỷ đồng", 24000, 16850.5, 15910.2, 70.2, 105.9],
      ["4", "Kim ngạch xuất nhập khẩu qua địa bàn", "Triệu USD", 4500, 2916.4, 3402.7, 64.8, 85.7],
      ["5", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 320, 236, 251, 73.8, 94.0],
      ["6", "Tổng vốn đầu tư phát triển toàn xã hội", "Tỷ đồng", 21000, 14680, 13950.3, 69.9, 105.2],
      ["II", "VĂN HÓA - XÃ HỘI"],
      ["7", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 98.5, 97.9, 98.1],
      ["8", "Số lao động được giải quyết việc làm", "Người", 16000, "11.520", 11790, 72.0, 97.7],
      ["9", "Số xã đạt chuẩn nông thôn mới (lũy kế)", "Xã", 98, 91, 79, 92.9, 115.2],
      ["III", "MÔI TRƯỜNG"],
      ["10", "Tỷ lệ che phủ rừng", "%", 63.5, 63.3, 63],
    ],
    notes: ["Nguồn: Cục Thống kê tỉnh, Sở Tài chính."],
  });
  return wb;
}

function report9Months2020(): ExcelJS.Workbook {
  const wb = newWorkbook();
  addTable(wb, {
    sheetName: "9T-2020",
    titles: ["TÌNH HÌNH THỰC HIỆN CHỈ TIÊU 9 THÁNG NĂM 2020"],
    headerRow: 3,
    headerHeight: 1,
    header: [
      { at: "A3", text: "Chỉ tiêu" },
      { at: "B3", text: "KH 2020" },
      { at: "C3", text: "TH 9T/2019" },
      { at: "D3", text: "ƯTH 9T/2020" },
      { at: "E3", text: "% KH" },
      { at: "F3", text: "% CK" },
    ],
    widths: [60, 12, 12, 12, 9, 9],
    formats: { 5: "0.0%", 6: "0.0%" },
    rows: [
      ["Giá trị sản xuất công nghiệp (giá so sánh 2010) (tỷ đồng)", "1,370.1", "912.5", "945.4", 0.69, 1.036],
      ["Sản lượng lương thực có hạt (tấn)", "173,800", "176,450", "179,014", 1.03, 1.015],
      ["Số xã đạt chuẩn nông thôn mới (xã)", 21, 15, 19, 0.905, 1.267],
      ["Số hợp tác xã thành lập mới (hợp tác xã)", 45, 30, 37, 0.822, 1.233],
      ["Tổng thu ngân sách nhà nước trên địa bàn (tỷ đồng)", "2,450.0", "1,815.3", "1,702.6", 0.695, 0.938],
      ["Tỷ lệ che phủ rừng (%)", 73.1, 73, 73.1],
    ],
  });
  return wb;
}

export const SAMPLES: Sample[] = [
  { file: "tuyen-quang-6-thang-2020.xlsx", description: "6 tháng 2020, tiêu đề hai dòng gộp ô, dòng số thứ tự cột, khối “Trong đó”", build: tuyenQuang6Months2020 },
  { file: "thai-nguyen-nam-2021.xlsx", description: "cả năm 2021, số nhập dạng chữ, kế hoạch khoảng, cột kế hoạch năm sau, trang ghi chú", build: thaiNguyenYear2021 },
  { file: "lang-son-9-thang-2021.xlsx", description: "9 tháng 2021, nhóm cột “Năm 2021”, khối “Chia ra”, trang bìa", build: langSon9Months2021 },
  { file: "bao-cao-9-thang-2020.xlsx", description: "9 tháng 2020, số kiểu tiếng Anh, đơn vị trong tên, cột % định dạng phần trăm", build: report9Months2020 },
];
