// Random and hostile indicator sheets for property tests: merges everywhere, error values,
// 10,000-character cells, graphemes, every kind of number format.
import fc from "fast-check";
import type { CellValue, SheetSnapshot } from "../../src/core/model/snapshot";

const vocabulary = [
  "STT",
  "Chỉ tiêu",
  "ĐVT",
  "KH năm 2020",
  "TH 6T/2019",
  "CK 9T/2029",
  "Ước TH 6T/2020",
  "So sánh (%)",
  "TH/KH",
  "Trong đó:",
  "Chia ra:",
  "Cơ cấu kinh tế",
  "Tỷ lệ hộ nghèo",
  "I",
  "1",
  "-",
  "+",
  "khoảng 10.000",
  "6,6-6,8",
  "1.235,6",
  "12,500.0",
  "108,987",
  "%",
  "Tỷ đồng",
  "triệu USD",
  "n/a",
];
export const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...vocabulary),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constant("ấ".repeat(10_000)),
  fc.double(),
  fc.integer({ min: -1e9, max: 1e12 }),
  fc.constant(null),
  fc.boolean(),
  fc.record({ error: fc.constantFrom("#DIV/0!", "#N/A", "#REF!", "#VALUE!") }),
);
const header = fc.shuffledSubarray(
  [
    "STT",
    "Chỉ tiêu",
    "ĐVT",
    "Kế hoạch năm 2020",
    "TH 6 tháng 2019",
    "Ước TH 6 tháng 2020",
    "TH/KH (%)",
    "So với cùng kỳ (%)",
    "Đánh giá",
  ] as CellValue[],
  { minLength: 2 },
);
const formats = fc.constantFrom(null, "0.0", "0.0%", "#,##0", '0.0" tỷ"', "@", "General", "dd/mm/yyyy", "#,##0.00;[Red]-#,##0.00");
export const hostileSheet: fc.Arbitrary<SheetSnapshot> = fc
  .tuple(
    fc.array(cell, { maxLength: 3 }),
    header,
    fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
    fc.array(fc.tuple(fc.nat(30), fc.nat(10), fc.nat(2), fc.nat(4)), { maxLength: 12 }),
    formats,
  )
  .map(([title, h, body, merges, format]) => {
    const values = [title, h, ...body];
    return {
      name: "S",
      values,
      numberFormats: values.map((row) => row.map(() => format)),
      merges: merges.map(([r, c, dh, dw]) => ({ top: r, left: c, bottom: r + dh, right: c + dw })),
    };
  });
