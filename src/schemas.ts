import { z } from "zod";
import { QuestionsReportJson, ReportJson } from "./report/schema.js";
import { RuleFileSchema } from "./rules/schema.js";
import { ConfigSchema } from "./rules/config.js";
import { BaselineSchema } from "./report/baseline.js";

/** JSON Schemas generated from the zod types, published in schema/ for other tools and editors. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    "report.schema.json": {
      title: "consent-lens JSON report",
      ...z.toJSONSchema(z.union([ReportJson, QuestionsReportJson]), { io: "output" }),
    },
    "rules.schema.json": {
      title: "consent-lens rule pack",
      ...z.toJSONSchema(RuleFileSchema, { io: "input" }),
    },
    "config.schema.json": { title: "consent-lens config (.consent-lens.yaml)", ...z.toJSONSchema(ConfigSchema, { io: "input" }) },
    "baseline.schema.json": {
      title: "consent-lens baseline of accepted findings (.consent-lens-baseline.json)",
      ...z.toJSONSchema(BaselineSchema, { io: "input" }),
    },
  };
}
