// Sheets with one indicator per narrative case (kind and direction), as snapshots.
import type { CellValue } from "../../src/core/model/snapshot";
import { sheet } from "../helpers/grid";

export const WHOLE_YEAR_ROWS: CellValue[][] = [
  ["BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2021"],
  [],
  ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2020", "Kế hoạch năm 2021", "Thực hiện năm 2021"],
  ["I", "Kinh tế"],
  ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 1000, 1200, 1100],
  ["2", "Khách du lịch", "Lượt", 500000, 400000, 450000],
  ["3", "Tổng vốn đầu tư phát triển toàn xã hội", "Tỷ đồng", 100, 300, 250],
  ["4", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 200, null, 236],
  ["5", "Số dự án đầu tư trực tiếp nước ngoài", "Dự án", 0, 5, 3],
  ["II", "Xã hội"],
  ["6", "Tỷ lệ che phủ rừng", "%", 64.8, 65, 65.3],
  ["7", "Tỷ lệ hộ nghèo", "%", 2.82, "Dưới 2,5", 2.17],
  ["8", "Tỷ lệ thất nghiệp khu vực thành thị", "%", 3, 3, 3.4],
  ["9", "Số vụ tai nạn giao thông", "Vụ", 100, 90, 80],
];

export const PART_YEAR_ROWS: CellValue[][] = [
  ["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 6 THÁNG ĐẦU NĂM 2020"],
  [],
  ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2020", "Thực hiện 6 tháng đầu năm 2019", "Ước thực hiện 6 tháng đầu năm 2020"],
  ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 18029, 7515.1, 7966],
  ["2", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 2310, 1003.5, 961.1],
  ["3", "Tỷ lệ che phủ rừng", "%", 65, 64.8, 65],
  ["4", "Chỉ số sản xuất công nghiệp (IIP)", "%", null, null, 105.2],
];

export const wholeYear = () => sheet("Biểu 01", WHOLE_YEAR_ROWS);
export const partYear = () => sheet("Biểu 01", PART_YEAR_ROWS);
