import { z } from "zod";
import { categories } from "../rules/schema.js";

/*
 * The JSON report (`scan --format json`): a stable, documented contract. The
 * published JSON Schema (schema/report.schema.json) is generated from these types
 * by `npm run schema`, and a test keeps the two in step.
 */
export const LocationJson = z.strictObject({
  page: z.number().int().min(1).describe("1-based page (always 1 for DOCX and text)"),
  line: z.number().int().min(1).describe("1-based line on that page (a paragraph, for DOCX)"),
  column: z.number().int().min(1),
  start: z.number().int().min(0).describe("Offset of the matched words in the normalized text"),
  end: z.number().int().min(0).describe("End offset (exclusive) of the matched words"),
});

export const FindingJson = z.strictObject({
  ruleId: z.string(),
  category: z.enum(categories),
  polarity: z.enum(["risk", "protection"]),
  severity: z.enum(["high", "medium", "low", "info"]),
  kind: z.literal("phrase"),
  title: z.string(),
  text: z.string().describe("The matched words"),
  sentence: z.string().describe("The whole normalized sentence"),
  location: LocationJson,
  cue: z.string().optional().describe('The word that turned the polarity round ("never", "unless")'),
  explanation: z.string(),
  questions: z.array(z.string()),
  citation: z.string().optional(),
});

export const FileJson = z.strictObject({
  path: z.string(),
  format: z.enum(["pdf", "docx", "text", "markdown"]),
  pages: z.number().int().min(1),
  words: z.number().int().min(0),
  findings: z.array(FindingJson),
  questions: z.array(z.string()).describe("Questions to ask before signing, most pressing first"),
  notes: z.array(z.string()).describe("What the reader should know about the extraction"),
});

export const ReportJson = z.strictObject({
  tool: z.literal("consent-lens"),
  version: z.string(),
  files: z.array(FileJson),
  errors: z
    .array(z.strictObject({ path: z.string(), error: z.string() }))
    .describe("Files that could not be read, with the reason"),
});

export type ReportJson = z.infer<typeof ReportJson>;
