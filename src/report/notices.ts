import { pagedFormats, type Finding, type IdentifierKind, type Report } from "../types.js";
import type { RuleChanges } from "../rules/load.js";
import { languageName } from "../text/language.js";
import { locate } from "../text/locate.js";
import { maskCharacter } from "./redact.js";

/*
 * What every format says, in the same words, about what could change how a report should
 * be read: parts of the form no rule read, identifiers masked, and rules that are not the
 * bundled ones.
 */

const list = (items: string[]) => (items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Where a span of the text is, in words: its pages ("page 2", "pages 2-3"), or its first line in a form without pages. */
function placeOf(report: Report, start: number, end: number): string {
  const [first, last] = [locate(report.text, start), locate(report.text, Math.max(start, end - 1))];
  if (!pagedFormats.includes(report.text.document.format)) return `from line ${first.line}`;
  return first.page === last.page ? `page ${first.page}` : `pages ${first.page}-${last.page}`;
}

/** Says which parts of the form no rule pack read, or undefined when the rules read all of it. */
export function languageNotice(report: Report): string | undefined {
  const { coverage } = report;
  if (!coverage.unchecked.length) return undefined;
  if (!coverage.checked)
    return (
      `This form is in ${languageName(coverage.main)}, which no loaded rule pack reads: it was not checked at all. ` +
      `No findings here does not mean no risks.`
    );
  const unread = [...new Set(coverage.unchecked.map((s) => s.language))].map(languageName);
  const all = [...new Set(report.text.languages.map((s) => s.language))].filter((l) => l !== "und").map(languageName);
  const pages = coverage.unchecked.map((s) => placeOf(report, s.start, s.end));
  return (
    `This form is in ${list(all)}; its ${list(unread)} ${coverage.unchecked.length === 1 ? "section" : "sections"}` +
    `${pages.length ? ` (${pages.join(", ")})` : ""} ${coverage.unchecked.length === 1 ? "was" : "were"} not checked: ` +
    `no loaded rule pack reads ${list(unread)}. The findings and the grade are for its ${list(coverage.read.map(languageName))} sections only.`
  );
}

const kindWords: Record<IdentifierKind, [string, string]> = {
  name: ["a name", "names"],
  "date of birth": ["a date of birth", "dates of birth"],
  "date of care": ["a date of care", "dates of care"],
  "record number": ["a record or member number", "record or member numbers"],
  SSN: ["a Social Security number", "Social Security numbers"],
  phone: ["a phone number", "phone numbers"],
  "e-mail": ["an e-mail address", "e-mail addresses"],
  address: ["a postal address", "postal addresses"],
};

/** Says how many identifiers of a filled-in form are masked (or shown, with --no-redact); undefined when it holds none. */
export function identifierNotice(report: Report): string | undefined {
  const { identifiers } = report;
  if (!identifiers.length) return undefined;
  const counts = new Map<IdentifierKind, number>();
  for (const id of identifiers) counts.set(id.kind, (counts.get(id.kind) ?? 0) + 1);
  // A name recurs: its count is of places, not of people.
  const what = list(
    [...counts].map(([kind, n]) =>
      n === 1 ? kindWords[kind][0] : kind === "name" ? `names in ${n} places` : `${n} ${kindWords[kind][1]}`,
    ),
  );
  return report.redacted
    ? `${plural(identifiers.length, "identifier")} the form was filled in with ${identifiers.length === 1 ? "is" : "are"} masked (${maskCharacter}${maskCharacter}${maskCharacter}): ${what}. --no-redact shows them.`
    : `The form holds ${plural(identifiers.length, "identifier")} (${what}), shown as written (--no-redact): keep this report as private as the form.`;
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
