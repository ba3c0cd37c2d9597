import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.js";
import { internedPhrases, type Lists } from "../match/patterns/phrase/parse.js";
import type { Language } from "../match/polarity.js";
import type { LoadedFile } from "./compile.js";
import type { Rulebook } from "./load.js";
import type { Grading, ModelDefinition, RuleFile } from "./schema.js";
import type { WeightTable } from "../match/model/model.js";
import { languageCode } from "../types.js";
import { packWeights, rulebookOfBundle, writePhrases, type Bundle, type BundledFile } from "./bundle-data.js";

/*
 * The bundled rule pack as the build leaves it (scripts/bundle-rules.mjs): the rule files
 * already validated, their language and grading merged, and every phrase already parsed
 * with its prefilter, in dist/bundled-rules.json (its format and compilation: ./bundle-data.ts).
 * Start-up reads that one file and neither parses YAML, runs zod, nor parses a phrase. A rule file newer than the bundle (an edit
 * without a rebuild) sends the loader back to the YAML (load.ts).
 */

/** The rule pack that ships with consent-lens. */
export const bundledRules = fileURLToPath(new URL("../../rules/", import.meta.url));

/** Whether a rule file is one of the bundled pack's. */
export const isBundled = (file: string) => file.startsWith(bundledRules);

export const bundleFile = fileURLToPath(new URL("../bundled-rules.json", import.meta.url));

/** The weights file a rule file's model names, relative to that rule file. */
export const weightsFile = (ruleFile: string, definition: ModelDefinition) => resolve(dirname(ruleFile), definition.weights);

/** A bundled rule file's key in the bundle: its path in the rules folder ("redisclosure.yaml", "es/redisclosure.yaml"). */
const bundleKey = (file: string) => relative(bundledRules, file).split("\\").join("/");

/**
 * YAML files of a pack: a file, or every .yaml/.yml file in a folder (sorted), then those of
 * its language folders (`es/`: a folder named by a language code), so a language's files
 * come after the files whose rules, elements and kinds they word.
 */
export function packFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UserError(`${path}: no such rule file or folder`);
  }
  if (!stat.isDirectory()) return [path];
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const yaml = (folder: string, names: string[]) => names.filter((f) => /\.ya?ml$/.test(f)).map((f) => join(folder, f));
  const languageFolders = entries.filter((e) => e.isDirectory() && languageCode.test(e.name)).map((e) => join(path, e.name));
  return [
    ...yaml(
      path,
      entries.filter((e) => !e.isDirectory()).map((e) => e.name),
    ),
    ...languageFolders.flatMap((folder) => yaml(folder, readdirSync(folder).sort())),
  ];
}

/** The bundle's JSON, for the build: the validated files, what they say together, their phrases as `lists` parsed them, the model's weights. */
export function bundleJson(
  files: LoadedFile[],
  pack: { lists: Map<string, Lists>; languages: Record<string, Language>; grading: Grading; weights: WeightTable | undefined },
): string {
  const bundle: Bundle = {
    files: Object.fromEntries(files.map((f) => [bundleKey(f.file), f.data])),
    languages: pack.languages,
    grading: pack.grading,
    phrases: Object.fromEntries([...pack.lists].map(([lang, lists]) => [lang, writePhrases(internedPhrases(lists))])),
    ...(pack.weights ? { weights: packWeights(pack.weights, (bytes) => Buffer.from(bytes).toString("base64")) } : {}),
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
  const data = current?.bundle.files[bundleKey(file)];
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
  const files = paths.map((file): BundledFile => ({ file, data: bundle.files[bundleKey(file)]! }));
  // The build packed the model's weights into the bundle: they serve while the weights file is unchanged since.
  if (files.some((f) => f.data.model && statSync(weightsFile(f.file, f.data.model)).mtimeMs > current.mtime)) return undefined;
  return rulebookOfBundle(bundle, files, (text) => Buffer.from(text, "base64"));
}
