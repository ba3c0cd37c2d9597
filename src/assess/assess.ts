import type { Coverage, Finding, Report, Text } from "../types.js";
import type { Rulebook } from "../rules/load.js";
import { matchSentences } from "../match/sentence.js";
import { detectKinds } from "./kinds.js";
import { findMissing } from "./missing.js";
import { readability } from "./readability.js";
import { score } from "./score.js";
import { rankQuestions } from "./questions.js";
import { findChoices, keyPoints } from "./key-points.js";
import { coverage } from "./coverage.js";
import { languageName } from "../text/language.js";
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
  const sentences = [...matchSentences(text)].filter((s) => !unread.has(s.language));
  const kinds = detectKinds(sentences, rulebook, options.kinds);
  const missing = findMissing(kinds, sentences, findings, rulebook);
  const choices = findChoices(sentences, rulebook);
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
