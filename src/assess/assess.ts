import type { Finding, Report, Text } from "../types.js";
import type { Rulebook } from "../rules/load.js";
import { matchSentences } from "../match/sentence.js";
import { detectKinds } from "./kinds.js";
import { findMissing } from "./missing.js";
import { readability } from "./readability.js";
import { score } from "./score.js";
import { rankQuestions } from "./questions.js";
import { findChoices, keyPoints } from "./key-points.js";

export interface AssessOptions {
  /** Kinds of form given by the user (--kind), instead of detecting them. */
  kinds?: string[];
}

/** assess: findings of one text -> Report: kinds of form, missing elements, readability, grade, questions. */
export function assess(text: Text, findings: Finding[], rulebook: Rulebook, options: AssessOptions = {}): Report {
  const sentences = [...matchSentences(text)];
  const kinds = detectKinds(
    sentences.map((s) => s.sentence),
    rulebook,
    options.kinds,
  );
  const missing = findMissing(kinds, sentences, findings, rulebook);
  const choices = findChoices(sentences, rulebook);
  return {
    text,
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
