#!/usr/bin/env node
// npm run schema: writes the JSON Schemas in schema/ from the zod types (run `npm run build` first).
import { mkdirSync, writeFileSync } from "node:fs";
import { jsonSchemas } from "../dist/schemas.js";

const dir = new URL("../schema/", import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(name, dir), JSON.stringify(schema, null, 2) + "\n");
  console.log(`schema/${name}`);
}
