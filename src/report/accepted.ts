import type { Severity } from "../types.js";
import type { AcceptedFinding } from "./view.js";
import type { Messages } from "./messages/messages.js";
import { shortId } from "./fingerprint.js";

// How every report lists accepted findings (their acceptance and the baseline line are worded by the messages
// modules; the baseline file itself: ./baseline.ts).

/** An accepted finding as the reports list it, in their language: its severity, what it is, where, and its id. */
export function acceptedItem(a: AcceptedFinding, m: Messages): { severity: Severity; title: string; place: string; id: string } {
  const id = shortId(a.fingerprint);
  if ("finding" in a) return { severity: a.finding.severity, title: a.rule.title, place: a.place, id };
  return { severity: a.element.severity, title: m.doesNotSay(a.element.title), place: "", id };
}
