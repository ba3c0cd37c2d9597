import { closeSync, openSync, realpathSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "../errors.js";

const realpath = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
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
 * The report's file: written to a temporary file beside the target, then renamed over it,
 * so a reader never sees half a report. Never over an input.
 */
export function outputFile(file: string, inputs: string[], cwd: string): Output {
  const target = realpath(resolve(cwd, file));
  if (inputs.some((input) => input !== "-" && realpath(resolve(cwd, input)) === target))
    throw new UserError(`--output ${file}: that is one of the input files; choose another name`);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  const fail = (error: unknown): never => {
    abort();
    throw new UserError(`--output ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  };
  const abort = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    rmSync(temporary, { force: true });
  };
  return {
    write: (content) => {
      if (!content) return;
      try {
        fd ??= openSync(temporary, "w");
        writeSync(fd, content);
      } catch (error) {
        fail(error);
      }
    },
    close: () => {
      if (fd === undefined) return;
      try {
        closeSync(fd);
        fd = undefined;
        renameSync(temporary, target);
      } catch (error) {
        fail(error);
      }
    },
    abort,
  };
}

/** Writes a whole report to its file (see outputFile). */
export function writeOutput(file: string, content: string, inputs: string[], cwd: string): void {
  const output = outputFile(file, inputs, cwd);
  output.write(content);
  output.close();
}
