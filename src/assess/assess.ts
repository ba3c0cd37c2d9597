import type { Coverage, Finding, Report, Span, Text } from "../types.js";
import type { Rulebook } from "../rules/load.js";
import { matchSentences } from "../match/sentence.js";
import { givenKinds, kindDetector } from "./kinds.js";
import { missingFinder } from "./missing.js";
import { readability } from "./readability.js";
import { score } from "./score.js";
import { rankQuestions } from "./questions.js";
import { keyPoints, offersChoice } from "./key-points.js";
import { coverage } from "./coverage.js";
import { languageName, sentenceLanguages, undetermined } from "../text/language.js";
import { findIdentifiers } from "../text/identifiers.js";

export interface AssessOptions {
  /** Kinds of form given by the user (--kind), instead of detecting them. */
  kinds?: string[];
}

/**
 * assess: findings of one text -> Report: kinds of form, missing elements, readability, grade, questions.
 * Only the sections in a language the rules read count; a form too little of which is in one is not assessed.
 */
export function assess(text: Text, findings: Finding[], rulebook: Rulebook, options: AssessOptions = {}): Report {
  const covered = coverage(text, rulebook.languages);
  if (!covered.checked) return unchecked(text, covered, rulebook);
  const unread = new Set(covered.unchecked.map((s) => s.language));
  // One pass over the sentences, each built for matching as it is visited and let go after.
  const given = options.kinds && givenKinds(options.kinds, rulebook);
  const detector = given ? undefined : kindDetector(rulebook);
  const finder = missingFinder(rulebook, findings, findingLanguages(text));
  const choices: Span[] = [];
  for (const sentence of matchSentences(text)) {
    if (unread.has(sentence.language)) continue;
    detector?.see(sentence);
    finder.see(sentence);
    if (offersChoice(sentence, rulebook)) choices.push(sentence.sentence.span);
  }
  const kinds = given ?? detector!.kinds();
  const missing = finder.missing(kinds);
  return {
    text,
    coverage: covered,
    identifiers: findIdentifiers(text.value),
    findings,
    kinds,
    missing,
    readability: readability(text),
    score: score(text, findings, missing, choices, rulebook),
    questions: rankQuestions(findings, missing, rulebook.rulesById),
    keyPoints: keyPoints(text, findings, missing, choices, rulebook),
    choices,
    rulesById: rulebook.rulesById,
  };
}

/** The language of a finding: that of its sentence. */
function findingLanguages(text: Text): (finding: Finding) => string {
  const languages = sentenceLanguages(text);
  const byStart = new Map(text.sentences.map((s, i) => [s.start, languages[i]!]));
  return (finding) => byStart.get(finding.sentence.start) ?? undetermined;
}

// A form in a language no rule pack reads: nothing found is not good news, so it gets no grade, no findings and no questions.
function unchecked(text: Text, covered: Coverage, rulebook: Rulebook): Report {
  const language = languageName(covered.main);
  return {
    text,
    coverage: covered,
    identifiers: findIdentifiers(text.value),
    findings: [],
    kinds: [],
    missing: [],
    readability: readability(text),
    score: { score: 0, ungraded: `the form is in ${language} and was not checked`, breakdown: [] },
    questions: [],
    keyPoints: [],
    choices: [],
    rulesById: rulebook.rulesById,
  };
}
