import { readFileSync } from "node:fs";
import { UserError } from "../errors.js";
import type { FailFlags } from "./fail-on.js";
import type { ScanOptions } from "../scan.js";
import type { OutputFormat } from "../report/format.js";
import type { ReportLanguage } from "../types.js";
import type { Io } from "./io.js";
import type { RuleSource } from "./setup.js";
import { writeOutput } from "./output.js";

export const version: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

/** Exit codes: 0 done, 1 a risk at or above --fail-on, 2 bad input, bad rules or bad usage. */
export const exitCodes = { ok: 0, failOn: 1, error: 2 } as const;

export interface OutputFlags extends RuleSource {
  format: OutputFormat;
  lang?: ReportLanguage;
  color: boolean;
  /** Mask the identifiers of a filled-in form (on unless --no-redact). */
  redact: boolean;
  output?: string;
  password?: string;
  kind?: string;
  debug?: boolean;
}

export interface ScanFlags extends OutputFlags, FailFlags {
  baseline?: string;
  baselineCheck?: boolean;
  questionsOnly?: boolean;
  details?: boolean;
  asOne?: boolean;
}

export function scanOptions(flags: Pick<OutputFlags, "kind" | "password">, kinds: string[]): ScanOptions {
  const given = flags.kind
    ?.split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  // An unknown --kind is a usage error, not a problem of each file.
  for (const kind of given ?? [])
    if (!kinds.includes(kind)) throw new UserError(`--kind: unknown kind "${kind}"; kinds: ${kinds.join(", ")}`);
  return { ...(flags.password ? { password: flags.password } : {}), ...(given ? { kinds: given } : {}) };
}

/** The reports' language, as format options: --lang, else the form's, except that JSON and SARIF, read by programs, stay in English. */
export function reportLanguageOf(flags: Pick<OutputFlags, "lang" | "format">): { language?: ReportLanguage } {
  const language = flags.lang ?? (flags.format === "json" || flags.format === "sarif" ? "en" : undefined);
  return language ? { language } : {};
}

export const useColor = (flags: OutputFlags, io: Io) => flags.color && !flags.output && io.isTTY && !(io.env.NO_COLOR ?? "");

export function emit(content: string, flags: OutputFlags, inputs: string[], io: Io) {
  if (flags.output) writeOutput(flags.output, content, inputs, io.cwd);
  else io.stdout(content);
}
