import { execFileSync } from "node:child_process";
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.js";
import { display } from "../display.js";
import type { Config } from "../rules/config.js";
import { readYamlFile } from "../rules/yaml-file.js";
import { BaselineSchema, type AcceptedIn, type Baseline, type BaselineEntry } from "../report/baseline.js";
import { shortId } from "../report/fingerprint.js";
import type { FormVerdict } from "./fail-on.js";
import type { Io } from "./io.js";
import { baselineName, baselinePath } from "./baseline-path.js";

export { baselineName, baselinePath };

/** A baseline file and what it holds. */
export interface BaselineFile {
  file: string;
  data: Baseline;
}

/** The baseline of a scan: the one named (which must exist), or the default one when it exists. */
export function readBaseline(named: string | undefined, config: Config | undefined, cwd: string): BaselineFile | undefined {
  const file = baselinePath(named, config, cwd);
  if (existsSync(file)) return openBaseline(file);
  if (named) throw new UserError(`--baseline ${named}: no such file`);
  return undefined;
}

/** A baseline file, empty when it does not exist yet. JSON is YAML: the reader gives a hand edit's mistakes their file:line:col. */
export const openBaseline = (file: string): BaselineFile => ({
  file,
  data: existsSync(file) ? readYamlFile(file, BaselineSchema, "baseline file").data : { accepted: [] },
});

/** A form as the baseline names it: its path from the baseline's folder, with forward slashes. */
export const formKey = (baseline: string, cwd: string, path: string) =>
  path === "-" ? path : relative(dirname(baseline), resolve(cwd, path)).split(sep).join("/");

/** The accepted findings of one form. */
export function acceptedIn(baseline: BaselineFile | undefined, cwd: string, path: string): AcceptedIn | undefined {
  if (!baseline) return undefined;
  const key = formKey(baseline.file, cwd, path);
  const entries = new Map(baseline.data.accepted.filter((e) => e.file === key).map((e) => [e.fingerprint, e]));
  return (fingerprint) => {
    const entry = entries.get(fingerprint);
    return entry && { reason: entry.reason, by: entry.by, date: entry.date };
  };
}

/** Written whole, to a temporary file renamed over it: a reader never sees half a baseline. */
export function writeBaseline({ file, data }: BaselineFile): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, JSON.stringify(data, null, 2) + "\n");
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError(`${display(file)}: cannot write the baseline (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** Who accepts: "Name <email>" from git config, or undefined when git knows neither. */
export function gitUser(io: Io): string | undefined {
  const read = (key: string) => {
    try {
      return execFileSync("git", ["config", key], {
        cwd: io.cwd,
        env: { ...process.env, ...io.env },
        encoding: "utf8",
        stdio: "pipe",
      }).trim();
    } catch {
      return "";
    }
  };
  const [name, email] = [read("user.name"), read("user.email")];
  if (!name && !email) return undefined;
  return name && email ? `${name} <${email}>` : name || email;
}

/** Today as YYYY-MM-DD, in local time: the day the person accepting sees. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The baseline with this entry added, or put in place of the one for the same finding. */
export function withEntry(data: Baseline, entry: BaselineEntry): { data: Baseline; replaced: boolean } {
  const same = (e: BaselineEntry) => e.file === entry.file && e.fingerprint === entry.fingerprint;
  const replaced = data.accepted.some(same);
  return { data: { ...data, accepted: replaced ? data.accepted.map((e) => (same(e) ? entry : e)) : [...data.accepted, entry] }, replaced };
}

/** An entry that no longer names a finding, and why. */
export interface StaleEntry {
  entry: BaselineEntry;
  why: string;
}

/**
 * Entries whose finding is gone: the form no longer has the sentence (or no longer leaves
 * the element out), or the form itself is gone. Forms that exist but were not scanned are
 * not judged.
 */
export function staleEntries(baseline: BaselineFile, views: FormVerdict[], cwd: string): StaleEntry[] {
  const scanned = new Map(views.map((v) => [formKey(baseline.file, cwd, v.path), v]));
  return baseline.data.accepted.flatMap((entry): StaleEntry[] => {
    const view = scanned.get(entry.file);
    if (!view) return existsSync(resolve(dirname(baseline.file), entry.file)) ? [] : [{ entry, why: "the form is gone" }];
    const fingerprints = new Set(view.fingerprints);
    if (fingerprints.has(entry.fingerprint)) return [];
    return [
      { entry, why: entry.sentence === undefined ? "the form no longer leaves this element out" : "the form no longer has this sentence" },
    ];
  });
}

// Enough of the sentence to find the entry in the file by eye.
const sentenceShown = 100;

/** One line per stale entry: "forms/a.pdf 1a2b3c4d5e (rule-id): the form no longer has this sentence: “…”". */
export function staleLine({ entry, why }: StaleEntry): string {
  const sentence =
    entry.sentence && entry.sentence.length > sentenceShown
      ? `${entry.sentence.slice(0, sentenceShown).replace(/\s\S*$/, "")}…`
      : entry.sentence;
  return `stale baseline entry: ${entry.file} ${shortId(entry.fingerprint)} (${entry.ruleId}): ${why}${sentence ? `: “${sentence}”` : ""}`;
}
