// Builds snapshots by hand for core tests: rows of values, merged areas as A1 ranges.
import { parseAddress, type Area, type CellValue, type SheetSnapshot } from "../../src/core/model/snapshot";

export function area(range: string): Area {
  const [a, b = a] = range.split(":");
  const from = parseAddress(a)!;
  const to = parseAddress(b)!;
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

export function sheet(name: string, values: CellValue[][], merges: string[] = [], numberFormats?: (string | null)[][]): SheetSnapshot {
  return { name, values, merges: merges.map(area), numberFormats };
}
