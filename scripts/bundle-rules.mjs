#!/usr/bin/env node
// Part of `npm run build`: validates and compiles the bundled rule pack (a broken rule
// fails the build with file:line), then writes it as dist/bundled-rules.json for a
// quicker start-up (see src/rules/bundle.ts).
import { rmSync, writeFileSync } from "node:fs";
import { bundleFile, bundleKey } from "../dist/rules/bundle.js";
import { bundledRules, loadRules, packFiles } from "../dist/rules/load.js";
import { RuleFileSchema } from "../dist/rules/schema.js";
import { readYamlFile } from "../dist/rules/yaml-file.js";

// The previous build's bundle may predate a change of the rule schema: validate the YAML itself.
rmSync(bundleFile, { force: true });
try {
  loadRules([bundledRules]);
} catch (error) {
  console.error(`bundle-rules: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const files = Object.fromEntries(packFiles(bundledRules).map((f) => [bundleKey(f), readYamlFile(f, RuleFileSchema, "rule file").data]));
writeFileSync(bundleFile, JSON.stringify(files));
