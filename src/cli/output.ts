// Where `fill` writes, made safe: never onto a file it reads (by any path, symbolic or hard link),
// never over an existing file unless asked (--force), and never half a file: the bytes go to a
// temporary file beside the target, renamed into place once complete, so that a full disk or a
// crash leaves the old file as it was.

import { randomBytes } from "node:crypto";
import { constants, promises as fs, type Stats } from "node:fs";
import * as path from "node:path";
import { ExplainedError } from "../core/model/errors";

/** An output that cannot or must not be written. */
export class OutputError extends ExplainedError {}

async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/**
 * Checks that `out` may be written: its folder exists and is writable; it is none of `readFiles`
 * (compared by device and inode, so that a symbolic or hard link to one is caught); it does not
 * exist yet, unless `force`.
 */
export async function checkOutput(out: string, readFiles: readonly string[], force: boolean, option = "--out"): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const folder = await statOrNull(dir);
  if (!folder) throw new OutputError(`thư mục "${dir}" của ${option} không tồn tại`, `the ${option} folder "${dir}" does not exist`);
  if (!folder.isDirectory()) throw new OutputError(`"${dir}" không phải là thư mục`, `"${dir}" is not a folder`);
  try {
    await fs.access(dir, constants.W_OK);
  } catch {
    throw new OutputError(`không có quyền ghi vào thư mục "${dir}"`, `no permission to write in "${dir}"`);
  }
  const target = await statOrNull(out);
  if (!target) return;
  if (target.isDirectory()) throw new OutputError(`${option} "${out}" là một thư mục`, `${option} "${out}" is a folder`);
  for (const file of readFiles) {
    const read = await statOrNull(file);
    if (read && sameFile(read, target))
      throw new OutputError(
        `${option} "${out}" chính là tệp "${file}" đang được đọc (chitieu không ghi đè tệp của người dùng)`,
        `${option} "${out}" is the file "${file}" being read`,
      );
  }
  if (!force)
    throw new OutputError(
      `đã có tệp "${out}"; chọn tên khác, hoặc thêm --force để thay tệp đó`,
      `"${out}" exists; choose another name, or add --force to replace it`,
    );
}

/** Writes `bytes` to `out` all at once: a temporary file beside it, flushed, then renamed over it. */
export async function writeWhole(out: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const temporary = path.join(dir, `.${path.basename(out)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await fs.open(temporary, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, out);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOSPC" || code === "EDQUOT")
      throw new OutputError(`đĩa đầy, chưa ghi "${out}" (tệp cũ, nếu có, vẫn nguyên)`, `the disk is full; "${out}" not written`);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS")
      throw new OutputError(`không có quyền ghi "${out}"`, `no permission to write "${out}"`);
    throw new OutputError(`không ghi được "${out}": ${(error as Error).message}`, `could not write "${out}"`);
  }
}
