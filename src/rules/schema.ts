import { z } from "zod";
import { categories, languageCode, polarities, severities } from "../types.js";
import { patternSchema } from "../match/patterns/index.js";

const phrase = z.string().min(1, "a phrase cannot be empty");

/** A concept's texts in the report languages other than English (`es:`), all of them or none. */
const translated = <S extends z.ZodRawShape>(shape: S, what: string) => ({
  es: z.strictObject(shape).optional().describe(`The ${what} in Spanish, for reports written in Spanish`),
});

export const PatternSchema = patternSchema(z);

/** An example sentence, or one with the words the rule must match in it (textlint's tester asserts where, not just whether). */
const example = z.union([
  z.string(),
  z.strictObject({
    sentence: z.string(),
    matches: z.string().min(1).describe("The words from the first to the last matched word, as they stand in the sentence"),
  }),
]);
export type Example = z.output<typeof example>;

export const ExamplesSchema = z.strictObject({
  risk: z.array(example).default([]).describe("Sentences that must give a risk finding of this rule"),
  protection: z.array(example).default([]).describe("Sentences that must give a protection finding of this rule"),
  none: z.array(z.string()).default([]).describe("Sentences this rule must not report at all"),
});

// How unusual and far-reaching a practice is: routine sharing for treatment and payment is 1, AI training, sale or public release 5.
const unusual = z.number().int().min(1).max(5);

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case words joined by hyphens");
const severity = z.enum(severities);

/** How a rule or a checklist element finds its sentence. */
const matchFields = {
  patterns: z.array(PatternSchema).min(1),
  requires: z
    .array(phrase)
    .default([])
    .describe("Phrases the sentence must also contain, each of them; a list item may take them from the sentence that introduces the list"),
  excludes: z.array(phrase).default([]).describe("Phrases that mean the sentence is something else (antipatterns)"),
  leadIn: z
    .array(phrase)
    .default([])
    .describe('Phrases the sentence introducing a list must contain, each of them ("Who may see your records:"); with these, only list items match'),
};

/** What a rule says in a report: title, explanation, questions and key point. */
const ruleTextFields = {
  title: z.string().trim().min(1),
  explanation: z.string().trim().min(1),
  questions: z.array(z.string().trim().min(1)).default([]),
  point: z.string().trim().min(1).optional(),
};

export const RuleSchema = z
  .strictObject({
    id,
    category: z.enum(categories),
    severity,
    polarity: z
      .enum(polarities)
      .default("risk")
      .describe("What a plain match means; a negation in the sentence turns it round"),
    negatable: z
      .boolean()
      .default(true)
      .describe('Whether a negation turns the polarity round; false where the negated words are the claim ("will not include your name")'),
    title: z.string().trim().min(1),
    explanation: z.string().trim().min(1).describe("Why it matters, in plain words"),
    questions: z.array(z.string().trim().min(1)).default([]).describe("What a patient should ask about it"),
    citation: z.string().optional().describe("A regulation or source"),
    point: z.string().trim().min(1).optional().describe("What the form allows, in plain words, for the report's key points; else the category's"),
    unusual: unusual.optional().describe("How unusual and far-reaching this is, 1 (routine) to 5; else the category's"),
    overrides: id
      .optional()
      .describe("The id of a rule this one replaces: a bundled rule, or one of a pack loaded before; it may be this rule's own id"),
    ...translated(ruleTextFields, "title, explanation, questions and point"),
    ...matchFields,
    examples: ExamplesSchema,
  })
  .superRefine((rule, ctx) => {
    if (rule.polarity === "risk" && rule.questions.length === 0)
      ctx.addIssue({ code: "custom", path: ["questions"], message: "a risk rule needs at least one question" });
    for (const language of ["es"] as const) {
      const texts = rule[language];
      if (texts && texts.questions.length !== rule.questions.length)
        ctx.addIssue({ code: "custom", path: [language, "questions"], message: `give the ${rule.questions.length} questions in this language too` });
      if (texts && rule.point && !texts.point)
        ctx.addIssue({ code: "custom", path: [language, "point"], message: "give the point in this language too" });
    }
    const { risk, protection, none } = rule.examples;
    const matching = rule.polarity === "risk" ? risk : protection;
    const other = rule.polarity === "risk" ? protection : risk;
    if (matching.length === 0)
      ctx.addIssue({ code: "custom", path: ["examples", rule.polarity], message: "give at least one sentence the rule must match" });
    if (other.length + none.length === 0)
      ctx.addIssue({ code: "custom", path: ["examples", "none"], message: "give at least one sentence the rule must not report as a " + rule.polarity });
  });

/** What the model reports for one category: a finding's words for reports, and its examples (tests of the weights). */
export const ModelFindingSchema = z.strictObject({
  id,
  category: z.enum(categories),
  severity,
  title: z.string().trim().min(1),
  explanation: z.string().trim().min(1).describe("Why it matters, in plain words"),
  questions: z.array(z.string().trim().min(1)).min(1).describe("What a patient should ask about it"),
  citation: z.string().optional(),
  requires: z
    .array(phrase)
    .default([])
    .describe("Phrases the sentence must also contain, each of them, before the model may report it in this category"),
  examples: z.strictObject({
    risk: z.array(example).min(1).describe("Sentences the model must report in this category"),
    none: z.array(z.string()).min(1).describe("Sentences it must not report in this category"),
  }),
});
export type ModelFinding = z.output<typeof ModelFindingSchema>;

/** The model that backs the rules up where they are silent (rules/model.yaml). */
export const ModelSchema = z.strictObject({
  weights: z.string().min(1).describe("The weights file, relative to this rule file (written by `npm run train`)"),
  threshold: z
    .number()
    .gt(0)
    .lt(1)
    .describe("The probability a sentence needs before the model reports it; high, because a model finding must be a confident one"),
  findings: z.array(ModelFindingSchema).min(1).describe("One per category the model reports; a category without one is not reported"),
});
export type ModelDefinition = z.output<typeof ModelSchema>;

/** A kind of form (HIPAA authorization, research consent...), told by the phrases it uses. */
export const FormKindSchema = z.strictObject({
  id,
  title: z.string().trim().min(1),
  ...translated({ title: z.string().trim().min(1) }, "title"),
  signals: z.array(PatternSchema).min(1).describe("Phrases typical of this kind of form; each one found counts once"),
  minSignals: z.number().int().min(1).default(1).describe("How many different signals make a form of this kind"),
  requires: z.array(PatternSchema).default([]).describe("Wording the form must also have somewhere, each of these"),
});

/** Something a form of some kinds must say (a checklist element of ../shared/reference/required-elements.md). */
export const ElementSchema = z.strictObject({
  id,
  title: z.string().trim().min(1),
  checklist: z.string().trim().min(1).describe('The checklist it belongs to, e.g. "HIPAA authorization"'),
  appliesTo: z.array(id).min(1).describe('Kinds of form it applies to, or "any"'),
  citation: z.string().optional(),
  category: z.enum(categories).optional(),
  severity,
  explanation: z.string().trim().min(1).describe("Why its absence matters, in plain words"),
  question: z.string().trim().min(1).describe("What to ask when the form is silent on it"),
  ...translated(
    {
      title: z.string().trim().min(1),
      checklist: z.string().trim().min(1),
      explanation: z.string().trim().min(1),
      question: z.string().trim().min(1),
    },
    "title, checklist, explanation and question",
  ),
  categories: z
    .array(z.enum(categories))
    .default([])
    .describe("A finding of one of these categories, either polarity, also addresses the element"),
  patterns: z.array(PatternSchema).default([]).describe("Wording that addresses the element"),
  requires: matchFields.requires,
  excludes: matchFields.excludes,
  leadIn: matchFields.leadIn,
  examples: z.strictObject({
    present: z.array(example).default([]).describe("Sentences that address the element"),
    absent: z.array(z.string()).default([]).describe("Sentences that do not"),
  }),
});

/** The arithmetic of the A-E grade (rules/grading.yaml). */
export const GradingSchema = z.strictObject({
  start: z.number().default(100),
  minWords: z.number().int().min(0).default(150).describe("A form with fewer words gets no grade: there is not enough to judge"),
  risk: z.record(severity, z.number().min(0)).describe("Points off for the most severe risk of each category"),
  unusual: z
    .record(z.enum(["1", "2", "3", "4", "5"]), z.number().min(0))
    .describe("The risk points are multiplied by this, by how unusual the practice is (1 routine to 5 far-reaching)"),
  moreRisks: z.number().min(0).default(1).describe("Points off for each further rule of a category that reports a risk"),
  decay: z.number().min(0).max(1).default(0.8).describe("Each category of risk counts this much of the one before it, heaviest first"),
  moreRisksCap: z.number().min(0).default(3),
  protection: z.number().min(0).default(2).describe("Points back for each category the form promises a protection in"),
  protectionCap: z.number().min(0).default(10),
  choice: z.number().min(0).default(3).describe("Points back for each choice the form offers (opt-in or opt-out)"),
  choiceCap: z.number().min(0).default(9),
  missing: z.record(severity, z.number().min(0)).describe("Points off for a missing element of each severity"),
  missingCap: z.number().min(0).default(20).describe("The most points missing elements take off together"),
  grades: z.strictObject({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }).describe("Lowest score for each grade; below D is E"),
});

/**
 * What the report says first (the "key information" a research consent must open with,
 * 45 CFR 46.116(a)(5)(i)): what each category of risk allows, in plain words, and how to
 * recognise the choices a form offers.
 */
export const KeyPointsSchema = z.strictObject({
  categories: z
    .partialRecord(
      z.enum(categories),
      z.strictObject({ point: z.string().trim().min(1), unusual, ...translated({ point: z.string().trim().min(1) }, "point") }),
    )
    .default({})
    .describe("For each category: what a risk of it allows, in plain words, and how unusual it is (1 to 5)"),
  choices: z
    .strictObject({
      patterns: z.array(PatternSchema).min(1),
      requires: matchFields.requires,
      excludes: matchFields.excludes,
      examples: z.strictObject({
        present: z.array(example).default([]).describe("Sentences that offer the patient a choice"),
        absent: z.array(z.string()).default([]).describe("Sentences that do not"),
      }),
    })
    .optional()
    .describe("Wording by which a form offers a choice: opt-in and opt-out boxes, 'you may say no to...', separate signatures"),
});

const of = id.describe("The id it words, defined by a file loaded before (a file of the pack folder, or of a pack given earlier)");

/**
 * A rule, checklist element or kind defined in a file of another language, worded in this
 * file's language: how it is found in a sentence (or a form) of this language, and the
 * examples that test that. Its id, texts, severity and kinds are its definition's, so a
 * report, `disable:` and `severity:` treat every language's wording as one.
 */
export const WordingsSchema = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        of,
        negatable: z.boolean().optional().describe("Whether a negation turns the polarity round; else the rule's"),
        ...matchFields,
        examples: ExamplesSchema,
      }),
    )
    .default([]),
  elements: z
    .array(
      z.strictObject({
        of,
        patterns: z.array(PatternSchema).default([]),
        requires: matchFields.requires,
        excludes: matchFields.excludes,
        leadIn: matchFields.leadIn,
        examples: z.strictObject({ present: z.array(example).default([]), absent: z.array(z.string()).default([]) }),
      }),
    )
    .default([]),
  kinds: z
    .array(
      z.strictObject({
        of,
        signals: z.array(PatternSchema).min(1),
        minSignals: z.number().int().min(1).default(1),
        requires: z.array(PatternSchema).default([]),
      }),
    )
    .default([]),
});
export type Wordings = z.output<typeof WordingsSchema>;

/** A rule pack file: rules, the named phrase lists they use, and optionally form kinds, checklist elements and grading. */
export const PackSchema = z.strictObject({
  lang: z
    .string()
    .regex(languageCode, 'use a language code such as "en" or "es"')
    .default("en")
    .describe("The language this file's rules, kinds and elements read (ISO 639-1 code); sections of a form in other languages are not matched with them"),
  lists: z.record(z.string().regex(/^[\w-]+$/), z.array(phrase).min(1)).default({}).describe("Named phrase lists, used as @name"),
  rules: z.array(RuleSchema).default([]),
  kinds: z.array(FormKindSchema).default([]),
  elements: z.array(ElementSchema).default([]),
  grading: GradingSchema.partial().optional(),
  keyPoints: KeyPointsSchema.optional(),
  model: ModelSchema.optional().describe("A model for the sentences the rules are silent on; a later pack's replaces an earlier one's"),
  wordings: WordingsSchema.optional().describe("Rules, checklist elements and kinds of another language's files, worded in this file's language"),
});

/** The words that decide polarity (../../rules/language.yaml), after NegEx/ConText. */
export const LanguageSchema = z.strictObject({
  negations: z.array(phrase).min(1).describe("Words that negate what follows them in the same clause"),
  narrowNegations: z.array(phrase).default([]).describe('Words that negate only the next few words ("without")'),
  pseudoNegations: z.array(phrase).default([]).describe('Phrases that hold a negation word but negate nothing ("whether or not")'),
  narrowScope: z.number().int().min(1).max(10).default(3),
  scope: z.number().int().min(1).max(40).default(12).describe("Most words between a negation and what it negates"),
  terminators: z.array(phrase).default([]).describe("Words that end a negation's clause"),
  exceptions: z.array(phrase).default([]).describe('Words after a negation that reopen the door ("unless", "except")'),
  consentExceptions: z
    .array(phrase)
    .default([])
    .describe('Exceptions that keep the promise, because the door opens only with the patient\'s consent ("unless you agree")'),
  subordinators: z
    .array(phrase)
    .default([])
    .describe('Words opening a clause that ends at the next comma ("if you do not agree, ...")'),
});

export type Rule = z.output<typeof RuleSchema>;
export type FormKindDefinition = z.output<typeof FormKindSchema>;
export type Element = z.output<typeof ElementSchema>;
export type Grading = z.output<typeof GradingSchema>;
export type KeyPoints = z.output<typeof KeyPointsSchema>;

/** A rule file: a pack, and optionally words of the polarity language. */
export const RuleFileSchema = PackSchema.extend({ language: LanguageSchema.partial().optional() });
export type RuleFile = z.output<typeof RuleFileSchema>;
