/**
 * Whether a sentence is a heading rather than a statement: a question in the form
 * ("Who will see my data?") or a short line with no closing punctuation ("How Long
 * We Keep Your Photographs"). List items are statements however short ("• The Food
 * and Drug Administration"). Rules skip headings; readability starts a section at one.
 */
const shortHeading = 6;

export const isHeading = (sentence: string, words: number, inList: boolean) =>
  sentence.endsWith("?") || (!inList && words <= shortHeading && !/[.:;!]["”’)]?$/.test(sentence) && !/^\W/.test(sentence));
