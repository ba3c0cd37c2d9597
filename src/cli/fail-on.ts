import { severities, type Severity } from "../types.js";
import type { Element } from "../rules/schema.js";
import type { Config, FailOn } from "../rules/config.js";
import { display } from "../display.js";
import type { ReportDiff } from "../assess/diff.js";
import type { ReportView } from "../report/view.js";
import { languageNotice } from "../report/notices.js";
import { plural } from "../report/messages/messages.js";
import type { BaselineFile } from "./baseline.js";
import { baselinePath } from "./baseline-path.js";
import type { Io } from "./io.js";
import { exitCodes } from "./options.js";

/** When a scan fails: risks at or above `risks`, missing elements at or above `missing`; and who asked. */
export interface FailPolicy {
  risks?: Severity;
  missing?: Severity;
  /** The options that asked for it, for the reason line: "--fail-on high and --fail-on-missing". */
  because: string;
}

export interface FailFlags {
  failOn?: FailOn;
  failOnMissing?: boolean;
}

/**
 * The flags win over the config. --fail-on-missing alone fails on any missing element;
 * with a threshold, on those at or above it. `none` turns every condition off.
 */
export function failPolicy(flags: FailFlags, config: Config | undefined, cwd: string): FailPolicy | undefined {
  const failOn = flags.failOn ?? config?.data["fail-on"];
  const missing = flags.failOnMissing ?? config?.data["fail-on-missing"] ?? false;
  if (failOn === "none" || (!failOn && !missing)) return undefined;
  return {
    ...(failOn && { risks: failOn }),
    ...(missing && { missing: failOn ?? "info" }),
    because: askedBy(flags, config, failOn, missing, cwd),
  };
}

// "--fail-on high and fail-on-missing in .consent-lens.yaml"
function askedBy(flags: FailFlags, config: Config | undefined, failOn: FailOn | undefined, missing: boolean, cwd: string): string {
  const fromConfig = (field: string) => `${field} in ${display(config!.file, cwd)}`;
  const asked = [];
  if (failOn) asked.push(flags.failOn ? `--fail-on ${failOn}` : fromConfig(`fail-on: ${failOn}`));
  if (missing) asked.push(flags.failOnMissing ? "--fail-on-missing" : fromConfig("fail-on-missing"));
  return asked.join(" and ");
}

/** A test of a severity against a threshold; nothing passes no threshold. */
const atOrAbove = (threshold: Severity | undefined) => (severity: Severity) =>
  threshold !== undefined && severities.indexOf(severity) <= severities.indexOf(threshold);
// "Common Rule basic elements" -> "Common Rule basic": the count reads "2 missing Common Rule basic elements".
const checklistName = (element: Element) => element.checklist.replace(/\s+elements?$/i, "");

/** "2 high risks, 1 missing HIPAA authorization element" (`fresh`: "1 new high risk, 1 newly missing ..."). */
function countsText(risks: Severity[], missing: Element[], fresh: boolean): string {
  const parts = severities
    .map((s) => [s, risks.filter((r) => r === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => plural(n, `${fresh ? "new " : ""}${s} risk`));
  const byChecklist = new Map<string, number>();
  for (const e of missing) byChecklist.set(checklistName(e), (byChecklist.get(checklistName(e)) ?? 0) + 1);
  for (const [checklist, n] of byChecklist) parts.push(plural(n, `${fresh ? "newly " : ""}missing ${checklist} element`));
  return parts.join(", ");
}

/** What the verdict of a scan needs of a form: small, made where the form was scanned (a batch worker). */
export interface FormVerdict {
  path: string;
  /** The severities of its risks, and its missing elements, the accepted ones aside. */
  risks: Severity[];
  missing: Element[];
  accepted: number;
  /** Why part of it was not checked (a language no rule pack reads), if so. */
  unchecked?: string;
  /** The fingerprints of its findings and missing elements (for --baseline-check). */
  fingerprints: string[];
}

export const verdictOf = (v: ReportView): FormVerdict => {
  const unchecked = v.report.coverage.unchecked.length ? languageNotice(v.report) : undefined;
  return {
    path: v.path,
    risks: v.risks.map((r) => r.finding.severity),
    missing: v.missing,
    accepted: v.accepted.length,
    ...(unchecked !== undefined && { unchecked }),
    fingerprints: [...v.findings.map((f) => f.fingerprint), ...v.allMissing.map((m) => m.fingerprint)],
  };
};

/** Why a scan fails, as one line ("2 high risks, ...: failing because of --fail-on high"), or undefined when it does not. */
export function scanFailure(views: FormVerdict[], policy: FailPolicy): string | undefined {
  const [riskCounts, missingCounts] = [atOrAbove(policy.risks), atOrAbove(policy.missing)];
  const perForm = views.map((v) => ({
    risks: v.risks.filter(riskCounts),
    missing: v.missing.filter((e) => missingCounts(e.severity)),
  }));
  const failing = perForm.filter((f) => f.risks.length + f.missing.length > 0);
  if (!failing.length) return undefined;
  const text = countsText(
    failing.flatMap((f) => f.risks),
    failing.flatMap((f) => f.missing),
    false,
  );
  const where = views.length > 1 ? ` in ${failing.length} of ${plural(views.length, "form")}` : "";
  const accepted = views.reduce((n, v) => n + v.accepted, 0);
  return `${text}${where}: failing because of ${policy.because}${accepted ? ` (${plural(accepted, "accepted finding")} not counted)` : ""}`;
}

/** Why a diff fails under --fail-on-new: the risks and missing elements the new version added, at or above the threshold. */
export function diffFailure(d: ReportDiff, failOnNew: FailOn | undefined): string | undefined {
  if (!failOnNew || failOnNew === "none") return undefined;
  const counts = atOrAbove(failOnNew);
  const risks = d.added.filter((f) => f.polarity === "risk").map((f) => f.severity);
  const text = countsText(
    risks.filter(counts),
    d.missingGained.filter((e) => counts(e.severity)),
    true,
  );
  return text ? `${text}: failing because of --fail-on-new ${failOnNew}` : undefined;
}

/**
 * The exit code of a scan whose files were all read: 1 when a fail condition holds, each
 * reason one line on standard error (always said, so that a CI step failing because of the
 * config's fail-on says why); --baseline-check lists the stale entries first.
 */
export async function scanVerdict(
  views: FormVerdict[],
  flags: FailFlags & { baselineCheck?: boolean },
  config: Config | undefined,
  baseline: BaselineFile | undefined,
  io: Io,
): Promise<number> {
  const policy = failPolicy(flags, config, io.cwd);
  // With a fail condition, a form (or part of one) that no rule pack could read is not passed: it was not checked.
  const unchecked = policy ? views.filter((v) => v.unchecked !== undefined) : [];
  for (const { path, unchecked: why } of unchecked) io.stderr(`consent-lens: ${path}: ${why}\n`);
  if (unchecked.length) return exitCodes.error;
  const reasons = [policy && scanFailure(views, policy)];
  if (flags.baselineCheck && !baseline)
    io.stderr(
      `consent-lens: --baseline-check: no baseline file (${display(baselinePath(undefined, config, io.cwd), io.cwd)}), so nothing to check\n`,
    );
  if (flags.baselineCheck && baseline) {
    const { staleEntries, staleLine } = await import("./baseline.js");
    const stale = staleEntries(baseline, views, io.cwd);
    for (const entry of stale) io.stderr(`consent-lens: ${staleLine(entry)}\n`);
    if (stale.length)
      reasons.push(`${stale.length} stale baseline entr${stale.length === 1 ? "y" : "ies"}: failing because of --baseline-check`);
  }
  const failures = reasons.filter((r): r is string => Boolean(r));
  for (const reason of failures) io.stderr(`consent-lens: ${reason}\n`);
  return failures.length ? exitCodes.failOn : exitCodes.ok;
}
