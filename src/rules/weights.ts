import { readFileSync } from "node:fs";
import { z } from "zod";
import { categories } from "../types.js";
import { weightTable, type WeightTable } from "../match/model/model.js";
import type { ModelDefinition } from "./schema.js";
import type { YamlFile } from "./yaml-file.js";
import { weightsFile } from "./bundle.js";

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

/** Reads and checks the weights a rule file's `model` names (relative to that file); problems at the model's line. */
export function readWeights(file: YamlFile<unknown>, definition: ModelDefinition): WeightTable {
  const path = weightsFile(file.file, definition);
  return file.at(["model", "weights"], () => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new Error(`cannot read the weights ${path} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
    const parsed = WeightsSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${path} is not a weights file (${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message})`);
    return weightTable(parsed.data.categories);
  });
}
