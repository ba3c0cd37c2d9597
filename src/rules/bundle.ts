import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.js";
import { internedPhrases, type Lists } from "../match/patterns/phrase/parse.js";
import type { Language } from "../match/polarity.js";
import type { LoadedFile } from "./compile.js";
import type { Rulebook } from "./load.js";
import type { Grading, ModelDefinition, RuleFile } from "./schema.js";
import type { Weights } from "./model.js";
import { rulebookOfBundle, writePhrases, type Bundle, type BundledFile } from "./bundle-data.js";

/*
 * The bundled rule pack as the build leaves it (scripts/bundle-rules.mjs): the rule files
 * already validated, their language and grading merged, and every phrase already parsed
 * with its prefilter, in dist/bundled-rules.json (its format: ./bundle-data.ts). Start-up
 * reads that one file and neither parses YAML, runs zod, nor parses a phrase. A rule file
 * newer than the bundle (an edit without a rebuild) sends the loader back to the YAML (load.ts).
 */

/** The rule pack that ships with consent-lens. */
export const bundledRules = fileURLToPath(new URL("../../rules/", import.meta.url));

/** Whether a rule file is one of the bundled pack's. */
export const isBundled = (file: string) => file.startsWith(bundledRules);

export const bundleFile = fileURLToPath(new URL("../bundled-rules.json", import.meta.url));

/** YAML files of a pack: a file, or every .yaml/.yml file in a folder (sorted, not recursive). */
export function packFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UserError(`${path}: no such rule file or folder`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(path, f));
}

/** The bundle's JSON, for the build: the validated files, what they say together, and their phrases as `lists` parsed them. */
export function bundleJson(files: LoadedFile[], pack: { lists: Lists; language: Language; grading: Grading }): string {
  const bundle: Bundle = {
    files: Object.fromEntries(files.map((f) => [basename(f.file), f.data])),
    language: pack.language,
    grading: pack.grading,
    phrases: writePhrases(internedPhrases(pack.lists)),
  };
  return JSON.stringify(bundle);
}

let read: { mtime: number; bundle: Bundle } | null | undefined;

function readBundle() {
  if (read === undefined) {
    try {
      read = { mtime: statSync(bundleFile).mtimeMs, bundle: JSON.parse(readFileSync(bundleFile, "utf8")) as Bundle };
    } catch {
      read = null;
    }
  }
  return read;
}

/** A bundled rule file's validated data, if the bundle has it and the file has not changed since the build. */
export function bundledData(file: string): RuleFile | undefined {
  const current = readBundle();
  const data = current?.bundle.files[basename(file)];
  return data && statSync(file).mtimeMs <= current.mtime ? data : undefined;
}

// A rulebook is never changed once compiled (a config makes a new one), so one process compiles the bundle once.
let compiled: Rulebook | undefined;

/** The bundled pack, compiled from the bundle; undefined when there is no bundle or a rule file changed after it. */
export function bundledRulebook(): Rulebook | undefined {
  const current = readBundle();
  if (!current) return undefined;
  const paths = packFiles(bundledRules);
  const { bundle } = current;
  if (paths.length !== Object.keys(bundle.files).length || !paths.every((p) => bundledData(p))) return undefined;
  return (compiled ??= compileBundled(current, paths));
}

function compileBundled(current: { mtime: number; bundle: Bundle }, paths: string[]): Rulebook | undefined {
  const { bundle } = current;
  const files = paths.map((file): BundledFile => ({ file, data: bundle.files[basename(file)]! }));
  // The build checked the model's weights: unchanged since, they are read as they are.
  const weightsOf = (file: string, definition: ModelDefinition) => resolve(dirname(file), definition.weights);
  if (files.some((f) => f.data.model && statSync(weightsOf(f.file, f.data.model)).mtimeMs > current.mtime)) return undefined;
  const weightsFor = (file: string, definition: ModelDefinition): Weights =>
    (JSON.parse(readFileSync(weightsOf(file, definition), "utf8")) as { categories: Weights }).categories;
  return rulebookOfBundle(bundle, files, weightsFor);
}
