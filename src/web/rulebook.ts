import bundledRules from "consent-lens:bundled-rules";
import modelWeights from "consent-lens:model-weights";
import { rulebookOfBundle, type Bundle } from "../rules/bundle-data.js";
import type { Rulebook } from "../rules/load.js";
import type { Weights } from "../rules/model.js";

let compiled: Rulebook | undefined;

/**
 * The bundled rule pack, compiled as the command line compiles it (src/rules/bundle.ts), from the
 * same bundle and weights, which the page carries in its script instead of reading files.
 */
export function bundledRulebook(): Rulebook {
  if (compiled) return compiled;
  const bundle = JSON.parse(bundledRules) as Bundle;
  // In the order the command line reads rules/: its file names, sorted.
  const files = Object.keys(bundle.files)
    .sort()
    .map((name) => ({ file: `rules/${name}`, data: bundle.files[name]! }));
  // The pack has one model, whose weights are model/weights.json.
  const weights = (JSON.parse(modelWeights) as { categories: Weights }).categories;
  return (compiled = rulebookOfBundle(bundle, files, () => weights));
}
