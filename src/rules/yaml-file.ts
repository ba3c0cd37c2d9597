import { relative } from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, type Document as YamlDocument } from "yaml";
import { z } from "zod";
import { UserError } from "../errors.js";
import { readRegularFile } from "../extract/read-file.js";
import { patternForms } from "../match/patterns/index.js";

type Path = (string | number)[];

/** A YAML file validated by a zod schema, which can report a problem at the line of any field. */
export interface YamlFile<T> {
  file: string;
  data: T;
  /** Throws a UserError `file:line: field: problem` for the node at `path` (or its nearest parent). */
  fail(path: Path, problem: string, keyNode?: boolean): never;
  /** Runs a step (a compile); its error is reported at `path`. UserErrors pass through. */
  at<R>(path: Path, step: () => R): R;
}

/** Rule and config files larger than this are refused unread (the bundled rules' largest file is about 50 KB). */
export const yamlSizeLimit = 2 * 1024 * 1024;

export function readYamlFile<S extends z.ZodType>(file: string, schema: S, what: string): YamlFile<z.output<S>> {
  let source: string;
  try {
    source = readRegularFile(file, yamlSizeLimit).toString("utf8");
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${display(file)}: the ${what} ${error.message}`);
    throw new UserError(`${file}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const lines = new LineCounter();
  const yaml = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const fail = (path: Path, problem: string, keyNode = false): never => {
    throw new UserError(`${display(file)}:${lineOf(yaml, lines, path, keyNode)}: ${fieldName(path)}: ${problem}`);
  };
  const syntax = yaml.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line ?? lines.linePos(syntax.pos[0]).line;
    throw new UserError(`${display(file)}:${line}: ${syntax.message.split("\n")[0]}`);
  }
  const parsed = schema.safeParse(toJS(yaml, file) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path as Path;
    if (issue.code === "unrecognized_keys") fail([...path, issue.keys[0]!], `unknown field "${issue.keys[0]}"`, true);
    fail(path, issue.code === "invalid_union" ? `expected ${unionForms(path)}` : issue.message);
  }
  return {
    file,
    data: parsed.data as z.output<S>,
    fail,
    at: (path, step) => {
      try {
        return step();
      } catch (error) {
        if (error instanceof UserError) throw error;
        return fail(path, (error as Error).message.split("\n")[0]!);
      }
    },
  };
}

// yaml refuses a document whose aliases expand past its default count (a "billion laughs"), with a plain Error.
function toJS(yaml: YamlDocument, file: string): unknown {
  try {
    return yaml.toJS();
  } catch (error) {
    throw new UserError(`${display(file)}: ${(error as Error).message.split("\n")[0]}`);
  }
}

// The two unions of rule files: patterns, and examples with or without the words they must match.
const unionForms = (path: Path) => (path.includes("examples") ? "a sentence, or {sentence, matches}" : patternForms(z));

// The line of the YAML node at `path`, or of its nearest existing parent.
function lineOf(yaml: YamlDocument, lines: LineCounter, path: Path, keyNode: boolean): number {
  for (let n = path.length; n >= 0; n--) {
    if (keyNode && n === path.length) {
      const parent = yaml.getIn(path.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1)) : undefined;
      const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lines.linePos(range[0]).line;
      continue;
    }
    const node = n ? yaml.getIn(path.slice(0, n), true) : yaml.contents;
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return 1;
}

const fieldName = (path: Path) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(top)";

/** A path as the user would type it: relative to the working folder when inside it. */
export const display = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
};
