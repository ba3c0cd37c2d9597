import type { Coverage, Text } from "../types.js";
import { undetermined } from "../text/language.js";

/**
 * A form is checked when at least this share of its words, or this many words, are in a
 * language the rules read: a bilingual form is checked on its English half (and a
 * trilingual one on its English third), while a Spanish form with an English title and
 * footer is not checked at all (grading its few English lines would look like good news).
 */
const checkedShare = 0.25;
const checkedWords = 300;

/** Which sections of the text the rules, reading `read` languages, can check. */
export function coverage(text: Text, read: Set<string>): Coverage {
  const readable = (language: string) => language === undetermined || read.has(language);
  const words = new Map<string, number>();
  for (const s of text.languages) words.set(s.language, (words.get(s.language) ?? 0) + s.words);
  const main = [...words].sort((a, b) => b[1] - a[1])[0]?.[0] ?? undetermined;
  const unchecked = text.languages.filter((s) => !readable(s.language));
  const uncheckedWords = unchecked.reduce((n, s) => n + s.words, 0);
  const total = text.languages.reduce((n, s) => n + s.words, 0);
  return {
    main,
    read: [...read].sort(),
    unchecked,
    checked: unchecked.length === 0 || total - uncheckedWords >= Math.min(checkedShare * total, checkedWords),
  };
}
