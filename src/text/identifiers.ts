import type { Identifier, IdentifierKind, Span } from "../types.js";
import { functionWords } from "./language.js";

/*
 * Identifiers of a filled-in form: what a person wrote into its fields (their name, date
 * of birth, record and member numbers, Social Security number, phone, e-mail, address),
 * found once so that every report can mask them.
 *
 * A value is taken where the form asks for it: after a field label ("Patient name:",
 * "Date of birth", "MRN #"), on the same line or in the next paragraph (a table cell).
 * Phone numbers, e-mails and addresses are taken only from such fields: in the form's own
 * sentences they are the institution's ("call the privacy office at ..."), which the
 * patient needs. A Social Security number is masked wherever it stands. A name learnt
 * from a field is masked wherever it recurs, whole or in parts ("Ms. Okafor"). Labels are
 * known in English and Spanish ("Nombre del paciente", "Fecha de nacimiento").
 *
 * Every pattern is bounded, so the search stays linear in the length of the text.
 */

// Between a label and its value: a colon or number sign, "(print)", spaces or a line break.
const sep = String.raw`[ \t]*(?:\((?:please )?print(?:ed)?\))?[ \t]*(?:[:#.\-–][ \t]*)?\n{0,2}[ \t]*`;
const months =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const date = String.raw`(?:\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|(?:${months})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:${months})\.?,?\s+\d{4})`;
const number = String.raw`(?:number|no\.?|#|num\.?)`;
const phone = String.raw`(?:\+?1[\s.\-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.\-])\d{3}[\s.\-]\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?`;
const email = String.raw`[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,4}`;
const ssn = String.raw`(?:\d{3}[\s\-]?\d{2}[\s\-]?\d{4}|(?:x{3}|\*{3})[\s\-]?(?:x{2}|\*{2})[\s\-]?\d{4})`;
// A record, account or member number: letters, digits and hyphens, with at least one digit.
const recordValue = String.raw`(?=[\w\-]{0,30}\d)[A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,4}`;
// A street address: a house number and the rest of the line, to a ZIP code, a line end or the next field.
const streetValue = String.raw`\d{1,6}[A-Za-z]?\s[^\n]{3,100}?(?=\s+(?:phone|telephone|tel|cell|e-?mail|date|dob|signature|ssn|social|medical|mrn|member)\b|\n|$)`;
const cityValue = String.raw`[A-Z][\p{L} .'\-]{1,40},?\s+[A-Z]{2},?\s+\d{5}(?:-\d{4})?`;

const people =
  "patient|participant|subject|client|member|resident|individual|enrollee|beneficiary|parent|guardian|minor|child|donor|applicant|insured|policy ?holder|subscriber|witness|(?:(?:legally )?authorized |personal |legal )?representative";
const nameLabel = String.raw`(?:(?:${people})(?:['’]s)?\s+(?:full\s+|legal\s+|printed\s+)?name|name\s+of\s+(?:the\s+)?(?:${people})|(?:printed|print|full|legal)\s+name|signature\s+of\s+(?:the\s+)?(?:${people})(?:\s+or\s+(?:${people}))?|signature(?=\s*:)|(?<![\p{L}\s]\s?)name(?=\s*:)|(?<![\p{L}]\s?)patient(?=\s*:)|nombre(?:\s+(?:completo|(?:del?|de\s+la)\s+(?:paciente|participante|representante|persona)))?(?:\s+en\s+letra\s+de\s+molde)?|firma(?:\s+del?\s+(?:paciente|participante|representante))?(?=\s*:))`;

interface Field {
  kind: IdentifierKind;
  pattern: RegExp;
}

const field = (kind: IdentifierKind, label: string, value: string): Field => ({
  kind,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${label})${sep}(${value})`, "giu"),
});

const fields: Field[] = [
  field("date of birth", String.raw`date\s+of\s+birth|birth\s*date|d\.?o\.?b\.?|born(?:\s+on)?|fecha\s+de\s+nacimiento`, date),
  field(
    "date of care",
    String.raw`dates?\s+of\s+(?:death|admission|discharge|service|visit|treatment|surgery|procedure)|(?:admission|admit|discharge|service|visit)\s+date`,
    date,
  ),
  field(
    "record number",
    String.raw`(?:medical\s+)?record\s*${number}|mrn|mr\s*#|(?:account|acct\.?|chart|case|visit|encounter|policy|claim)\s*${number}|(?:member|subscriber|patient|insurance|health\s+plan|medicaid|medicare)\s*(?:id|${number})(?:\s*${number})?|driver['’]?s\s+license(?:\s*${number})?|(?:n(?:[.º°o]+|úmero)\s*(?:de\s+)?)?(?:expediente|historia\s+clínica)(?:\s+médico)?`,
    recordValue,
  ),
  field("SSN", String.raw`social\s+security(?:\s*${number})?|ssn|ss#|(?:número\s+de\s+)?seguro\s+social`, ssn),
  field(
    "phone",
    String.raw`(?:(?:home|work|cell|mobile|daytime|evening|contact|primary|alternate|patient['’]?s?)\s+)?(?:phone|telephone|tel\.?|cell|mobile)(?:\s*${number})?|(?:n(?:[.º°o]+|úmero)\s*de\s+)?teléfono`,
    phone,
  ),
  field("e-mail", String.raw`e-?mail(?:\s+address)?|correo\s+electrónico`, email),
  field(
    "address",
    String.raw`(?:(?:home|street|mailing|patient['’]?s?|current|permanent|residential)\s+)?address(?:\s+line\s*\d)?|dirección|domicilio`,
    String.raw`${streetValue}(?:,?\s+${cityValue})?`,
  ),
  field("address", String.raw`city(?:\s*[,/]\s*state)?(?:\s*[,/]\s*zip(?:\s*code)?)?`, cityValue),
];

const anywhereSsn = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;

// A name value: up to six words that look like a name, cut at the first word that is a label.
const nameValue =
  /(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?[\p{Lu}][\p{L}'’-]*\.?(?:,?[ \t]+(?:[\p{Lu}][\p{L}'’-]*\.?|de|del|la|van|von|der|da|di|le|bin|al)){0,5}/uy;
const labelWords = new Set(
  (
    "date dob birth medical record mrn mr member account acct policy subscriber social ssn phone telephone tel cell mobile fax email e-mail " +
    "address home street city state zip sex gender age signature signed printed print name relationship witness time id patient participant " +
    "insurance health plan number no apt unit last first middle mi initial former alias maiden other i we you signing representative parent guardian " +
    "fecha nombre firma teléfono dirección correo paciente apellido apellidos"
  ).split(" "),
);
const isLabelWord = (word: string) => labelWords.has(word) || Object.values(functionWords).some((list) => list.has(word));
const titles = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "jr",
  "sr",
  "ii",
  "iii",
  "iv",
  "de",
  "del",
  "la",
  "van",
  "von",
  "der",
  "da",
  "di",
  "le",
  "bin",
  "al",
]);
const bare = (word: string) =>
  word
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[.,'’]+$/, "");

/** A name written after a name or signature label, or undefined for a blank field, a label row or a heading. */
function nameAt(value: string, at: number, lowerWords: Set<string>): Span | undefined {
  nameValue.lastIndex = at;
  const m = nameValue.exec(value);
  if (!m) return undefined;
  const words: { start: number; end: number; word: string }[] = [];
  for (const w of m[0].matchAll(/[^\s,]+/g)) {
    if (isLabelWord(bare(w[0]))) break;
    words.push({ start: at + w.index, end: at + w.index + w[0].replace(/[,]$/, "").length, word: w[0] });
  }
  const named = words.filter((w) => !titles.has(bare(w.word)) && bare(w.word).replace(/[.'’-]/g, "").length >= 2);
  // Words the form also writes in lower case are its own ("Principal Investigator", "Verbal Assent"), not a name.
  const common = named.filter((w) => lowerWords.has(bare(w.word))).length;
  if (named.length < 2 || common * 2 > named.length) return undefined;
  return { start: words[0]!.start, end: words.at(-1)!.end };
}

// A value in the paragraph after its label (a table cell) is the whole of that line, or is followed by another field.
function endsItsLine(value: string, end: number): boolean {
  const rest = /^[^\n]*/.exec(value.slice(end, end + 200))![0].trim();
  return rest === "" || isLabelWord(bare(rest.split(/\s/)[0]!));
}

const nameField = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${nameLabel})${sep}`, "giu");

/** The parts of a name worth masking on their own: words of two letters or more that are not titles. */
function nameParts(name: string): string[] {
  const words = name.split(/[\s,]+/).flatMap((w) => [w, ...(w.includes("-") ? w.split("-") : [])]);
  return words.map((w) => w.replace(/[.'’]+$/, "")).filter((w) => w.replace(/[.'’-]/g, "").length >= 2 && !titles.has(w.toLowerCase()));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Every place a learnt name recurs: whole, or a part of it. A part that the form also uses
// as a lower-case word ("Will", "Rose") is masked only where the whole name stands.
function nameRecurrences(value: string, names: string[], lowerWords: Set<string>): Span[] {
  const parts = new Set(names.flatMap(nameParts));
  const wanted = [
    ...names.map((n) => n.split(/\s+/).map(escape).join("\\s+")),
    ...[...parts].filter((p) => !lowerWords.has(p.toLowerCase())).map(escape),
  ];
  if (!wanted.length) return [];
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${wanted.sort((a, b) => b.length - a.length).join("|")})(?![\p{L}\p{N}])`,
    "gu",
  );
  return [...value.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** How many distinct names are looked for beyond their own fields. */
const learntNames = 20;

/** Kinds that say who a person is; the others (phone, e-mail, address) say how to reach someone. */
const personal = new Set<IdentifierKind>(["name", "date of birth", "date of care", "record number", "SSN"]);

/**
 * findIdentifiers: normalized text -> the identifiers a person filled in, in reading order,
 * none overlapping. Contact fields count only in a form that holds a personal identifier
 * too: in a blank form, "Phone: 555-0100" is the institution's number, which the patient needs.
 */
export function findIdentifiers(value: string): Identifier[] {
  const found: Identifier[] = [];
  for (const { kind, pattern } of fields)
    for (const m of value.matchAll(pattern)) {
      const start = m.index + m[0].length - m[1]!.length;
      found.push({ kind, start, end: start + m[1]!.trimEnd().replace(/[,.;]$/, "").length });
    }
  for (const m of value.matchAll(anywhereSsn)) found.push({ kind: "SSN", start: m.index, end: m.index + m[0].length });
  const lowerWords = new Set(value.match(/(?<![\p{L}'’])\p{Ll}[\p{L}'’]*/gu) ?? []);
  // Each name field's value is masked; the first few distinct names are also looked for
  // everywhere else (a form names a handful of people: the bound keeps a hostile one linear).
  const learnt = new Set<string>();
  for (const m of value.matchAll(nameField)) {
    const span = nameAt(value, m.index + m[0].length, lowerWords);
    if (!span || (m[0].includes("\n") && !endsItsLine(value, span.end))) continue;
    found.push({ kind: "name", ...span });
    if (learnt.size < learntNames) learnt.add(value.slice(span.start, span.end));
  }
  const names = [...learnt];
  for (const span of nameRecurrences(value, names, lowerWords)) found.push({ kind: "name", ...span });
  // An e-mail address made of the person's name is theirs, wherever it stands.
  const parts = names.flatMap(nameParts).map((p) => p.toLowerCase());
  for (const m of value.matchAll(new RegExp(email, "g")))
    if (parts.some((p) => m[0].toLowerCase().includes(p))) found.push({ kind: "e-mail", start: m.index, end: m.index + m[0].length });
  return found.some((id) => personal.has(id.kind)) ? withoutOverlaps(found) : [];
}

// Sorted by start; a span inside or across an earlier one is joined to it.
function withoutOverlaps(found: Identifier[]): Identifier[] {
  const out: Identifier[] = [];
  for (const id of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out.at(-1);
    if (last && id.start < last.end) last.end = Math.max(last.end, id.end);
    else if (id.end > id.start) out.push({ ...id });
  }
  return out;
}
