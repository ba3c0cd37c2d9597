import bundledRules from "consent-lens:bundled-rules";
import { rulebookOfBundle, type Bundle } from "../rules/bundle-data.js";
import type { Rulebook } from "../rules/load.js";

let compiled: Rulebook | undefined;

// The packed weights are base64; a page has no Buffer.
function base64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The bundled rule pack, compiled as the command line compiles it (src/rules/bundle.ts), from the
 * same bundle (the model's weights packed in it), which the page carries in its script instead of
 * reading it from dist/.
 */
export function bundledRulebook(): Rulebook {
  if (compiled) return compiled;
  const bundle = JSON.parse(bundledRules) as Bundle;
  // The build wrote the files in the order the pack reads them (top folder, then language folders), by their path in rules/.
  const files = Object.entries(bundle.files).map(([key, data]) => ({ file: `rules/${key}`, data }));
  return (compiled = rulebookOfBundle(bundle, files, base64));
}
