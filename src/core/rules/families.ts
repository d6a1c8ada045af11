// How the rows of a sheet relate, for the rules that look at totals and their components: an
// indicator is known by its row and, in a stacked row, its line; a parent's components are grouped
// by breakdown ("Phân theo khu vực", then "Phân theo giới tính" under the same total).

import type { Indicator, IndicatorSheet } from "../model/indicator";

export const indicatorKey = (ind: Pick<Indicator, "row" | "line">): string => `${ind.row}:${ind.line}`;

export const parentKey = (ind: Pick<Indicator, "parentRow" | "parentLine">): string | null =>
  ind.parentRow === null ? null : `${ind.parentRow}:${ind.parentLine}`;

export interface SheetIndex {
  byKey: Map<string, Indicator>;
  /** The components of each parent, in sheet order. */
  children: Map<string, Indicator[]>;
}

const indexes = new WeakMap<IndicatorSheet, SheetIndex>();

/** The rows of a sheet by row and line, and the components of each (worked out once per sheet). */
export function indexOf(sheet: IndicatorSheet): SheetIndex {
  let found = indexes.get(sheet);
  if (found) return found;
  const byKey = new Map<string, Indicator>();
  const children = new Map<string, Indicator[]>();
  for (const ind of sheet.indicators) if (!byKey.has(indicatorKey(ind))) byKey.set(indicatorKey(ind), ind);
  for (const ind of sheet.indicators) {
    const pk = parentKey(ind);
    if (pk === null || pk === indicatorKey(ind) || !byKey.has(pk)) continue;
    const list = children.get(pk);
    if (list) list.push(ind);
    else children.set(pk, [ind]);
  }
  found = { byKey, children };
  indexes.set(sheet, found);
  return found;
}

export function childrenOf(sheet: IndicatorSheet, ind: Indicator): Indicator[] {
  return indexOf(sheet).children.get(indicatorKey(ind)) ?? [];
}

export function parentOf(sheet: IndicatorSheet, ind: Indicator): Indicator | null {
  const pk = parentKey(ind);
  return pk === null || pk === indicatorKey(ind) ? null : (indexOf(sheet).byKey.get(pk) ?? null);
}

/** Every parent with the components of one of its breakdowns: one family per parent and breakdown. */
export function familiesOf(sheet: IndicatorSheet): Array<{ parent: Indicator; children: Indicator[] }> {
  const out: Array<{ parent: Indicator; children: Indicator[] }> = [];
  const { byKey, children } = indexOf(sheet);
  for (const [key, list] of children) {
    const parent = byKey.get(key) as Indicator;
    const blocks = new Map<number, Indicator[]>();
    for (const c of list) {
      const b = c.breakdownBlock ?? 0;
      const members = blocks.get(b);
      if (members) members.push(c);
      else blocks.set(b, [c]);
    }
    for (const members of blocks.values()) out.push({ parent, children: members });
  }
  return out;
}
