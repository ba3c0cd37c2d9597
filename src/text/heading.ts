/**
 * Whether a sentence is a heading rather than a statement: a question in the form
 * ("Who will see my data?"), a short line with no closing punctuation ("How Long
 * We Keep Your Photographs"), or a title of any length in capitals or Title Case
 * ("CONSENT TO STORE AND SHARE YOUR SAMPLES AND HEALTH INFORMATION"). List items are
 * statements however short ("• The Food and Drug Administration"). Rules skip
 * headings; readability starts a section at one.
 */
const shortHeading = 6;

/** A line in Title Case: most of its longer words start with a capital ("Possible Benefits and Other Choices"). */
export const isTitleCase = (line: string) => {
  const words = line.split(" ").filter((w) => /^\p{L}{4,}/u.test(w));
  return words.length >= 2 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= words.length * 0.75;
};

/** A line in capitals, with two words or more ("NOTICE OF PRIVACY PRACTICES"). */
const isAllCaps = (line: string) => !/\p{Ll}/u.test(line) && (line.match(/\p{Lu}{2,}/gu) ?? []).length >= 2;

// Forms set warnings in capitals, often without a full stop ("YOUR SAMPLES MAY BE SOLD TO COMPANIES"):
// a line in capitals with a modal or a form of "be" is a statement, unless it opens as a question
// would ("WHO WILL SEE MY RECORDS"). Titles name a topic and have neither.
const statementVerb =
  /(?<!\p{L})(MAY|WILL|CAN|COULD|WOULD|SHOULD|MIGHT|MUST|SHALL|IS|ARE|WAS|WERE|BE|BEEN|PUEDE|PUEDEN|PODRÁ|PODRÁN|PODEMOS|PODRÍA|PODRÍAN|SERÁ|SERÁN|DEBE|DEBEN|DEBERÁ|DEBERÁN)(?!\p{L})/u;
const questionOpening =
  /^[^\p{L}]*(WHO|WHAT|WHEN|WHERE|WHY|HOW|WHICH|WILL|CAN|MAY|DO|DOES|IS|ARE|QUIÉN|QUÉ|CUÁNDO|DÓNDE|POR QUÉ|CÓMO|CUÁL)(?!\p{L})/u;
const isCapitalTitle = (line: string) => !statementVerb.test(line) || questionOpening.test(line);

const closed = /[.:;!]["”’)]?$/;

/** A line ending in a comma or a joining word goes on in the next line, in capitals too ("... MEDICAL CARE TO" / "PARTICIPANTS."). */
export const endsOpen =
  /(,|\b(and|or|nor|of|to|the|a|an|for|with|by|in|on|at|from|that|your|any|as|is|are|be|will|may|shall|must|can|could|would|should|might|not|but|than|which|who|whether|if|including))$/i;

/** A short line with no closing punctuation ("Who May See Your Records"): a heading, or the lead-in of the list after it. */
export const isShortHeading = (sentence: string, words: number) => words <= shortHeading && !closed.test(sentence) && !/^\W/.test(sentence);

export const isHeading = (sentence: string, words: number, inList: boolean) =>
  sentence.endsWith("?") ||
  (!inList &&
    (isShortHeading(sentence, words) ||
      (!closed.test(sentence) &&
        !endsOpen.test(sentence) &&
        !/^\W/.test(sentence) &&
        (isAllCaps(sentence) ? isCapitalTitle(sentence) : isTitleCase(sentence)))));
