import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { UserError } from "../errors.js";

const kindOf = (stats: Stats) =>
  stats.isFIFO()
    ? "a named pipe"
    : stats.isSocket()
      ? "a socket"
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? "a device"
        : "not a file";

/**
 * The bytes of a regular file, for a form, a rule pack or a config. Anything else named
 * directly (a named pipe, a device, a socket) could block forever or never end, so the
 * file is opened without blocking and looked at before a byte is read; a file larger
 * than `limit` is refused unread. Errors of the system (ENOENT...) are left to the caller.
 */
export function readRegularFile(path: string, limit = Infinity): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new UserError("is a folder; name the files in it");
    if (!stats.isFile()) throw new UserError(`is not a regular file (${kindOf(stats)})`);
    if (stats.size > limit) throw new UserError(`is too large (${megabytes(stats.size)} MB; the limit is ${megabytes(limit)} MB)`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
