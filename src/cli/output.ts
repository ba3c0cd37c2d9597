import { realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "../errors.js";

const realpath = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/**
 * Writes the report where the user asked: to a temporary file beside the target,
 * then renamed over it, so a reader never sees half a report. Never over an input.
 */
export function writeOutput(file: string, content: string, inputs: string[], cwd: string): void {
  const target = realpath(resolve(cwd, file));
  if (inputs.some((input) => input !== "-" && realpath(resolve(cwd, input)) === target))
    throw new UserError(`--output ${file}: that is one of the input files; choose another name`);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError(`--output ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}
