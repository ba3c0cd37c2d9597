import { describe, expect, it } from "vitest";
import { documentFromPages } from "../src/extract/document.js";
import { normalize } from "../src/text/normalize.js";
import { readability, targetGrade } from "../src/assess/readability.js";
import { rulebook } from "./helpers.js";

/**
 * The tool's own words are read by patients: every rule's (and model finding's) and checklist element's
 * explanation and questions, and every key point, read at grade 8 or below by the same
 * Flesch-Kincaid measure the tool applies to forms (each line a sentence). Explanations
 * and questions are shown apart, so they are measured apart.
 */
// The sentence splitter takes a line ending in "?" for a heading, which readability leaves
// out; a question is measured as the statement it would be.
const asStatement = (line: string) => line.replace(/\?$/, ".");
const gradeOf = (lines: string[]) =>
  readability(normalize(documentFromPages("words", "text", [lines.map(asStatement)], { linesAreParagraphs: true }))).grade;

const { elements, keyPoints, rulesById } = rulebook();
// rulesById holds the model's findings too (rules/model.yaml): they speak to patients the same way.
const rules = [...rulesById.values()].map((rule) => ({ rule }));
const texts: [string, string[]][] = [
  ...rules.map(({ rule }): [string, string[]] => [`${rule.id} explanation`, [rule.explanation, ...(rule.point ? [rule.point] : [])]]),
  ...rules.filter(({ rule }) => rule.questions.length).map(({ rule }): [string, string[]] => [`${rule.id} questions`, rule.questions]),
  ...elements.map(({ element }): [string, string[]] => [`${element.id} explanation`, [element.explanation]]),
  ...elements.map(({ element }): [string, string[]] => [`${element.id} question`, [element.question]]),
  ...[...keyPoints.categories].map(([category, { point }]): [string, string[]] => [`key point of ${category}`, [point]]),
];

describe("plain words", () => {
  it("measures questions (a question is not taken for a heading)", () => {
    const hardQuestion = "Who exactly will receive my protected health information, and under which circumstances?";
    expect(gradeOf([hardQuestion])).toBeGreaterThan(targetGrade);
  });

  it.each(texts)("%s reads at grade 8 or below", (_id, lines) => {
    expect(gradeOf(lines)).toBeLessThanOrEqual(targetGrade);
  });
});
