import { UserError } from "../errors.js";
import type { Input } from "../extract/index.js";
import { readRegularFile } from "../extract/read-file.js";
import type { Io } from "./io.js";

/** The bytes the user named: a file, or standard input for "-". Reading never changes the file. */
export async function readInput(path: string, readStdin: Io["readStdin"]): Promise<Input> {
  if (path === "-") return { path: "-", bytes: await readStdin() };
  try {
    return { path, bytes: readRegularFile(path) };
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError("no such file");
    if (code === "EISDIR") throw new UserError("is a folder; name the files in it");
    if (code === "EACCES" || code === "EPERM") throw new UserError("permission denied");
    throw new UserError(`cannot read the file (${code ?? "unknown error"})`);
  }
}
