import { pagedFormats, type Finding, type IdentifierKind, type Report } from "../types.js";
import type { RuleChanges } from "../rules/load.js";
import { en } from "./messages/en.js";
import type { Messages } from "./messages/index.js";
import { plural } from "./messages/messages.js";
import { locate } from "../text/locate.js";
import { maskCharacter } from "./redact.js";

/*
 * What every format says, in the same words, about what could change how a report should
 * be read: parts of the form no rule read, identifiers masked, and rules that are not the
 * bundled ones.
 */

const list = en.notices.list;

/** Where a span of the text is, in words: its pages ("page 2", "pages 2-3"), or its first line in a form without pages. */
function placeOf(report: Report, start: number, end: number, m: Messages): string {
  const [first, last] = [locate(report.text, start), locate(report.text, Math.max(start, end - 1))];
  if (!pagedFormats.includes(report.text.document.format)) return m.notices.fromLine(first.line);
  return m.notices.pages(first.page, last.page);
}

/** Says which parts of the form no rule pack read, or undefined when the rules read all of it; in the messages' language. */
export function languageNotice(report: Report, m: Messages = en): string | undefined {
  const { coverage } = report;
  const { notices } = m;
  if (!coverage.unchecked.length) return undefined;
  if (!coverage.checked) return notices.notCheckedAtAll(notices.languageName(coverage.main));
  const names = (codes: string[]) => notices.list(codes.map(notices.languageName));
  const unread = [...new Set(coverage.unchecked.map((s) => s.language))];
  const all = [...new Set(report.text.languages.map((s) => s.language))].filter((l) => l !== "und");
  const places = coverage.unchecked.map((s) => placeOf(report, s.start, s.end, m));
  return notices.sectionsNotChecked(names(all), names(unread), coverage.unchecked.length, places, names(coverage.read));
}

/** Says how many identifiers of a filled-in form are masked (or shown, with --no-redact); undefined when it holds none. */
export function identifierNotice(report: Report, m: Messages = en): string | undefined {
  const { identifiers } = report;
  if (!identifiers.length) return undefined;
  const { notices } = m;
  const counts = new Map<IdentifierKind, number>();
  for (const id of identifiers) counts.set(id.kind, (counts.get(id.kind) ?? 0) + 1);
  // A name recurs: its count is of places, not of people.
  const what = notices.list(
    [...counts].map(([kind, n]) =>
      n === 1 ? notices.identifierKinds[kind][0] : kind === "name" ? notices.namesInPlaces(n) : `${n} ${notices.identifierKinds[kind][1]}`,
    ),
  );
  return report.redacted ? notices.masked(identifiers.length, what, maskCharacter.repeat(3)) : notices.shown(identifiers.length, what);
}

/** One line for each way the run's rules differ from the bundled pack: config file, added packs, rules turned off, severities. */
export function ruleChangeLines(changes: RuleChanges): string[] {
  const lines: string[] = [];
  if (changes.config) lines.push(`Config file: ${changes.config}`);
  for (const pack of changes.packs) {
    const added = [
      pack.rules.length ? `${plural(pack.rules.length, "rule")} (${pack.rules.join(", ")})` : "",
      pack.elements.length ? `${plural(pack.elements.length, "checklist element")} (${pack.elements.join(", ")})` : "",
    ].filter(Boolean);
    lines.push(`Rule pack ${pack.path} adds ${added.length ? list(added) : "no rules"}`);
  }
  if (changes.disabled.length) lines.push(`Turned off by the config: ${changes.disabled.join(", ")}`);
  if (changes.severities.length)
    lines.push(`Severities changed by the config: ${changes.severities.map((s) => `${s.id} ${s.from} → ${s.to}`).join(", ")}`);
  if (changes.failOn) lines.push(`Exit code: the config sets fail-on ${changes.failOn}`);
  return lines;
}

/** Where a finding comes from when it is not a bundled rule, and a pack's protection that disputes a risk; undefined for a bundled rule. */
export function findingSource(finding: Finding): string | undefined {
  if (finding.pack === undefined) return undefined;
  return finding.disputes
    ? `from rule pack ${finding.pack}, which calls this a protection where rule ${finding.disputes} finds a risk; the risk stands`
    : `from rule pack ${finding.pack}`;
}
