import { randomBytes } from "node:crypto";
import { closeSync, constants, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "../errors.js";

const realpath = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

// A new file only, never through a link someone put at its name (O_NOFOLLOW is 0 where the system has none).
const exclusive = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** The permission bits of the file there is now, if any: a private report stays private. */
const modeOf = (path: string) => {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
};

/**
 * Writes the report where the user asked: to a temporary file beside the target
 * (a random name, created exclusively), flushed to disk, then renamed over it, so a
 * reader never sees half a report. The file keeps its permissions; a new one gets the
 * umask's. Never over an input.
 */
export function writeOutput(file: string, content: string, inputs: string[], cwd: string): void {
  const target = realpath(resolve(cwd, file));
  if (inputs.some((input) => input !== "-" && realpath(resolve(cwd, input)) === target))
    throw new UserError(`--output ${file}: that is one of the input files; choose another name`);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString("hex")}.tmp`);
  const mode = modeOf(target);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(temporary, exclusive, 0o666);
    created = true;
    if (mode !== undefined) fchmodSync(fd, mode);
    writeFileSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if (created) rmSync(temporary, { force: true });
    throw new UserError(`--output ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}
