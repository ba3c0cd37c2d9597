import { isMap, isScalar, LineCounter, parseDocument, type Document as YamlDocument } from "yaml";
import { z } from "zod";
import { didYouMean, UserError, type Problems } from "../errors.js";
import { display } from "../display.js";
import { readRegularFile } from "../extract/read-file.js";
import { patternForms } from "../match/patterns/index.js";

type Path = (string | number)[];

/** A YAML file validated by a zod schema, which can report a problem at the line of any field. */
export interface YamlFile<T> {
  file: string;
  data: T;
  /** Throws a UserError `file:line:col: field: problem` for the node at `path` (or its nearest parent). */
  fail(path: Path, problem: string, keyNode?: boolean): never;
  /** Runs a step (a compile); its error is reported at `path`. UserErrors pass through. */
  at<R>(path: Path, step: () => R): R;
}

/** Rule and config files larger than this are refused unread (the bundled rules' largest file is about 50 KB). */
export const yamlSizeLimit = 2 * 1024 * 1024;

/**
 * Reads and validates a YAML (or JSON) file. Every problem of the file is reported at
 * once, a line each: `file:line:col: field: problem`, in plain words, with the known
 * field a misspelt one most likely meant.
 */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S, what: string, problems?: Problems): YamlFile<z.output<S>> {
  let source: string;
  try {
    source = readRegularFile(file, yamlSizeLimit).toString("utf8");
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${display(file)}: the ${what} ${error.message}`);
    throw new UserError(`${file}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const lines = new LineCounter();
  const yaml = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const problem = (path: Path, text: string, keyNode = false) => {
    const { line, col } = placeOf(yaml, lines, path, keyNode);
    return `${display(file)}:${line}:${col}: ${fieldName(path)}: ${text}`;
  };
  const fail = (path: Path, text: string, keyNode = false): never => {
    throw new UserError(problem(path, text, keyNode));
  };
  if (yaml.errors.length)
    throw new UserError(
      yaml.errors
        .map((e) => {
          const { line, col } = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
          return `${display(file)}:${line}:${col}: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`;
        })
        .join("\n"),
    );
  const input = toJS(yaml, file) ?? {};
  let parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const issues = new UserError(
      withoutEchoes(parsed.error.issues.flatMap((issue) => plainIssues(issue, schema)))
        .map((p) => ({ ...p, place: placeOf(yaml, lines, p.path, p.keyNode) }))
        .sort((a, b) => a.place.line - b.place.line || a.place.col - b.place.col)
        .map((p) => problem(p.path, p.text, p.keyNode))
        .join("\n"),
    );
    // Given somewhere to keep them, the problems are kept and the file read without the fields that have them,
    // so that the caller can find the problems of the rest too.
    if (!problems) throw issues;
    problems.keep(issues);
    parsed = schema.safeParse(withoutFields(input, parsed.error.issues));
    if (!parsed.success) throw issues;
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

// The top-level fields that have problems, taken off.
const withoutFields = (input: unknown, issues: Issue[]) =>
  typeof input === "object" && input !== null && !Array.isArray(input)
    ? Object.fromEntries(
        Object.entries(input).filter(
          ([key]) => !issues.some((i) => i.path[0] === key || (i.code === "unrecognized_keys" && i.path.length === 0 && i.keys.includes(key))),
        ),
      )
    : input;

interface PlainIssue {
  path: Path;
  text: string;
  keyNode: boolean;
}

type Issue = z.core.$ZodIssue;

const meantFor = (text: string) => /did you mean "([^"]+)"\?$/.exec(text)?.[1];

// "explantion: unknown field; did you mean explanation?" already says that explanation is missing.
function withoutEchoes(issues: PlainIssue[]): PlainIssue[] {
  const meant = new Set(issues.filter((i) => i.keyNode).map((i) => JSON.stringify([...i.path.slice(0, -1), meantFor(i.text)])));
  return issues.filter((i) => !(i.text.startsWith("this field is required") && meant.has(JSON.stringify(i.path))));
}

const typeNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "fields (name: value)",
  record: "fields (name: value)",
};
const typeOf = (value: unknown) =>
  Array.isArray(value) ? "a list" : value === null ? "nothing" : typeof value === "object" ? "fields" : typeNames[typeof value] ?? typeof value;
const shown = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));
// zod's own wording starts so; a message a schema gives itself ("use lower-case words joined by hyphens") is kept.
const zodWording = /^(Invalid|Too (small|big)|Unrecognized)/;

/** A zod issue in plain words, at the place it concerns (a misspelt field at its own line). */
function plainIssues(issue: Issue, schema: z.ZodType): PlainIssue[] {
  const path = issue.path as Path;
  const at = (text: string): PlainIssue[] => [{ path, text, keyNode: false }];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: [...path, key],
        text: `unknown field "${key}"${didYouMean(key, fieldsAt(schema, path))}`,
        keyNode: true,
      }));
    case "invalid_union": {
      // The one form the value had the shape of (an object among a phrase and objects) says best what is wrong.
      const shaped = issue.errors.filter((option) => !option.some((i) => i.code === "invalid_type" && i.path.length === 0));
      if (shaped.length !== 1) return at(`expected ${unionForms(path)}`);
      return shaped[0]!.flatMap((i) => plainIssues({ ...i, path: [...path, ...i.path] } as Issue, schema));
    }
    case "invalid_type":
      if (!("input" in issue) || issue.input === undefined) return at(`this field is required (${typeNames[issue.expected] ?? issue.expected})`);
      return at(`expected ${typeNames[issue.expected] ?? issue.expected}, not ${typeOf(issue.input)}`);
    case "invalid_value": {
      const values = issue.values.map(String);
      return at(`${shown(issue.input)} is not one of: ${values.join(", ")}${didYouMean(String(issue.input), values)}`);
    }
    default:
      return at(zodWording.test(issue.message) ? sizeText(issue) : issue.message);
  }
}

// too_small, too_big and the rest, when the schema gave no message of its own.
function sizeText(issue: Issue): string {
  if (issue.code === "too_small" || issue.code === "too_big") {
    const small = issue.code === "too_small";
    const limit = Number(small ? issue.minimum : issue.maximum);
    const bound = `${small ? "at least" : "at most"} ${limit}`;
    if (issue.origin === "array") return `needs ${bound} item${limit === 1 ? "" : "s"}`;
    if (issue.origin === "string") return small && limit === 1 ? "cannot be empty" : `needs ${bound} characters`;
    return `must be ${bound}`;
  }
  if (issue.code === "invalid_format") return `is not a valid ${issue.format}`;
  return issue.message;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
};
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

// The schemas a value may have, with optional, default and pipe wrappers taken off and unions opened.
function unwrapped(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  const inner = def.innerType ?? def.in;
  if (inner) return unwrapped(inner);
  if (def.type === "union") return def.options!.flatMap(unwrapped);
  return [schema];
}

/** The fields an object at `path` may have, from the schema: what a misspelt field is compared with. */
function fieldsAt(schema: z.ZodType, path: Path): string[] {
  let nodes = [schema];
  for (const key of path)
    nodes = nodes.flatMap(unwrapped).flatMap((node) => {
      const def = defOf(node);
      if (def.type === "object" && typeof key === "string") return def.shape![key] ? [def.shape![key]] : [];
      if (def.type === "array" && typeof key === "number") return [def.element!];
      if (def.type === "record") return [def.valueType!];
      return [];
    });
  return [...new Set(nodes.flatMap(unwrapped).flatMap((node) => Object.keys(defOf(node).shape ?? {})))];
}

// The two unions of rule files: patterns, and examples with or without the words they must match.
const unionForms = (path: Path) => (path.includes("examples") ? "a sentence, or {sentence, matches}" : patternForms(z));

// The line and column of the YAML node at `path` (or of its key), or of its nearest existing parent.
function placeOf(yaml: YamlDocument, lines: LineCounter, path: Path, keyNode: boolean): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    if (keyNode && n === path.length) {
      const parent = yaml.getIn(path.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1)) : undefined;
      const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lines.linePos(range[0]);
      continue;
    }
    const node = n ? yaml.getIn(path.slice(0, n), true) : yaml.contents;
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return lines.linePos(range[0]);
  }
  return { line: 1, col: 1 };
}

const fieldName = (path: Path) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(top)";

// A YAML alias bomb ("billion laughs") stops in the yaml package's alias count check: one line naming the file.
function toJS(yaml: YamlDocument, file: string): unknown {
  try {
    return yaml.toJS();
  } catch (error) {
    throw new UserError(`${display(file)}: ${(error as Error).message.split("\n")[0]}`);
  }
}
