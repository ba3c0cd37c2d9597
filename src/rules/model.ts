import type { Category } from "../types.js";
import type { Lists } from "../match/patterns/phrase/parse.js";
import type { CompiledLanguage } from "../match/polarity.js";
import { featureContext } from "../match/model/features.js";
import type { CompiledModel } from "../match/model/model.js";
import type { Classifier } from "../match/model/train.js";
import type { ModelDefinition, ModelFinding, Rule } from "./schema.js";
import type { YamlFile } from "./yaml-file.js";

/** The model's weights, per category (rules/weights.ts reads and checks them; the build's bundle holds them checked). */
export type Weights = Partial<Record<Category, Classifier>>;

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

/** Compiles the model of a rule file with its weights; a category without a classifier is a problem at its line. */
export function compileModel(
  file: YamlFile<unknown>,
  definition: ModelDefinition,
  weights: Weights,
  lists: Lists,
  language: CompiledLanguage,
): CompiledModel {
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
