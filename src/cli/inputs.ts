import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

/** Files a folder scan picks up; their format is still decided from their bytes. Images are read by OCR. */
const formExtensions = /\.(pdf|docx|txt|text|md|markdown|png|jpe?g|tiff?|webp|gif)$/i;
const imageExtensions = /\.(png|jpe?g|tiff?|webp|gif)$/i;

/**
 * The files the user named: files as given, folders searched recursively for
 * forms, and glob patterns (for shells that pass them on unexpanded). A name that
 * matches nothing is kept, so reading it reports "no such file".
 */
export async function expandInputs(args: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === "-") out.push(arg);
    else if (isFolder(resolve(cwd, arg))) out.push(...walk(arg, cwd));
    else if (!exists(resolve(cwd, arg)) && isDynamicPattern(arg)) {
      const matches = (await glob(arg, { cwd, onlyFiles: true, dot: false })).sort();
      out.push(...(matches.length ? matches : [arg]));
    } else out.push(arg);
  }
  return [...new Set(out)];
}

/**
 * The pages of one form (--as-one): images as given, and the images of a folder in the
 * order of their names, numbers counted as numbers (page-2 before page-10).
 */
export function expandPages(args: string[], cwd: string): string[] {
  return args.flatMap((arg) => (isFolder(resolve(cwd, arg)) ? walk(arg, cwd, imageExtensions, true) : [arg]));
}

// Paths stay as the user wrote them (relative to `cwd`), so reports show what they typed.
function walk(folder: string, cwd: string, extensions = formExtensions, numeric = false): string[] {
  return readdirSync(resolve(cwd, folder), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric }))
    .flatMap((entry) => {
      if (entry.name.startsWith(".")) return [];
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return walk(path, cwd, extensions, numeric);
      return entry.isFile() && extensions.test(entry.name) ? [path] : [];
    });
}

const exists = (path: string) => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};
const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};
