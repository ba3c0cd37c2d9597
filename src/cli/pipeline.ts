import type { Report } from "../types.js";
import { extract, type Input } from "../extract/index.js";
import { normalize } from "../text/normalize.js";
import type { RuleSet } from "../rules/load.js";
import { match } from "../match/match.js";
import { assess } from "../assess/assess.js";

export interface ScanOptions {
  password?: string;
  /** Kinds of form to assume instead of detecting them. */
  kinds?: string[];
}

/** The whole pipeline for one file: extract -> normalize -> match -> assess. */
export async function scanInput(input: Input, rules: RuleSet, options: ScanOptions = {}): Promise<Report> {
  const document = await extract(input, options);
  const text = normalize(document);
  const findings = match(text, rules);
  return assess(text, findings, rules, options.kinds ? { kinds: options.kinds } : {});
}
