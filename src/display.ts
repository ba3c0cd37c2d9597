import { relative } from "node:path";

/*
 * How messages name a file. The one module of the shared ones that needs Node (the working
 * folder): the web page, which has no files, has its own (src/web/display.ts).
 */

/** A path as the user would type it: relative to the working folder when inside it. */
export const display = (file: string, cwd = process.cwd()) => {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") ? rel : file;
};
