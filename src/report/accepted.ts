import type { Severity } from "../types.js";
import type { Acceptance } from "./baseline.js";
import type { AcceptedFinding } from "./view.js";
import { shortId } from "./fingerprint.js";

// How every report words accepted findings and the baseline it used (the baseline file itself: ./baseline.ts).

/** "accepted: our IRB approved this wording, by Ann <ann@example.org>, 2026-03-01" */
export const acceptanceText = (a: Acceptance) => `accepted: ${a.reason}, by ${a.by}, ${a.date}`;

/** What every report says of the baseline it used: "Baseline .consent-lens-baseline.json: 2 findings accepted". */
export const baselineText = (file: string, accepted: number) =>
  `Baseline ${file}: ${accepted ? `${accepted} finding${accepted === 1 ? "" : "s"} accepted` : "no finding accepted"}`;

/** An accepted finding as the reports list it: its severity, what it is, where, and its id. */
export function acceptedItem(a: AcceptedFinding): { severity: Severity; title: string; place: string; id: string } {
  const id = shortId(a.fingerprint);
  if ("finding" in a) return { severity: a.finding.severity, title: a.rule.title, place: a.place, id };
  return { severity: a.element.severity, title: `The form does not say: ${a.element.title}`, place: "", id };
}
