import { readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { extname, join, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

/**
 * Files a folder scan picks up; their format is still decided from their bytes. Images are
 * read by OCR; .doc and .rtf are picked up so the report says how to convert them.
 */
const formExtensions = /\.(pdf|docx|doc|rtf|txt|text|md|markdown|png|jpe?g|tiff?|webp|gif)$/i;
const imageExtensions = /\.(png|jpe?g|tiff?|webp|gif)$/i;

/** A file of a folder that was not scanned, and why, for one line on standard error. */
export interface Skipped {
  path: string;
  reason: string;
}

export interface Expansion {
  paths: string[];
  skipped: Skipped[];
}

/**
 * The files the user named: files as given, folders searched recursively for
 * forms, and glob patterns (for shells that pass them on unexpanded). A name that
 * matches nothing is kept, so reading it reports "no such file".
 */
export async function expandInputs(args: string[], cwd: string): Promise<Expansion> {
  const walker = new Walker(cwd, formExtensions, "not a form consent-lens reads");
  const paths: string[] = [];
  for (const arg of args) {
    if (arg === "-") paths.push(arg);
    else if (isFolder(resolve(cwd, arg))) paths.push(...walker.walk(arg));
    else if (!exists(resolve(cwd, arg)) && isDynamicPattern(arg)) {
      const matches = (await glob(arg, { cwd, onlyFiles: true, dot: false })).sort();
      paths.push(...(matches.length ? matches : [arg]));
    } else paths.push(arg);
  }
  return { paths: [...new Set(paths)], skipped: walker.skipped };
}

/**
 * The pages of one form (--as-one): images as given, and the images of a folder in the
 * order of their names, numbers counted as numbers (page-2 before page-10).
 */
export function expandPages(args: string[], cwd: string): Expansion {
  const walker = new Walker(cwd, imageExtensions, "not an image (--as-one reads images)", true);
  const paths = args.flatMap((arg) => (isFolder(resolve(cwd, arg)) ? walker.walk(arg) : [arg]));
  return { paths, skipped: walker.skipped };
}

/**
 * Walks folders recursively: links are followed (to files and to folders, each folder
 * once by its real path, so a link loop ends), a file reached twice is scanned once,
 * and every file left out is listed with its reason. Hidden files and folders are not
 * looked at. Paths stay as the user wrote them (relative to `cwd`), so reports show
 * what they typed.
 */
class Walker {
  readonly skipped: Skipped[] = [];
  private readonly folders = new Set<string>();
  private readonly files = new Map<string, string>();

  constructor(
    private readonly cwd: string,
    private readonly extensions: RegExp,
    private readonly notPicked: string,
    private readonly numeric = false,
  ) {}

  walk(folder: string): string[] {
    const real = realpathSync(resolve(this.cwd, folder));
    if (this.folders.has(real)) return this.skip(folder, "a folder already scanned (a link loop?)");
    this.folders.add(real);
    let names: string[];
    try {
      names = readdirSync(real);
    } catch (error) {
      return this.skip(folder, `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
    return names
      .filter((name) => !name.startsWith("."))
      .sort((a, b) => a.localeCompare(b, "en", { numeric: this.numeric }))
      .flatMap((name) => this.visit(join(folder, name)));
  }

  private visit(path: string): string[] {
    const stats = statOrUndefined(resolve(this.cwd, path));
    if (!stats) return this.skip(path, "a link to nothing");
    if (stats.isDirectory()) return this.walk(path);
    if (!stats.isFile()) return this.skip(path, "not a regular file");
    if (!this.extensions.test(path)) return this.skip(path, `${this.notPicked} (${extname(path) || "no extension"})`);
    const real = realpathSync(resolve(this.cwd, path));
    const first = this.files.get(real);
    if (first !== undefined) return this.skip(path, `the same file as ${first}`);
    this.files.set(real, path);
    return [path];
  }

  private skip(path: string, reason: string): [] {
    this.skipped.push({ path, reason });
    return [];
  }
}

const statOrUndefined = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};
const exists = (path: string) => statOrUndefined(path) !== undefined;
const isFolder = (path: string) => statOrUndefined(path)?.isDirectory() ?? false;
