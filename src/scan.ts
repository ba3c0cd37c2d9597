import type { Report } from "./types.js";
import { extract, type Input } from "./extract/index.js";
import { normalize } from "./text/normalize.js";
import { match } from "./match/match.js";
import type { Rulebook } from "./rules/load.js";
import { assess } from "./assess/assess.js";

export interface ScanOptions {
  /** The password of an encrypted PDF. */
  password?: string;
  /** Kinds of form to assume instead of detecting them. */
  kinds?: string[];
}

/**
 * The library entry point, the whole pipeline for one form:
 * extract -> normalize -> match -> assess. The CLI, the tests and the web page use it.
 */
export async function scan(input: Input, rulebook: Rulebook, options: ScanOptions = {}): Promise<Report> {
  const document = await extract(input, options.password === undefined ? {} : { password: options.password });
  const text = normalize(document);
  const findings = match(text, rulebook.rules, rulebook.language);
  return assess(text, findings, rulebook, options.kinds ? { kinds: options.kinds } : {});
}
