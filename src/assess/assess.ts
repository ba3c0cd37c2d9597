import type { Finding, Report, Text } from "../types.js";
import type { RuleSet } from "../rules/load.js";
import { sentenceOf } from "../rules/sentence.js";
import { detectKinds } from "./kinds.js";
import { findMissing } from "./missing.js";
import { readability } from "./readability.js";
import { score } from "./score.js";
import { rankQuestions } from "./questions.js";

export interface AssessOptions {
  /** Kinds of form given by the user (--kind), instead of detecting them. */
  kinds?: string[];
}

/** assess: findings of one text -> Report: kinds of form, missing elements, readability, grade, questions. */
export function assess(text: Text, findings: Finding[], rules: RuleSet, options: AssessOptions = {}): Report {
  const sentences = text.sentences.map((span) => ({
    sentence: sentenceOf(text.value, span),
    ...(span.leadIn ? { leadIn: sentenceOf(text.value, span.leadIn) } : {}),
  }));
  const kinds = detectKinds(
    sentences.map((s) => s.sentence),
    rules,
    options.kinds,
  );
  const missing = findMissing(kinds, sentences, findings, rules);
  return {
    text,
    findings,
    kinds,
    missing,
    readability: readability(text),
    score: score(findings, missing, rules.grading),
    questions: rankQuestions(findings, missing, rules.byId),
    rules: rules.byId,
  };
}
