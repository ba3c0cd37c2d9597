import { severities, type Finding, type KeyPoint, type Missing, type Span, type Text } from "../types.js";
import type { Rulebook } from "../rules/load.js";
import { findSpec } from "../match/spec.js";
import { reads, type SentenceInContext } from "../match/sentence.js";
import { locate } from "../text/locate.js";

const maxKeyPoints = 5;

/** Whether a sentence offers the patient a choice, in the wording of its language (a heading that names an optional part offers none). */
export function offersChoice({ sentence, leadIn, heading, language }: SentenceInContext, rulebook: Rulebook): boolean {
  return (
    !heading && rulebook.keyPoints.choices.some((wording) => reads(wording.lang, language) && Boolean(findSpec(wording, sentence, leadIn)))
  );
}

/**
 * The few things that matter most: what the form allows, ranked by severity and then by
 * how unusual it is (routine sharing for care ranks below AI training or sale); then the
 * first choice it offers; then the most severe thing it never says. Risks that read the
 * same in plain words are one point, with all their pages.
 */
export function keyPoints(text: Text, findings: Finding[], missing: Missing[], choices: Span[], rulebook: Rulebook): KeyPoint[] {
  const choice: KeyPoint[] = choices
    .slice(0, 1)
    .map((sentence) => ({ kind: "choice", sentence, pages: [locate(text, sentence.start).page] }));
  const silent: KeyPoint[] = [...missing]
    .sort((a, b) => severities.indexOf(a.element.severity) - severities.indexOf(b.element.severity))
    .slice(0, 1)
    .map(({ element }) => ({ kind: "silent", element }));
  const allows = allowsPoints(findings, rulebook).slice(0, maxKeyPoints - choice.length - silent.length);
  return [...allows, ...choice, ...silent];
}

function allowsPoints(findings: Finding[], rulebook: Rulebook): KeyPoint[] {
  const points = new Map<string, { point: KeyPoint & { kind: "allows" }; unusual: number; first: number }>();
  for (const f of findings) {
    if (f.polarity !== "risk") continue;
    const rule = rulebook.rulesById.get(f.ruleId);
    const fallback = rulebook.keyPoints.categories.get(f.category);
    const text = rule?.point ?? fallback?.point;
    if (!text) continue;
    const unusual = rule?.unusual ?? fallback?.unusual ?? 1;
    const entry = points.get(text) ?? {
      point: { kind: "allows", point: text, severity: f.severity, pages: [], sources: [] },
      unusual,
      first: f.span.start,
    };
    if (severities.indexOf(f.severity) < severities.indexOf(entry.point.severity)) entry.point.severity = f.severity;
    entry.unusual = Math.max(entry.unusual, unusual);
    if (!entry.point.pages.includes(f.position.page)) entry.point.pages.push(f.position.page);
    if (!entry.point.sources.includes(f.ruleId)) entry.point.sources.push(f.ruleId);
    points.set(text, entry);
  }
  return [...points.values()]
    .sort(
      (a, b) => severities.indexOf(a.point.severity) - severities.indexOf(b.point.severity) || b.unusual - a.unusual || a.first - b.first,
    )
    .map(({ point }) => ({ ...point, pages: point.pages.sort((x, y) => x - y) }));
}
