import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { root } from "./helpers.js";

/*
 * Data flows one way: each stage may use the ones before it, never one after it.
 * types.ts, errors.ts and display.ts are shared by all (types.ts names the rule types that the
 * zod schema in rules/ defines); scan.ts runs the pipeline; cli/ and schemas.ts sit on top.
 * cli/ and web/ (the web page) are the program's two edges: nothing imports them, and
 * neither imports the other. The page's modules use no Node built-in: where the pipeline
 * needs Node, web/ has the page's version of the module (scripts/build-web.mjs).
 */
const order = [
  "types.ts",
  "errors.ts",
  "display.ts",
  "extract",
  "text",
  "match",
  "rules",
  "assess",
  "report",
  "scan.ts",
  "schemas.ts",
  "cli",
  "web",
];
const shared = new Set(["types.ts", "errors.ts", "display.ts"]);
const edges = ["cli", "web"];

const src = join(root, "src");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
const stageOf = (file: string) => relative(src, file).split("/")[0]!;

describe("the pipeline's layers", () => {
  const imports = files(src).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?from\s+"(\.[^"]+)"/gms)].map((m) => ({
      from: stageOf(file),
      to: stageOf(resolve(dirname(file), m[1]!)),
      where: `${relative(src, file)} -> ${m[1]}`,
    })),
  );

  it("knows every folder and top-level file of src/", () => {
    expect(new Set(files(src).map(stageOf))).toEqual(new Set(order.filter((s) => files(src).some((f) => stageOf(f) === s))));
    expect(imports.length).toBeGreaterThan(50);
  });

  it("nothing imports an edge (cli/, web/) but the edge itself", () => {
    const intoEdges = imports.filter((i) => edges.includes(i.to) && i.from !== i.to).map((i) => i.where);
    expect(intoEdges).toEqual([]);
  });

  it("the web page's own modules use no Node built-in", () => {
    const web = files(join(src, "web"));
    expect(web.length).toBeGreaterThan(3);
    const builtins = web.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?from\s+"(node:[^"]+)"/gms)].map(
        (m) => `${relative(src, file)} -> ${m[1]}`,
      ),
    );
    expect(builtins).toEqual([]);
  });

  it("no stage imports a later one", () => {
    const backwards = imports.filter((i) => !shared.has(i.from) && order.indexOf(i.to) > order.indexOf(i.from)).map((i) => i.where);
    expect(backwards).toEqual([]);
  });
});
