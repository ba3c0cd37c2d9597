import type { z as Zod } from "zod";
import type { Lists } from "./phrase/parse.js";
import type { Matcher } from "../sentence.js";
import type { RegexEngine } from "./regex.js";

/** What compiling a pattern needs: the pack's named lists, and the engine its regexes run on. */
export interface CompileContext {
  lists: Lists;
  regex: RegexEngine;
}

/**
 * A kind of pattern a rule can use (Vale's idea: one module per extension point).
 * Each kind owns the shape of its YAML, how it compiles to a matcher, and how
 * `explain` shows it; the registry in index.ts lists them.
 */
export interface PatternKind<P extends object> {
  /** The field that marks this kind in a rule file, e.g. `near` in `{ near: [...] }`. */
  key: string;
  /** The YAML shape, built with the zod the loader passes in (so zod loads only when rule files are read). */
  schema: (z: typeof Zod) => Zod.ZodType<P, unknown>;
  /** Compiles the pattern; throws PhraseError or a syntax error, which the loader places at its line. */
  compile: (pattern: P, context: CompileContext) => Matcher;
  /** One line for `explain`. */
  describe: (pattern: P) => string;
}
