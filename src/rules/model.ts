import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { categories } from "../types.js";
import type { Lists } from "../match/patterns/phrase/parse.js";
import type { CompiledLanguage } from "../match/polarity.js";
import { featureContext } from "../match/model/features.js";
import type { CompiledModel } from "../match/model/model.js";
import type { ModelDefinition, ModelFinding, Rule } from "./schema.js";
import type { YamlFile } from "./yaml-file.js";

// Tens of thousands of weights: a plain loop checks them in a fraction of what a zod record takes.
const numbers = (value: unknown): value is Record<string, number> =>
  typeof value === "object" && value !== null && Object.values(value).every((w) => typeof w === "number" && Number.isFinite(w));

/** model/weights.json, as `npm run train` writes it: per category, a bias and the weights of its features. */
const WeightsSchema = z.object({
  categories: z.partialRecord(
    z.enum(categories),
    z.object({ bias: z.number(), weights: z.custom<Record<string, number>>(numbers, "expected finite numbers, by feature") }),
  ),
});

/** A model finding's entry as a rule, so that reports, questions, SARIF and the config treat it like any other. */
export const modelRule = (finding: ModelFinding): Rule => ({
  ...finding,
  polarity: "risk",
  negatable: false,
  patterns: [],
  requires: [],
  excludes: [],
  leadIn: [],
  examples: { risk: finding.examples.risk, protection: [], none: finding.examples.none },
});

/** Reads the weights a rule file's `model` names (relative to that file) and compiles the model; problems at the model's line. */
export function compileModel(file: YamlFile<unknown>, definition: ModelDefinition, lists: Lists, language: CompiledLanguage): CompiledModel {
  const path = resolve(dirname(file.file), definition.weights);
  const weights = file.at(["model", "weights"], () => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new Error(`cannot read the weights ${path} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
    const parsed = WeightsSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${path} is not a weights file (${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message})`);
    return parsed.data.categories;
  });
  return {
    threshold: definition.threshold,
    features: featureContext(lists, language),
    findings: definition.findings.map((finding, i) => {
      const classifier = weights[finding.category];
      if (!classifier) file.fail(["model", "findings", i, "category"], `the weights have no classifier for "${finding.category}"`);
      return { head: { id: finding.id, category: finding.category, severity: finding.severity }, classifier };
    }),
  };
}
