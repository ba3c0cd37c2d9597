import { z } from "zod";

/*
 * The baseline of accepted findings (`.consent-lens-baseline.json`): findings a team
 * has looked at and accepted, with the reason, who and when. A finding is accepted
 * while its form still has it under the same fingerprint (./fingerprint.ts); a
 * reworded sentence is a new finding. Written by `consent-lens accept`, and meant to
 * be edited by hand too: its JSON Schema is schema/baseline.schema.json. How the reports word
 * accepted findings is in ./accepted.ts, which the web page uses without zod.
 */
export const AcceptanceSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, "give the reason the finding is accepted")
    .describe('Why it is accepted ("our IRB approved this wording")'),
  by: z.string().trim().min(1, "say who accepted it").describe("Who accepted it: a name and e-mail, as git config gives them"),
  // A pattern rather than zod's date format, which JSON Schema readers without format support warn about.
  date: z
    .string()
    .regex(/^\d{4}-\d\d-\d\d$/, "write the date as YYYY-MM-DD")
    .refine((d) => !Number.isNaN(Date.parse(d)), "no such date")
    .describe("When it was accepted (YYYY-MM-DD)"),
});
export type Acceptance = z.output<typeof AcceptanceSchema>;

export const BaselineEntrySchema = z.strictObject({
  file: z.string().min(1).describe("The form, relative to the baseline file's folder, with forward slashes"),
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}:[1-9]\d*$/, "a fingerprint is 64 hex digits, a colon and a number (the JSON report's `fingerprint`)")
    .describe("The finding's fingerprint: the JSON report's `fingerprint`, SARIF's partialFingerprints"),
  ruleId: z.string().min(1).describe("The rule or checklist element of the finding (for the reader; the fingerprint decides)"),
  sentence: z.string().optional().describe("The sentence accepted (for the reader); absent for a missing element"),
  ...AcceptanceSchema.shape,
});
export type BaselineEntry = z.output<typeof BaselineEntrySchema>;

export const BaselineSchema = z.strictObject({
  $schema: z.string().optional(),
  accepted: z.array(BaselineEntrySchema).default([]).describe("The accepted findings"),
});
export type Baseline = z.output<typeof BaselineSchema>;

/** A form's accepted findings: the acceptance of a fingerprint, if it is accepted. */
export type AcceptedIn = (fingerprint: string) => Acceptance | undefined;
