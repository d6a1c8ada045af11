// Rows of an indicator table: group rows ("I. Kinh tế") carry no figures; "Trong đó:" opens a
// partial breakdown and "Chia ra:" / "Bao gồm:" an exhaustive one under the row above; the
// order markers (I, 1, 1.1, a, -, +) give the hierarchy.

import type { Breakdown } from "../model/indicator";
import { fold, tidy } from "../model/text";

export interface RowLabel {
  /** Order marker as found in the STT column or at the start of the name: "I", "1.2", "a", "-". */
  order: string;
  name: string;
  /** A "Trong đó" / "Chia ra" / "Bao gồm" marker on this row, with or without a name after it. */
  marker: Breakdown | null;
  /** The marker names a dimension ("Phân theo giới tính"), so another may follow under the same total. */
  dimension: boolean;
}

// "Tr.đó:" and "T.đó" are how tables abbreviate "Trong đó".
const MARKER =
  /^(trong do|trong so do|tr\. ?do|t\. ?do|chia ra|chia theo|phan theo|bao gom|gom co|gom|cu the|trong do gom)(?![a-z])\s*(?:[^:]*?:)?\s*:?\s*(.*)$/;
const NAME_ORDER = /^((?:[IVXLC]{1,5}|[A-Z]|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]|[-+*•–—])\s*(.+)$/;

/** Splits the order marker and the breakdown marker off a row's name. */
export function readRowLabel(orderCell: string, nameCell: string): RowLabel {
  let order = tidy(orderCell).replace(/[.)]$/, "");
  let name = tidy(nameCell);
  if (order === "" && name !== "") {
    const m = NAME_ORDER.exec(name);
    // "1. Giá trị …", "a) Thu nội địa", "- Thu XNK"; a bare "1.235,6" is a figure, not an order.
    if (m && !/^\d/.test(m[2])) {
      order = m[1].replace(/[.)]$/, "");
      name = m[2].trim();
    }
  }
  const f = fold(name);
  const marker = MARKER.exec(f);
  if (marker) {
    const kind: Breakdown =
      /^(trong do|trong so do|tr\. ?do|t\. ?do)/.test(marker[1]) && marker[1] !== "trong do gom" ? "partial" : "exhaustive";
    // Keep the name after the marker, in its original spelling; "Phân theo giới tính" names the
    // breakdown, not its first member.
    const dimension = /^(chia theo|phan theo)$/.test(marker[1]);
    const rest = marker[2].length > 0 && !dimension ? name.slice(name.length - marker[2].length).replace(/^[:\s]+/, "") : "";
    return { order, name: rest, marker: kind, dimension };
  }
  return { order, name, marker: null, dimension: false };
}

/**
 * Depth of an order marker: A (0) > I (1) > 1 (2) > 1.1 (3) > 1.1.1 (4) > a (5) > - (6) > + (7) > * (8).
 * Null when the row has none.
 */
export function orderRank(order: string, previousSection = ""): number | null {
  if (order === "") return null;
  // "C" after "B" is the third section, not a hundred.
  if (/^[A-Z]$/.test(order) && previousSection.length === 1 && order.charCodeAt(0) === previousSection.charCodeAt(0) + 1) return 0;
  if (/^[IVXLC]{1,5}$/.test(order)) return 1;
  if (/^[A-Z]$/.test(order)) return 0;
  if (/^\d{1,3}$/.test(order)) return 2;
  const dotted = /^\d{1,3}((?:\.\d{1,3})+)$/.exec(order);
  if (dotted) return 2 + dotted[1].split(".").length - 1;
  if (/^[a-zđ]$/.test(order)) return 5;
  if (/^[-–—]$/.test(order)) return 6;
  if (order === "+") return 7;
  if (/^[*•]$/.test(order)) return 8;
  return null;
}

export interface TreeInput {
  row: number;
  order: string;
  marker: Breakdown | null;
  /** Group rows carry no figures and head a section. */
  group: boolean;
  /** False for a bare marker row ("Trong đó:") that names nothing itself. */
  named: boolean;
  /** The marker names a dimension ("Phân theo giới tính"): after the members of one, it opens the total's next breakdown. */
  dimension?: boolean;
}

export interface TreeNode {
  row: number;
  level: number;
  parentRow: number | null;
  /** The breakdown this row is a component of, under parentRow. */
  breakdown: Breakdown | null;
  /** Which breakdown of the parent (1, 2, …): a second "Phân theo …" under one total opens another. */
  block: number | null;
  /** Placed under its parent because the figures add up, not by a marker or an order mark. */
  inferred?: boolean;
  /** The nearest group row above it in the hierarchy. */
  groupRow: number | null;
}

/** A placed row: its node in the tree, with what placing the rows after it needs. */
interface Open extends TreeNode {
  rank: number;
  group: boolean;
}

interface Block {
  parent: Open;
  kind: Breakdown;
  index: number;
  memberRank: number | null | undefined;
  lastMember: Open | null;
}

/** Builds the hierarchy of the named rows, in sheet order. */
export function buildTree(rows: TreeInput[]): TreeNode[] {
  const out: TreeNode[] = [];
  const stack: Open[] = [];
  let block: Block | null = null;
  let lastRank = 2;
  let previous: Open | null = null;

  const blocks = new Map<Open, number>();
  const place = (input: TreeInput, rank: number, parent: Open | null, breakdown: Breakdown | null, block: number | null = null): Open => {
    const node: Open = {
      row: input.row,
      level: parent ? parent.level + 1 : 0,
      parentRow: parent?.row ?? null,
      breakdown,
      block,
      groupRow: parent?.group ? parent.row : (parent?.groupRow ?? null),
      rank,
      group: input.group,
    };
    out.push(node);
    return node;
  };

  let section = "";
  for (let i = 0; i < rows.length; i++) {
    const input = rows[i];
    const explicit = orderRank(input.order, section);
    if (explicit === 0) section = input.order;
    if (input.marker && !input.group) {
      // The marker opens a breakdown of the row above; a named marker row is its first member. A
      // marker right after the members of a breakdown opens the parent's next breakdown.
      const sibling: boolean = input.dimension === true && block !== null && block.lastMember !== null && previous === block.lastMember;
      const parent: Open | null = sibling && block ? block.parent : previous;
      if (parent) {
        const index: number = (blocks.get(parent) ?? 0) + 1;
        blocks.set(parent, index);
        block = { parent, kind: input.marker, index, memberRank: undefined, lastMember: null };
      }
    }
    if (!input.named) continue;
    if (block && !input.group) {
      const parentRank = block.parent.rank;
      const inBlock = explicit === null ? block.memberRank === undefined || block.memberRank === null : explicit > parentRank;
      if (inBlock) {
        if (block.memberRank === undefined) block.memberRank = explicit;
        // A marker deeper than the block's members ("+" under "-") makes a component of the last member.
        const memberParent: Open | null =
          explicit !== null && typeof block.memberRank === "number" && explicit > block.memberRank ? block.lastMember : null;
        const node: Open = memberParent
          ? place(input, explicit as number, memberParent, null)
          : place(input, explicit ?? parentRank + 0.5, block.parent, block.kind, block.index);
        const deeper = memberParent !== null;
        if (!deeper) block.lastMember = node;
        previous = node;
        continue;
      }
    }
    block = null;
    const rank = explicit ?? (input.group ? 1 : lastRank);
    while (stack.length > 0 && stack[stack.length - 1].rank >= rank) stack.pop();
    const node = place(input, rank, stack[stack.length - 1] ?? null, null);
    stack.push(node);
    if (!input.group) lastRank = rank;
    previous = node;
  }
  return out;
}
