import type { Finding, Report } from "../types.js";
import type { Element } from "../rules/schema.js";
import { tokenize } from "../text/tokens.js";

/** What changed between two versions of a form. */
export interface ReportDiff {
  before: Report;
  after: Report;
  /** Findings of the new version with no counterpart in the old one. */
  added: Finding[];
  /** Findings of the old version gone from the new one. */
  removed: Finding[];
  /** Pairs [old, new] of the same finding. */
  unchanged: [Finding, Finding][];
  /** Elements the new version no longer says, and those it now says. */
  missingGained: Element[];
  missingFilled: Element[];
}

// Two findings are the same when category and polarity agree and their sentences
// share most words, so a reflowed or lightly edited sentence is not a change.
const sameSentence = 0.6;

function words(report: Report, f: Finding): Set<string> {
  return new Set(tokenize(report.text.value, f.sentence.start, f.sentence.end).map((t) => t.stem));
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** diff: two Reports -> the findings added, removed and unchanged, and the missing elements gained or filled. */
export function diffReports(before: Report, after: Report): ReportDiff {
  const oldWords = before.findings.map((f) => words(before, f));
  const matched = new Set<number>();
  const added: Finding[] = [];
  const unchanged: [Finding, Finding][] = [];
  for (const f of after.findings) {
    const fw = words(after, f);
    let best = -1;
    let bestScore = sameSentence;
    before.findings.forEach((g, i) => {
      if (matched.has(i) || g.category !== f.category || g.polarity !== f.polarity) return;
      const score = similarity(fw, oldWords[i]!);
      if (score >= bestScore) [best, bestScore] = [i, score];
    });
    if (best < 0) added.push(f);
    else {
      matched.add(best);
      unchanged.push([before.findings[best]!, f]);
    }
  }
  const ids = (r: Report) => new Set(r.missing.map((m) => m.element.id));
  const [was, is] = [ids(before), ids(after)];
  return {
    before,
    after,
    added,
    removed: before.findings.filter((_, i) => !matched.has(i)),
    unchanged,
    missingGained: after.missing.filter((m) => !was.has(m.element.id)).map((m) => m.element),
    missingFilled: before.missing.filter((m) => !is.has(m.element.id)).map((m) => m.element),
  };
}
