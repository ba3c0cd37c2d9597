import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { jsonSchemas } from "../src/schemas.js";
import { root } from "./helpers.js";
import { join } from "node:path";

describe("published JSON Schemas", () => {
  it.each(Object.entries(jsonSchemas()))("schema/%s is what the zod types generate (npm run schema)", (name, schema) => {
    const published = JSON.parse(readFileSync(join(root, "schema", name), "utf8"));
    expect(published).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
