import { randomBytes } from "node:crypto";
import { closeSync, constants, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
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

/** Where --output goes, written as the report comes and closed at its end. */
export interface Output {
  write(content: string): void;
  /** Puts the file in place; nothing is created when nothing was written. */
  close(): void;
  /** Leaves the target as it was. */
  abort(): void;
}

/**
 * The report's file, written as the report streams: to a temporary file beside the target
 * (a random name, created exclusively), flushed to disk, then renamed over it, so a reader
 * never sees half a report. The file keeps its permissions; a new one gets the umask's.
 * Never over an input.
 */
export function outputFile(file: string, inputs: string[], cwd: string): Output {
  const target = realpath(resolve(cwd, file));
  if (inputs.some((input) => input !== "-" && realpath(resolve(cwd, input)) === target))
    throw new UserError(`--output ${file}: that is one of the input files; choose another name`);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString("hex")}.tmp`);
  let fd: number | undefined;
  let created = false;
  const abort = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    if (created) rmSync(temporary, { force: true });
    created = false;
  };
  const guarded = (step: () => void) => {
    try {
      step();
    } catch (error) {
      abort();
      throw new UserError(`--output ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  };
  return {
    write: (content) =>
      content &&
      guarded(() => {
        if (fd === undefined) {
          const mode = modeOf(target);
          fd = openSync(temporary, exclusive, 0o666);
          created = true;
          if (mode !== undefined) fchmodSync(fd, mode);
        }
        writeSync(fd, content);
      }),
    close: () =>
      fd !== undefined &&
      guarded(() => {
        fsyncSync(fd!);
        closeSync(fd!);
        fd = undefined;
        renameSync(temporary, target);
        created = false;
      }),
    abort,
  };
}

/** Writes a whole report to its file (see outputFile). */
export function writeOutput(file: string, content: string, inputs: string[], cwd: string): void {
  const output = outputFile(file, inputs, cwd);
  output.write(content);
  output.close();
}
