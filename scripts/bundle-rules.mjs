#!/usr/bin/env node
// Part of `npm run build`: validates and compiles the bundled rule pack from its YAML (a broken
// rule fails the build with file:line), then writes it, phrases parsed, as dist/bundled-rules.json
// for a start-up that only reads it (see src/rules/bundle.ts).
import { rmSync, writeFileSync } from "node:fs";
import { bundleFile } from "../dist/rules/bundle.js";
import { compileBundle } from "../dist/rules/load.js";

rmSync(bundleFile, { force: true });
try {
  writeFileSync(bundleFile, compileBundle());
} catch (error) {
  console.error(`bundle-rules: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
