// Writes a zip archive from entries that are either copied as stored (their compressed bytes kept
// exactly, never inflated) or new (deflated here). Copying is what keeps every part chitieu does
// not change byte for byte, and what makes writing a large workbook cost little more than copying
// it. Deflating uses Node's zlib where it is available, the browser's CompressionStream otherwise.

import type { StoredEntry } from "./zip";

export type NewEntry = { name: string; bytes: Uint8Array };
export type OutEntry = StoredEntry | NewEntry;

interface NodeZlib {
  deflateRawSync(data: Uint8Array, options: { level: number }): Uint8Array;
  crc32?(data: Uint8Array): number;
}

const nodeZlib = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("node:zlib") as
  NodeZlib | undefined;

async function webDeflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

let crcTable: Uint32Array | null = null;

/** CRC-32 as zip records it (Node's zlib computes it natively where it has it). */
export function crc32(data: Uint8Array): number {
  if (nodeZlib?.crc32) return nodeZlib.crc32(data) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function store(entry: NewEntry): Promise<StoredEntry> {
  const data = nodeZlib ? nodeZlib.deflateRawSync(entry.bytes, { level: 6 }) : await webDeflate(entry.bytes);
  return { name: entry.name, method: 8, crc: crc32(entry.bytes), compressedSize: data.length, size: entry.bytes.length, data };
}

const MAX32 = 0xffffffff;
/** Bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;

/** The archive of these entries, in this order. Archives of 4 GiB and more are not written. */
export async function writeZip(entries: readonly OutEntry[]): Promise<Uint8Array> {
  const stored = await Promise.all(entries.map((entry) => ("bytes" in entry ? store(entry) : entry)));
  const encoder = new TextEncoder();
  const names = stored.map((entry) => encoder.encode(entry.name));
  let size = 22;
  stored.forEach((entry, i) => (size += 30 + names[i].length + entry.data.length + 46 + names[i].length));
  if (size > MAX32 || stored.length > 0xffff) throw new RangeError("the workbook would be 4 GiB or more");
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (signature: number, entry: StoredEntry, name: Uint8Array, central: boolean) => {
    view.setUint32(at, signature, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true); // made by: version 2.0
      at += 2;
    }
    view.setUint16(at, 20, true); // needed to extract: 2.0 (deflate)
    view.setUint16(at + 2, /[^\x20-\x7e]/.test(entry.name) ? UTF8_NAME : 0, true);
    view.setUint16(at + 4, entry.method, true);
    view.setUint16(at + 6, 0, true); // time
    view.setUint16(at + 8, 0x21, true); // date: 1980-01-01, as Office writes it
    view.setUint32(at + 10, entry.crc, true);
    view.setUint32(at + 14, entry.compressedSize, true);
    view.setUint32(at + 18, entry.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, 0, true); // extra
    at += 26;
  };
  stored.forEach((entry, i) => {
    offsets.push(at);
    header(0x04034b50, entry, names[i], false);
    out.set(names[i], at);
    at += names[i].length;
    out.set(entry.data, at);
    at += entry.data.length;
  });
  const directory = at;
  stored.forEach((entry, i) => {
    header(0x02014b50, entry, names[i], true);
    // comment length, disk, internal and external attributes, local header offset
    view.setUint16(at, 0, true);
    view.setUint16(at + 2, 0, true);
    view.setUint16(at + 4, 0, true);
    view.setUint32(at + 6, 0, true);
    view.setUint32(at + 10, offsets[i], true);
    at += 14;
    out.set(names[i], at);
    at += names[i].length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, stored.length, true);
  view.setUint16(at + 10, stored.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
