// The Open Packaging Conventions both readers follow (.xlsx and .docx): parts found through their
// relationships, relative targets resolved against the source part's folder, part names that some
// writers percent-encode and others do not.

import { END, OPEN, XmlReader } from "./xml";
import type { ZipArchive } from "./zip";

export interface Relationship {
  id: string | null;
  type: string;
  /** The target as a part name of the package. */
  target: string;
}

/** The folder of a part, with its trailing slash ("xl/" for "xl/workbook.xml"). */
export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** The part holding a part's relationships ("" for the package's own): "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

/** A relationship target as a part name: relative to the source's folder, or absolute from the root. */
function resolvePart(folder: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

/** A part's text by its name as a relationship gives it (percent-encoded in the zip, or, from some writers, not). */
export async function partText(zip: ZipArchive, part: string): Promise<string | null> {
  const text = await zip.text(part);
  if (text !== null) return text;
  let decoded = part;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    return null;
  }
  return decoded === part ? null : zip.text(decoded);
}

/** The internal relationships of a part ("" for the package's own), in the order written. */
export async function relationships(zip: ZipArchive, part: string): Promise<Relationship[]> {
  const found: Relationship[] = [];
  const folder = folderOf(part);
  const xml = await partText(zip, relsPartOf(part));
  if (xml === null) return found;
  const reader = new XmlReader(xml);
  for (let event = reader.next(); event !== END; event = reader.next()) {
    if (event !== OPEN || reader.name !== "Relationship") continue;
    const target = reader.attr("Target");
    if (target === null || reader.attr("TargetMode") === "External") continue;
    found.push({ id: reader.attr("Id"), type: reader.attr("Type") ?? "", target: resolvePart(folder, target) });
  }
  return found;
}

/** The part a relationship of this kind points to (transitional and strict OOXML types end alike). */
export function partOfType(rels: readonly Relationship[], kind: string): string | null {
  return rels.find((rel) => rel.type.endsWith(`/${kind}`))?.target ?? null;
}
