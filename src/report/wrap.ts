import wrapAnsi from "wrap-ansi";

/*
 * wrap-ansi measures a word of printable ASCII by its length, and any other word through
 * Unicode segmentation and emoji tables: a report's curly quotes, dashes and accented letters
 * took that slow path at almost every sentence (about 70 ms of a scan's terminal report).
 * The characters below are one column wide each, one grapheme apiece, already in NFC and not
 * white space (test/wrap.test.ts checks every one against string-width), so wrapping a text
 * where they stand in for ASCII breaks its lines at the same places: they are swapped for a
 * placeholder before wrapping and put back after, in order.
 */
const narrow = /[\u00A1-\u00AC\u00AE-\u017F\u2010-\u2027\u2030-\u205E\u2713]/;
/** The placeholder: ASCII, not in any sequence chalk writes; its own occurrences are recorded and put back too. */
const placeholder = "`";
const swapped = new RegExp(`${narrow.source.slice(0, -1)}${placeholder}]`, "g");
const fastPath = new RegExp(`^(?:[\\u0000-\\u007F]|${narrow.source})*$`);

/** wrap-ansi's hard wrap (`wrapAnsi(text, columns, { hard: true })`), the same text, at ASCII speed where it can be. */
export function wrapText(text: string, columns: number): string {
  if (!fastPath.test(text)) return wrapAnsi(text, columns, { hard: true });
  const originals: string[] = [];
  const ascii = text.replace(swapped, (c) => (originals.push(c), placeholder));
  if (originals.length === 0) return wrapAnsi(text, columns, { hard: true });
  let next = 0;
  return wrapAnsi(ascii, columns, { hard: true }).replaceAll(placeholder, () => originals[next++]!);
}

/** The characters the fast path treats as one column wide, for the test that holds it to string-width. */
export const narrowCharacters = narrow;
