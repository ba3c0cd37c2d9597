import { describe, expect, it } from "vitest";
import { expected, reportOf } from "./helpers.js";

// Whole-file checks on our fixture forms: each listed sentence gives a finding of
// its category and polarity on its page, read as "p2 ai-training risk".
describe.each(Object.entries(expected).map(([form, entries]) => [form, entries.filter((e) => e.file.endsWith(".pdf"))] as const))(
  "findings in %s.pdf",
  (_form, entries) => {
    it.each(entries.map((e) => [`p${e.page} ${e.category} ${e.polarity}`, e] as const))("%s", async (_label, e) => {
      const { text, findings } = await reportOf(e.file);
      const at = text.value.indexOf(e.contains);
      const inSentence = findings.filter((f) => f.sentence.start <= at && at < f.sentence.end);
      expect(inSentence.map((f) => `p${f.position.page} ${f.category} ${f.polarity}`)).toContain(`p${e.page} ${e.category} ${e.polarity}`);
    });
  },
);
