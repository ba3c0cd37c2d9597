import type { ScoreTerm, UngradedReason } from "../../types.js";
import { languageName } from "../../text/language.js";
import { categoryTitles, formatNames } from "../labels.js";
import { plural, shownWeight, type Messages } from "./messages.js";

function scoreTerm(term: ScoreTerm): string {
  switch (term.kind) {
    case "start":
      return "start";
    case "risk": {
      const more = term.moreKinds ? `, ${plural(term.moreKinds, "more kind")} of it` : "";
      const weight = term.weight === undefined ? "" : `, counted × ${shownWeight(term.weight)}`;
      return `${term.category}: ${term.severity} risk (how unusual: ${term.unusual} of 5)${more}${weight}`;
    }
    case "protections":
      return `protections in ${plural(term.categories, "category", "categories")}`;
    case "choices":
      return `${plural(term.count, "choice")} you can make`;
    case "missing":
      return `missing ${term.element}`;
  }
}

function ungraded(reason: UngradedReason): string {
  switch (reason.kind) {
    case "few-words":
      return `not enough text to grade (${plural(reason.words, "word")})`;
    case "says-nothing":
      return "the form says nothing about what happens to your data";
    case "unread":
      return `the form is in ${languageName(reason.language)} and was not checked`;
    case "garbled":
      return garbledPages(reason.pages);
  }
}

const list = (items: string[]) => (items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/** Why a form with pages nothing could read has no grade. */
const garbledPages = (pages: number[]) =>
  `the text of page${pages.length > 1 ? "s" : ""} ${list(pages.map(String))} cannot be read (garbled) and OCR could not read ${pages.length > 1 ? "them" : "it"}, so part of the form was not checked`;

/** The report's fixed strings in English. */
export const en: Messages = {
  code: "en",
  categoryTitles,
  formatNames,
  severity: { high: "HIGH", medium: "MEDIUM", low: "LOW", info: "INFO" },
  placeInWords: (line, page) => (page === undefined ? `line ${line}` : `page ${page}, line ${line}`),
  pages: (pages) => (pages.length ? `page${pages.length > 1 ? "s" : ""} ${pages.join(", ")}` : ""),
  pageCount: (n) => plural(n, "page"),
  words: (n, shown) => plural(n, "word", "words", shown ?? n.toLocaleString("en-US")),
  risks: (n, shown) => plural(n, "risk", "risks", shown),
  protections: (n, shown) => plural(n, "protection", "protections", shown),
  missingElements: (n, shown) => plural(n, "missing element", "missing elements", shown),
  sentences: (n, shown) => plural(n, "sentence", "sentences", shown),
  grade: (grade) => `Grade ${grade}`,
  noGrade: "No grade",
  gradeLabel: (grade, score, reason) => (grade ? `${grade} (${score}/100)` : `no grade: ${reason}`),
  ungraded,
  scoreTerm,
  gradeWork: "How the grade was worked out",
  gradeArithmetic: "Grade arithmetic",
  readingLevel: "Reading level:",
  readingGrade: (grade) => `grade ${grade}`,
  harderThan: (target) => `(harder than the grade ${target} IRBs ask for)`,
  within: (target) => `(within grade ${target})`,
  acceptance: (a) => `accepted: ${a.reason}, by ${a.by}, ${a.date}`,
  baselineLine: (file, accepted) =>
    `Baseline ${file}: ${accepted ? `${accepted} finding${accepted === 1 ? "" : "s"} accepted` : "no finding accepted"}`,
  acceptedFindings: "Accepted findings",
  notCountedFor: (option) => `not counted for ${option}`,
  doesNotSay: (title) => `The form does not say: ${title}`,
  readingEase: (ease) => `reading ease ${ease} (Fernández Huerta, for Spanish)`,
  easeVerdict: (target, below) => (below ? `(below ${target}: harder than grade 8)` : `(${target} or more: grade 8 or easier)`),
  asGiven: "(as given)",
  kindOfForm: "Kind of form",
  notRecognised: "not recognised",
  note: "note",
  keyPoints: "What matters most",
  risksByTopic: "Risks, by topic",
  missing: "What the form does not say",
  protectionsPromised: "Protections the form promises",
  protectionsHeading: "Protections",
  questions: "Questions to ask before you sign",
  whyItMatters: "Why it matters:",
  ask: "Ask:",
  also: "also:",
  alsoIn: (titles) => `(also: ${titles.join(", ")})`,
  quotedAbove: "the sentence quoted above",
  stillRisk: (cue) => `(still a risk: “${cue}” leaves the door open)`,
  andMore: (n) => `and ${n} more`,
  moreHint: "More: add --details for why each finding matters, every sentence, the grade arithmetic and all the questions.",
  fromPack: (pack) => `from rule pack ${pack}`,
  formLetsYouChoose: (quote) => `The form lets you choose: “${quote}”`,
  formNeverAnswers: (question) => `The form never answers: ${question}`,
  noQuestionsUnchecked: "No questions: the form was not checked.",
  noQuestionsRaised: "No questions raised. Read the form anyway: the tool only knows the phrasings it has rules for.",
  formIsSilent: "(the form is silent)",
  moreQuestions: (n) => `and ${n} more with --details`,
  summary: "Summary",
  summaryHeader: ["file", "kind", "grade", "risks (high/medium/low/info)", "missing"],
  notChecked: "not checked",
  notices: {
    languageName,
    list,
    pages: (first, last) => (first === last ? `page ${first}` : `pages ${first}-${last}`),
    fromLine: (line) => `from line ${line}`,
    notCheckedAtAll: (language) =>
      `This form is in ${language}, which no loaded rule pack reads: it was not checked at all. No findings here does not mean no risks.`,
    sectionsNotChecked: (all, unread, sections, places, read) =>
      `This form is in ${all}; its ${unread} ${sections === 1 ? "section" : "sections"}` +
      `${places.length ? ` (${places.join(", ")})` : ""} ${sections === 1 ? "was" : "were"} not checked: ` +
      `no loaded rule pack reads ${unread}. The findings and the grade are for its ${read} sections only.`,
    identifierKinds: {
      name: ["a name", "names"],
      "date of birth": ["a date of birth", "dates of birth"],
      "date of care": ["a date of care", "dates of care"],
      "record number": ["a record or member number", "record or member numbers"],
      SSN: ["a Social Security number", "Social Security numbers"],
      phone: ["a phone number", "phone numbers"],
      "e-mail": ["an e-mail address", "e-mail addresses"],
      address: ["a postal address", "postal addresses"],
    },
    namesInPlaces: (n) => `names in ${n} places`,
    masked: (count, what, mask) =>
      `${plural(count, "identifier")} the form was filled in with ${count === 1 ? "is" : "are"} masked (${mask}): ${what}. --no-redact shows them.`,
    shown: (count, what) =>
      `The form holds ${plural(count, "identifier")} (${what}), shown as written (--no-redact): keep this report as private as the form.`,
  },
  diff: {
    title: "Changes",
    grade: (before, after) => `Grade ${before} → ${after}`,
    counts: (added, removed, unchanged) => `${added} added, ${removed} removed, ${unchanged} unchanged`,
    polarity: { risk: "risk", protection: "protection" },
    severity: { high: "high", medium: "medium", low: "low", info: "info" },
    added: "Added",
    removed: "Removed",
    requiredElements: "Required elements",
    noLongerSays: "no longer says",
    nowSays: "now says",
  },
  markdown: {
    title: "consent-lens report",
    gradeLine: (label) => `Grade ${label}`,
    facts: (pages, words, grade, target, ease) =>
      `${pages} page(s), ${words} words; reading level grade ${grade} (IRBs ask for ${target}), reading ease ${ease}`,
    factsByEase: (pages, words, ease, target) =>
      `${pages} page(s), ${words} words; reading ease ${ease} by Fernández Huerta (Spanish; ${target} or more reads as grade 8 or below)`,
    risksByTopic: "Risks by topic",
    topicTableHeader: "| topic | high | medium | low | info | pages |",
    withPackFindings: (pack) => ` (with findings from rule pack ${pack})`,
    disputed: "Disputed:",
    noneUnchecked: "None: the form was not checked.",
    noneRaised: "None raised.",
    moreQuestions: (n) => `${n} more questions with --details.`,
  },
  html: {
    stats: { risks: "Risks", protections: "Protections", missing: "Missing elements", readingLevel: "Reading level" },
    ofHundred: (score) => `${score} of 100; A is best`,
    none: "none",
    promisesThatLimit: "promises that limit use",
    neverSays: "things the form never says",
    noSentences: "no sentences to measure",
    readingAgainst: (grade, target, above) =>
      `<strong>grade ${grade}</strong> ${above ? "above" : "within"} the grade ${target} review boards ask for`,
    easeAgainst: (ease, target, below) =>
      `<strong>ease ${ease}</strong> (Fernández Huerta) ${below ? "below" : "at or above"} the ${target} that reads as grade 8`,
    sectionsOf: (path) => `Sections of the report on ${path}`,
    formMarked: "The form, marked",
    findings: "Findings",
    notInForm: "Not in the form",
    theGrade: "The grade",
    askQuestions: "Questions to ask",
    printQuestions: "Print the questions",
    formWithFindings: "The form, with findings marked",
    risk: (severity) => `${severity} risk`,
    protection: "protection",
    hint: "<kbd>Tab</kbd> (or <kbd>n</kbd> and <kbd>p</kbd>) moves from finding to finding, and each one’s note appears beside it; <kbd>Esc</kbd> hides it. The same notes are listed under",
    findingsByTopic: "Findings, by topic",
    noMatch: "No sentence of the form matched a rule.",
    showInForm: "Show it in the form",
    everyElement: "The form addresses every element checked for its kind.",
    points: "Points",
    for: "For",
    rule: (id) => `rule ${id}`,
    element: (id) => `element ${id}`,
    turnedRoundBy: (cue) => `Turned round by “${cue}”.`,
    privateNote: "This page holds the whole text of the form: keep it as private as the form itself.",
    footer: (version) =>
      `Made by consent-lens ${version}, offline. It only knows the phrasings it has rules for: read the form itself too.`,
    forms: (n) => plural(n, "form"),
    keyRisks: "Key risks",
    noneFound: "none found",
    form: "Form",
    kind: "Kind",
    missingColumn: "Missing",
    gradeColumn: "Grade",
  },
};
