import { describe, expect, it } from "vitest";
import { documentFromPages } from "../src/extract/document.js";
import { normalize } from "../src/text/normalize.js";
import { readability, targetGrade } from "../src/assess/readability.js";
import { rulebook } from "./helpers.js";

/**
 * The tool's own words are read by patients: every rule's and checklist element's
 * explanation and questions, and every key point, read at grade 8 or below by the same
 * Flesch-Kincaid measure the tool applies to forms (each line a sentence).
 */
const gradeOf = (lines: string[]) =>
  readability(normalize(documentFromPages("words", "text", [lines], { linesAreParagraphs: true }))).grade;

const { rules, elements, keyPoints } = rulebook();
const texts: [string, string[]][] = [
  ...rules.map(({ rule }): [string, string[]] => [rule.id, [rule.explanation, ...rule.questions, ...(rule.point ? [rule.point] : [])]]),
  ...elements.map(({ element }): [string, string[]] => [element.id, [element.explanation, element.question]]),
  ...[...keyPoints.categories].map(([category, { point }]): [string, string[]] => [`key point of ${category}`, [point]]),
];

describe("plain words", () => {
  it.each(texts)("%s reads at grade 8 or below", (_id, lines) => {
    expect(gradeOf(lines)).toBeLessThanOrEqual(targetGrade);
  });
});
