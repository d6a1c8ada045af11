import { buildTree, orderRank, readRowLabel, type TreeInput } from "../../src/core/reading/rows";

describe("row labels", () => {
  it.each([
    ["", "Trong đó:", "", "partial"],
    ["", "Chia ra:", "", "exhaustive"],
    ["", "Bao gồm:", "", "exhaustive"],
    ["", "Trong đó: Thu nội địa", "Thu nội địa", "partial"],
    ["", "Kinh tế", "Kinh tế", null],
  ])("%p %p → name %p, marker %p", (order, name, expectedName, marker) => {
    expect(readRowLabel(order, name)).toMatchObject({ name: expectedName, marker });
  });

  it("takes the order marker from the name when there is no STT column", () => {
    expect(readRowLabel("", "I. KINH TẾ")).toMatchObject({ order: "I", name: "KINH TẾ" });
    expect(readRowLabel("", "1. Giá trị sản xuất")).toMatchObject({ order: "1", name: "Giá trị sản xuất" });
    expect(readRowLabel("", "a) Thu nội địa")).toMatchObject({ order: "a", name: "Thu nội địa" });
    expect(readRowLabel("", "- Thu XNK")).toMatchObject({ order: "-", name: "Thu XNK" });
    expect(readRowLabel("1.", "Tổng thu")).toMatchObject({ order: "1", name: "Tổng thu" });
  });

  it("ranks order markers from sections down to bullets", () => {
    expect(["A", "I", "1", "1.1", "1.1.1", "a", "-", "+", "*"].map((o) => orderRank(o))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(orderRank("C", "B")).toBe(0);
    expect(orderRank("C")).toBe(1);
    expect(orderRank("")).toBeNull();
  });
});

describe("buildTree", () => {
  const row = (r: number, order: string, extra: Partial<TreeInput> = {}): TreeInput => ({
    row: r,
    order,
    marker: null,
    group: false,
    named: true,
    ...extra,
  });

  it("nests groups, indicators and breakdown blocks", () => {
    const tree = buildTree([
      row(0, "I", { group: true }),
      row(1, "1"),
      row(2, "2"),
      row(3, "", { marker: "partial", named: false }),
      row(4, "-"),
      row(5, "-"),
      row(6, "3"),
      row(7, "", { marker: "exhaustive", named: false }),
      row(8, "-"),
      row(9, "+"),
      row(10, "-"),
      row(11, "II", { group: true }),
      row(12, "4"),
    ]);
    const at = (r: number) => tree.find((n) => n.row === r)!;
    expect(at(1)).toMatchObject({ parentRow: 0, groupRow: 0, breakdown: null, level: 1 });
    expect(at(4)).toMatchObject({ parentRow: 2, breakdown: "partial" });
    expect(at(5)).toMatchObject({ parentRow: 2, breakdown: "partial" });
    expect(at(6)).toMatchObject({ parentRow: 0, breakdown: null });
    expect(at(8)).toMatchObject({ parentRow: 6, breakdown: "exhaustive" });
    expect(at(9)).toMatchObject({ parentRow: 8, breakdown: null });
    expect(at(10)).toMatchObject({ parentRow: 6, breakdown: "exhaustive" });
    expect(at(12)).toMatchObject({ parentRow: 11, groupRow: 11 });
    expect(tree.some((n) => n.row === 3 || n.row === 7)).toBe(false);
  });

  it("keeps unnumbered rows of a block inside it and ends the block at the next numbered row", () => {
    const tree = buildTree([row(0, "1"), row(1, "", { marker: "exhaustive", named: false }), row(2, ""), row(3, ""), row(4, "2")]);
    expect(tree.map((n) => n.parentRow)).toEqual([null, 0, 0, null]);
  });

  it("opens a block on a named marker row, which is its first member", () => {
    const tree = buildTree([row(0, "1"), row(1, "", { marker: "partial" }), row(2, "2")]);
    expect(tree[1]).toMatchObject({ row: 1, parentRow: 0, breakdown: "partial" });
    expect(tree[2]).toMatchObject({ row: 2, parentRow: null });
  });
});
