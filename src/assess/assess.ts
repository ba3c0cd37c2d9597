import type { Finding, Report, Span, Text } from "../types.js";
import type { Rulebook } from "../rules/load.js";
import { matchSentences } from "../match/sentence.js";
import { givenKinds, kindDetector } from "./kinds.js";
import { missingFinder } from "./missing.js";
import { readability } from "./readability.js";
import { score } from "./score.js";
import { rankQuestions } from "./questions.js";
import { keyPoints, offersChoice } from "./key-points.js";

export interface AssessOptions {
  /** Kinds of form given by the user (--kind), instead of detecting them. */
  kinds?: string[];
}

/** assess: findings of one text -> Report: kinds of form, missing elements, readability, grade, questions. */
export function assess(text: Text, findings: Finding[], rulebook: Rulebook, options: AssessOptions = {}): Report {
  // One pass over the sentences, each built for matching as it is visited and let go after.
  const given = options.kinds && givenKinds(options.kinds, rulebook);
  const detector = given ? undefined : kindDetector(rulebook);
  const finder = missingFinder(rulebook, findings);
  const choices: Span[] = [];
  for (const sentence of matchSentences(text)) {
    detector?.see(sentence.sentence);
    finder.see(sentence);
    if (offersChoice(sentence, rulebook)) choices.push(sentence.sentence.span);
  }
  const kinds = given ?? detector!.kinds();
  const missing = finder.missing(kinds);
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
