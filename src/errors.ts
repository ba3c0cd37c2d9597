import { relative } from "node:path";

/**
 * An expected failure caused by the user's input: a missing or unreadable file,
 * a broken rule file, a bad option. The CLI prints its message as one line and
 * exits 2; anything else is an internal error.
 */
export class UserError extends Error {
  override name = "UserError";
}

/** One line for the user: a UserError's message, or an internal error (its stack only with --debug). */
export function describeError(error: unknown, debug = false): string {
  if (error instanceof UserError) return error.message;
  if (debug) return (error as Error)?.stack ?? String(error);
  return `internal error: ${(error as Error)?.message ?? String(error)} (run with --debug for details)`;
}

/** A path as the user would type it: relative to the working folder when inside it. */
export const display = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
};
