import { parsePhrase, type Lists } from "../match/patterns/phrase/parse.js";
import type { CompiledLanguage } from "../match/polarity.js";
import { featureContext } from "../match/model/features.js";
import type { CompiledModel, WeightTable } from "../match/model/model.js";
import type { ModelDefinition, ModelFinding, Rule } from "./schema.js";
import type { YamlFile } from "./yaml-file.js";

/** A model finding's entry as a rule, so that reports, questions, SARIF and the config treat it like any other. */
export const modelRule = (finding: ModelFinding): Rule => ({
  ...finding,
  polarity: "risk",
  negatable: false,
  patterns: [],
  excludes: [],
  leadIn: [],
  examples: { risk: finding.examples.risk, protection: [], none: finding.examples.none },
});

/** Compiles the model of a rule file with its weights; a category without a classifier is a problem at its line. */
export function compileModel(
  file: YamlFile<unknown>,
  definition: ModelDefinition,
  weights: WeightTable,
  lists: Lists,
  language: CompiledLanguage,
): CompiledModel {
  return {
    threshold: definition.threshold,
    features: featureContext(lists, language),
    weights,
    findings: definition.findings.map((finding, i) => {
      if (!weights.categories.includes(finding.category))
        file.fail(["model", "findings", i, "category"], `the weights have no classifier for "${finding.category}"`);
      const requires = finding.requires.map((p, j) => file.at(["model", "findings", i, "requires", j], () => parsePhrase(p, lists)));
      return { head: { id: finding.id, category: finding.category, severity: finding.severity }, requires };
    }),
  };
}
