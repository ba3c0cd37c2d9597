import { readFileSync, statSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { readYamlFile, type YamlFile } from "./yaml-file.js";
import { RuleFileSchema, type RuleFile } from "./schema.js";

/*
 * The bundled rule files, already validated, as one JSON file written by the
 * build (scripts/bundle-rules.mjs): start-up then skips parsing YAML and running
 * zod, a quarter of a second. A rule file newer than the bundle (an edit without
 * a rebuild) is read from its YAML again.
 */
export const bundleFile = fileURLToPath(new URL("../bundled-rules.json", import.meta.url));

/** A bundled rule file's key in the bundle: its path in the rules folder ("redisclosure.yaml", "es/redisclosure.yaml"). */
export const bundleKey = (file: string) => relative(fileURLToPath(new URL("../../rules/", import.meta.url)), file).split("\\").join("/");

let bundle: { mtime: number; files: Record<string, unknown> } | null | undefined;

function loadBundle() {
  if (bundle === undefined) {
    try {
      bundle = { mtime: statSync(bundleFile).mtimeMs, files: JSON.parse(readFileSync(bundleFile, "utf8")) };
    } catch {
      bundle = null;
    }
  }
  return bundle;
}

// Rule files read from YAML in this process, by path, while unchanged: a long-lived
// process (a test run, a server) that loads the rules again does not parse them again.
const readBefore = new Map<string, { mtime: number; read: YamlFile<RuleFile> }>();

function readYaml(file: string): YamlFile<RuleFile> {
  const mtime = statSync(file).mtimeMs;
  const before = readBefore.get(file);
  if (before?.mtime === mtime) return before.read;
  const read = readYamlFile(file, RuleFileSchema, "rule file");
  readBefore.set(file, { mtime, read });
  return read;
}

/** A rule file from the bundle when it is there and current, else from its YAML. */
export function readRuleFile(file: string, bundled: boolean): YamlFile<RuleFile> {
  const cached = bundled ? loadBundle() : null;
  const data = cached?.files[bundleKey(file)];
  // Line numbers are only needed for an error, and then the YAML is read for them.
  const yaml = () => readYaml(file);
  if (!cached || data === undefined || statSync(file).mtimeMs > cached.mtime) return yaml();
  return {
    file,
    data: data as RuleFile,
    fail: (path, problem, keyNode) => yaml().fail(path, problem, keyNode),
    at: (path, step) => {
      try {
        return step();
      } catch (error) {
        return yaml().at(path, () => {
          throw error;
        });
      }
    },
  };
}
