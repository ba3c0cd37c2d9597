/**
 * The commonest short words of the languages the rules read (English and Spanish), lower case:
 * a short word in upper case that is none of these is taken for an acronym, or, in a line whose
 * other words are not word-like, for a garbled word (src/extract/garbled.ts).
 */
export const commonShortWords: ReadonlySet<string> = new Set(
  [
    // English
    "a an and any are as at be but by can do for from has have he her his i if in is it its may me my no not of on one or our",
    "she so that the them they this to two up us was we who will with you your",
    // Spanish
    "a al con de del e el en es esa ese esta este fue hay la las le les lo los mas más mi muy ni no o para pero por que qué se ser",
    "si sí sin son su sus un una uno y ya yo",
  ]
    .join(" ")
    .split(" "),
);
