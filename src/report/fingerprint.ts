// A finding's stable id, the one thing the JSON report (`fingerprint`), SARIF
// (partialFingerprints) and the baseline of accepted findings agree on: a hash of
// the rule id and the sentence with case, spacing and punctuation folded, plus ":n"
// for its n-th occurrence in the file. A form that is only reflowed or re-paginated
// keeps its ids; a reworded sentence gets a new one. A missing element's id is a hash
// of the element id: the form's silence has no sentence.
import type { Finding, Report } from "../types.js";
import { quote } from "./excerpt.js";
import { sha256 } from "./sha256.js";

/** The key of the fingerprint in SARIF's partialFingerprints. */
export const fingerprintKey = "consentLens/v1";

/** The sentence as the fingerprint sees it: reflow, case and punctuation do not matter. */
export const fingerprintText = (sentence: string) =>
  sentence
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The fingerprint of every finding of a report, counting repeated sentences in reading order. */
export function fingerprintsOf(report: Report): Map<Finding, string> {
  const seen = new Map<string, number>();
  return new Map(
    report.findings.map((f) => {
      const hash = sha256(`${f.ruleId}\u0000${fingerprintText(quote(report.text, f.sentence))}`);
      const n = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, n);
      return [f, `${hash}:${n}`];
    }),
  );
}

/** The fingerprint of a checklist element the form leaves out. */
export const missingFingerprint = (elementId: string) => `${sha256(`${elementId}\u0000missing`)}:1`;

// Ten hex digits tell apart a million findings with a chance of a clash below one in a thousand.
const shortLength = 10;

/** The id reports show: the first hex digits of the hash, and ":n" for a sentence the form repeats. */
export function shortId(fingerprint: string): string {
  const [hash = "", n = "1"] = fingerprint.split(":");
  return hash.slice(0, shortLength) + (n === "1" ? "" : `:${n}`);
}

/** Whether an id the user typed (a fingerprint, or a prefix of its hash with an optional ":n") names this fingerprint. */
export function idNames(id: string, fingerprint: string): boolean {
  const [prefix = "", n = "1"] = id.trim().toLowerCase().split(":");
  const [hash = "", occurrence = "1"] = fingerprint.split(":");
  return prefix.length > 0 && hash.startsWith(prefix) && n === occurrence;
}
