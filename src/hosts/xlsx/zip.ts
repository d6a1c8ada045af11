// The zip container of an .xlsx or .docx file, read from its central directory. Entries are
// inflated only when asked for, so the parts a check does not use (drawings, printer settings,
// images) cost nothing. Inflating uses the platform: Node's zlib where it is available (several
// times faster), the browser's DecompressionStream otherwise. What a hostile file could use is
// refused before anything is inflated: a part announcing more than MAX_PART_BYTES, entries whose
// data overlap (one compressed block read as many parts), names that differ only in case (two
// readers would pick different ones), and a part that declares a DOCTYPE (entities can make one
// reader see other text than another).

import { ExplainedError } from "../../core/model/errors";

/** Why a zip cannot be read; the caller turns it into a message for the user. */
export class ZipError extends Error {}

/** A package refused for what it holds rather than for damage, with the reason in both languages. */
export class UnsafePackageError extends ExplainedError {}

/** No part is inflated past this: a real sheet or document part is a few megabytes, the largest tens. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

interface Entry {
  /** The name as the archive spells it. */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** An entry as stored: its compressed bytes, copied into a new archive without inflating them. */
export interface StoredEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
}

/** Inflates raw deflate data that the directory says makes `size` bytes. */
type Inflate = (data: Uint8Array, size: number) => Promise<Uint8Array>;

interface NodeZlib {
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number }): Uint8Array;
}

/** Inflating with the browser's DecompressionStream (also in Node, but slower there than zlib). */
export const webInflate: Inflate = async (data, size) => {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const out = new Uint8Array(size);
  for (let length = 0; ;) {
    const { done, value } = await reader.read();
    if (done) return out.subarray(0, length);
    if (length + value.length > size) {
      await reader.cancel();
      throw new ZipError(`inflates past its recorded ${size} bytes`);
    }
    out.set(value, length);
    length += value.length;
  }
};

function platformInflate(): Inflate {
  // Node ≥ 20.16 hands out built-in modules without `require`, which a browser bundle lacks.
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = node?.getBuiltinModule?.("node:zlib") as NodeZlib | undefined;
  // Never more than the directory announces: a small damaged or hostile entry cannot inflate to gigabytes.
  return zlib ? async (data, size) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) }) : webInflate;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const MAX32 = 0xffffffff;

/**
 * Where the end-of-central-directory record starts, -1 when the file has none (not a zip, or cut
 * short). It sits in the last 64 KiB, and its comment runs to the end of the file (a comment may
 * itself hold the signature).
 */
export function endRecordAt(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === EOCD && view.getUint16(i + 20, true) === bytes.length - i - 22) return i;
  }
  return -1;
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private readonly view: DataView;
  private readonly inflate: Inflate;

  constructor(
    private readonly bytes: Uint8Array,
    inflate: Inflate = platformInflate(),
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.inflate = inflate;
    this.readDirectory();
  }

  /** Whether the archive holds an entry of this name (compared without case, as OPC part names are). */
  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The entries' names as the archive spells them. */
  names(): string[] {
    return [...this.entries.values()].map((entry) => entry.name);
  }

  /** Every entry as stored, in the order of the file. */
  stored(): StoredEntry[] {
    return [...this.entries.values()]
      .sort((a, b) => a.localOffset - b.localOffset)
      .map((entry) => ({
        name: entry.name,
        method: entry.method,
        crc: entry.crc,
        compressedSize: entry.compressedSize,
        size: entry.size,
        data: this.compressed(entry),
      }));
  }

  /** The entry's compressed bytes, after its local header. */
  private compressed(entry: Entry): Uint8Array {
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.view.getUint32(at, true) !== LOCAL_ENTRY)
      throw new ZipError(`entry ${entry.name} has no local header`);
    const start = at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new ZipError(`entry ${entry.name} runs past the end of the file`);
    return this.bytes.subarray(start, end);
  }

  /** The entry's bytes, or null when the archive has no such entry (OPC part names are compared without case). */
  async read(name: string): Promise<Uint8Array | null> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return null;
    if (entry.flags & 1) throw new ZipError(`entry ${name} is encrypted`);
    if (entry.size > MAX_PART_BYTES)
      throw new UnsafePackageError(
        `tệp có phần "${name}" quá lớn (${Math.round(entry.size / 1048576)} MB khi giải nén, giới hạn ${MAX_PART_BYTES / 1048576} MB)`,
        `part "${name}" inflates to ${entry.size} bytes, more than the ${MAX_PART_BYTES} allowed`,
      );
    const data = this.compressed(entry);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else if (entry.method === 8) {
      try {
        out = await this.inflate(data, entry.size);
      } catch (error) {
        throw new ZipError(`entry ${name} cannot be inflated: ${(error as Error).message}`);
      }
    } else throw new ZipError(`entry ${name} uses compression method ${entry.method}`);
    // A damaged entry that still inflates almost never keeps its recorded size.
    if (out.length !== entry.size) throw new ZipError(`entry ${name} inflates to ${out.length} bytes, not ${entry.size}`);
    return out;
  }

  async text(name: string): Promise<string | null> {
    const bytes = await this.read(name);
    if (bytes === null) return null;
    let text: string;
    try {
      text = new TextDecoder().decode(bytes);
    } catch (error) {
      // Past the engine's longest string (about 512 MiB in V8).
      throw new ZipError(`entry ${name} is too large to read as text: ${(error as Error).message}`);
    }
    // Office never writes a DOCTYPE; one with entities makes this reader and others see different text.
    if (text.includes("<!DOCTYPE"))
      throw new UnsafePackageError(
        `tệp có phần "${name}" khai báo DOCTYPE, điều Excel và Word không bao giờ ghi; tệp có thể đã bị sửa để đánh lừa trình đọc`,
        `part "${name}" declares a DOCTYPE, which Office never writes`,
      );
    return text;
  }

  private readDirectory(): void {
    const { view, bytes } = this;
    const eocd = endRecordAt(bytes);
    if (eocd < 0) throw new ZipError("no end of central directory");
    let count = view.getUint16(eocd + 10, true);
    let offset = view.getUint32(eocd + 16, true);
    if ((count === 0xffff || offset === MAX32) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_EOCD_LOCATOR) {
      const zip64 = Number(view.getBigUint64(eocd - 12, true));
      if (zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== ZIP64_EOCD) throw new ZipError("bad zip64 directory");
      count = Number(view.getBigUint64(zip64 + 32, true));
      offset = Number(view.getBigUint64(zip64 + 48, true));
    }
    const decoder = new TextDecoder();
    for (let i = 0, at = offset; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_ENTRY) throw new ZipError("bad central directory");
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      const entry: Entry = {
        name,
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        crc: view.getUint32(at + 16, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        localOffset: view.getUint32(at + 42, true),
      };
      if (entry.size === MAX32 || entry.compressedSize === MAX32 || entry.localOffset === MAX32)
        this.readZip64Extra(entry, at + 46 + nameLength, extraLength);
      if (!name.endsWith("/")) {
        const key = name.toLowerCase();
        if (this.entries.has(key))
          throw new UnsafePackageError(
            `tệp có hai phần cùng tên "${name}" (chỉ khác chữ hoa, chữ thường): các phần mềm sẽ đọc khác nhau`,
            `two entries are named "${name}" but for case: readers would pick different ones`,
          );
        this.entries.set(key, entry);
      }
      at += 46 + nameLength + extraLength + commentLength;
    }
    this.refuseOverlaps();
  }

  /**
   * Entries whose data overlap (one compressed block read as several parts, a zip bomb's trick),
   * and entries without their local header: every entry is checked, read or not, since writing
   * copies them all.
   */
  private refuseOverlaps(): void {
    const sorted = [...this.entries.values()].sort((a, b) => a.localOffset - b.localOffset);
    for (const entry of sorted) this.compressed(entry);
    for (let i = 1; i < sorted.length; i++) {
      // A local header is at least 30 bytes before its data.
      if (sorted[i - 1].localOffset + 30 + sorted[i - 1].compressedSize > sorted[i].localOffset)
        throw new UnsafePackageError(
          "tệp có các phần dùng chung dữ liệu nén (chồng lên nhau), điều Excel không bao giờ ghi",
          "entries of the archive overlap, which Office never writes",
        );
    }
  }

  /** Sizes and offsets of 4 GiB and more (some writers use this form for every entry). */
  private readZip64Extra(entry: Entry, from: number, length: number): void {
    const { view } = this;
    for (let at = from; at + 4 <= from + length;) {
      const id = view.getUint16(at, true);
      const size = view.getUint16(at + 2, true);
      if (id === 0x0001) {
        let field = at + 4;
        const next = () => {
          const value = Number(view.getBigUint64(field, true));
          field += 8;
          return value;
        };
        if (entry.size === MAX32) entry.size = next();
        if (entry.compressedSize === MAX32) entry.compressedSize = next();
        if (entry.localOffset === MAX32) entry.localOffset = next();
        return;
      }
      at += 4 + size;
    }
    throw new ZipError("zip64 entry without its sizes");
  }
}
