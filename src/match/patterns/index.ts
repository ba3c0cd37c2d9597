import type { z as Zod } from "zod";
import type { Matcher } from "../sentence.js";
import type { CompileContext, PatternKind } from "./kind.js";
import { phraseKind, type PhrasePattern } from "./phrase/index.js";
import { nearKind, type NearPattern } from "./near.js";
import { regexKind, type RegexPattern } from "./regex.js";

/*
 * The registry of pattern kinds. A new kind is a module like near.ts plus a line
 * here (and its type in `Pattern`); the schema, the loader's error message and
 * `explain` follow from it.
 */
export type Pattern = string | PhrasePattern | NearPattern | RegexPattern;

const kinds: PatternKind<object>[] = [phraseKind, nearKind, regexKind] as unknown as PatternKind<object>[];

const kindOf = (pattern: object) => {
  const kind = kinds.find((k) => k.key in pattern);
  if (!kind) throw new Error(`no pattern kind for ${JSON.stringify(pattern)}`);
  return kind;
};

/** A phrase alone, or one of the kinds' objects. */
export const patternSchema = (z: typeof Zod): Zod.ZodType<Pattern, unknown> =>
  z.union([
    z.string().min(1, "a phrase cannot be empty").describe("A phrase (see the README's pattern language)"),
    ...kinds.map((k) => k.schema(z)),
  ]) as Zod.ZodType<Pattern, unknown>;

/** How the loader says what a pattern may look like: "a phrase, or one of {phrase}, {near, within, ordered}, {regex}". */
export const patternForms = (z: typeof Zod) => {
  const forms = kinds.map((k) => {
    const schema = k.schema(z) as unknown as { shape?: Record<string, unknown> };
    return `{${Object.keys(schema.shape ?? { [k.key]: true }).join(", ")}}`;
  });
  return `a phrase, or one of ${forms.join(", ")}`;
};

export function compilePattern(pattern: Pattern, context: CompileContext): Matcher {
  if (typeof pattern === "string") return phraseKind.compile({ phrase: pattern }, context);
  return kindOf(pattern).compile(pattern, context);
}

export const describePattern = (pattern: Pattern): string => (typeof pattern === "string" ? pattern : kindOf(pattern).describe(pattern));
