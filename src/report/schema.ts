import { z } from "zod";
import { categories, grades, inputFormats, polarities, reportLanguages, severities } from "../types.js";
import { AcceptanceSchema } from "./baseline.js";

/*
 * The JSON report (`scan --format json`): a stable, documented contract. The
 * published JSON Schema (schema/report.schema.json) is generated from these types
 * by `npm run schema`, and a test keeps the two in step.
 */
const severity = z.enum(severities);

export const LocationJson = z.strictObject({
  page: z.number().int().min(1).describe("1-based page (always 1 for DOCX and text)"),
  line: z.number().int().min(1).describe("1-based line on that page (a paragraph, for DOCX)"),
  column: z.number().int().min(1),
  start: z.number().int().min(0).describe("Offset of the matched words in the normalized text"),
  end: z.number().int().min(0).describe("End offset (exclusive) of the matched words"),
});

const fingerprint = z
  .string()
  .describe(
    "Stable id: a hash of the rule and the sentence (case, spacing and punctuation folded), and :n for its n-th occurrence; SARIF's partialFingerprints, and what `consent-lens accept` takes (or a prefix of it)",
  );
const accepted = AcceptanceSchema.optional().describe("Set when the baseline accepts the finding: it does not count for --fail-on");

export const PhraseFindingJson = z.strictObject({
  fingerprint,
  ruleId: z.string(),
  category: z.enum(categories),
  polarity: z.enum(polarities),
  severity,
  kind: z.literal("phrase"),
  title: z.string(),
  text: z.string().describe("The matched words"),
  sentence: z.string().describe("The whole normalized sentence"),
  location: LocationJson,
  cue: z.string().optional().describe('The word that turned the polarity round ("never", "unless")'),
  pack: z.string().optional().describe("The added rule pack the rule comes from (absent for a bundled rule)"),
  disputes: z
    .string()
    .optional()
    .describe(
      "A pack's protection on a sentence where this rule id finds a risk of the same category: the risk stands, and this protection earns no points",
    ),
  explanation: z.string(),
  questions: z.array(z.string()),
  citation: z.string().optional(),
  accepted,
});

export const MissingFindingJson = z
  .strictObject({
    fingerprint,
    kind: z.literal("missing"),
    element: z.string().describe("Checklist id from required-elements.md (hipaa-*, cr-*, q-*)"),
    ruleId: z.string().describe("The same as element"),
    category: z.enum(categories).optional(),
    severity,
    title: z.string(),
    checklist: z.string(),
    citation: z.string().optional(),
    explanation: z.string(),
    questions: z.array(z.string()),
    accepted,
  })
  .describe("Something the form should say and never does");

export const FindingJson = z.discriminatedUnion("kind", [PhraseFindingJson, MissingFindingJson]);

export const PageJson = z.strictObject({
  page: z.number().int().min(1),
  ocr: z
    .boolean()
    .describe("true when the page was read by OCR: it had no text (a scan or a photo), or its text could not be read (garbled)"),
  confidence: z.number().min(0).max(100).optional().describe("OCR pages: the mean confidence of the page's words, 0-100"),
  doubtful: z
    .array(z.strictObject({ word: z.string(), line: z.number().int().min(1), confidence: z.number().min(0).max(100) }))
    .optional()
    .describe("OCR pages: words read with low confidence, to check on the form"),
});

const PlaceJson = z.strictObject({ page: z.number().int(), line: z.number().int() });

export const LanguageJson = z
  .strictObject({
    main: z
      .string()
      .describe('The language most of the form is in: ISO 639-1 code where there is one ("en", "es"), "und" if it could not be told'),
    sections: z
      .array(
        z.strictObject({
          language: z.string(),
          name: z.string().describe('The language in words ("Spanish")'),
          words: z.number().int().min(0),
          checked: z.boolean().describe("false when no loaded rule pack reads its language: it was not matched"),
          start: z.number().int().min(0).describe("Offset in the normalized text"),
          end: z.number().int().min(0),
          pages: z.array(z.number().int().min(1)).describe("First and last page"),
        }),
      )
      .describe("The form's sections by language, in order; one for a form in one language"),
    checked: z.boolean().describe("false when too little of the form is in a language the rules read: no findings, no grade, no questions"),
    notice: z.string().optional().describe("What was not checked, in words, when any section was not"),
    report: z
      .enum(reportLanguages)
      .describe("The language of this report's words (titles, explanations, questions, key points): English unless --lang chose another"),
  })
  .describe("The form's language, section by section, and what the rules could read");

const QuestionJson = z.strictObject({
  question: z.string(),
  severity,
  pages: z.array(z.number().int()).describe("Pages of the sentences that raise it; empty when the form's silence does"),
  sources: z.array(z.string()).describe("Rule and checklist ids behind it"),
  topic: z.string().describe("What it is about: a category, or a checklist element without one"),
  related: z.array(z.string()).describe("Other questions on the same topic, merged into this one"),
});

export const IdentifiersJson = z
  .strictObject({
    count: z.number().int().min(0).describe("Identifiers of a person the form was filled in with"),
    masked: z.boolean().describe("true unless --no-redact: every quote of the form in this report has them masked (█)"),
    kinds: z
      .record(z.string(), z.number().int().min(1))
      .describe('How many of each kind: "name", "date of birth", "record number", "SSN", "phone", "e-mail", "address"...'),
  })
  .describe("Identifiers of a filled-in form; their text is never given");

export const FileJson = z.strictObject({
  path: z.string(),
  format: z.enum(inputFormats),
  pages: z.number().int().min(1),
  pageInfo: z.array(PageJson).describe("Each page: whether it was read by OCR, and how confidently"),
  ocrConfidence: z.number().min(0).max(100).optional().describe("When pages were read by OCR: the mean confidence of their words, 0-100"),
  words: z.number().int().min(0),
  language: LanguageJson,
  identifiers: IdentifiersJson,
  kinds: z
    .array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        given: z.boolean().describe("true when set by --kind rather than detected"),
        evidence: z.array(PlaceJson.extend({ sentence: z.string() })).describe("Sentences that decided it"),
      }),
    )
    .describe("Kinds of form found (HIPAA authorization, research consent...); they decide which checklists apply"),
  grade: z.enum(grades).nullable().describe("null when the form could not be graded; `ungraded` says why"),
  ungraded: z.string().optional().describe('Why there is no grade, e.g. "not enough text to grade (40 words)"'),
  score: z.number().min(0).max(100),
  breakdown: z.array(z.strictObject({ label: z.string(), points: z.number() })).describe("The arithmetic of the score"),
  readability: z.strictObject({
    measure: z
      .enum(["flesch-kincaid", "fernandez-huerta"])
      .describe(
        "Flesch-Kincaid for an English form (grade, against a grade to stay within); Fernández Huerta for a Spanish one (ease, against an ease to reach)",
      ),
    grade: z.number().describe("Flesch-Kincaid grade level; 0 when measured by Fernández Huerta"),
    ease: z.number().describe("Flesch reading ease, or Fernández Huerta's for a Spanish form (higher is easier)"),
    target: z
      .number()
      .describe("Flesch-Kincaid: the grade IRBs commonly ask for (8). Fernández Huerta: the ease that reads as grade 8 (60)"),
    words: z.number().int(),
    sentences: z.number().int(),
    averageSentenceLength: z.number(),
    sections: z.array(z.strictObject({ title: z.string(), words: z.number().int(), grade: z.number(), ease: z.number() })),
    longest: z.array(PlaceJson.extend({ words: z.number().int() })).describe("Where the longest sentences are"),
  }),
  keyPoints: z
    .array(
      z.strictObject({
        kind: z.enum(["allows", "choice", "silent"]).describe("What the form allows, a choice it offers, or what it never says"),
        text: z.string().describe("In plain words"),
        pages: z.array(z.number().int()),
        severity: severity.optional(),
        sources: z.array(z.string()).describe("Rule or checklist ids behind it"),
      }),
    )
    .describe("At most five: the most consequential things the form allows, then a choice it offers, then what it never says"),
  findings: z.array(FindingJson),
  questions: z.array(QuestionJson).describe("Questions to ask before signing, merged by topic, most pressing first"),
  notes: z.array(z.string()).describe("What the reader should know about the extraction"),
});

export const QuestionsFileJson = z
  .strictObject({
    path: z.string(),
    language: LanguageJson,
    questions: z.array(QuestionJson).describe("Questions to ask before signing, merged by topic, most pressing first"),
  })
  .describe("A form's questions alone (--questions-only)");

export const RunJson = z
  .strictObject({
    config: z
      .string()
      .nullable()
      .describe("The config file applied (found in the working folder or a parent, or named by --config); null for none"),
    packs: z
      .array(
        z.strictObject({
          path: z.string(),
          languages: z.array(z.string()).describe("The languages its rules read"),
          rules: z.array(z.string()).describe("Rule ids it adds"),
          elements: z.array(z.string()).describe("Checklist element ids it adds"),
        }),
      )
      .describe("Rule packs added to the bundled one, by --rules or the config"),
    disabled: z.array(z.string()).describe("Rule and element ids the config turned off"),
    severities: z.array(z.strictObject({ id: z.string(), from: severity, to: severity })).describe("Severities the config changed"),
    failOn: z
      .enum(["none", ...severities])
      .optional()
      .describe("The config's fail-on (the --fail-on flag wins over it)"),
  })
  .describe("How this run's rules differ from the bundled pack");

export const ReportJson = z.strictObject({
  tool: z.literal("consent-lens"),
  version: z.string(),
  run: RunJson,
  baseline: z
    .strictObject({ file: z.string(), accepted: z.number().int().min(0).describe("Findings it accepted, in all the files") })
    .optional()
    .describe("The baseline of accepted findings the scan used, when there was one"),
  files: z.array(FileJson),
  errors: z.array(z.strictObject({ path: z.string(), error: z.string() })).describe("Files that could not be read, with the reason"),
});

export type ReportJson = z.infer<typeof ReportJson>;

/** `scan --format json --questions-only`: each form's questions, with its language so that an unread form does not pass for one without questions. */
export const QuestionsReportJson = ReportJson.extend({
  questionsOnly: z.literal(true),
  files: z.array(QuestionsFileJson),
}).describe("--questions-only: the questions of each form");
export type QuestionsReportJson = z.infer<typeof QuestionsReportJson>;
