#!/usr/bin/env node
// npm run bench: how fast a scan feels. Medians of repeated runs of the compiled CLI,
// and in-process timings of each stage on a long (100-page) form. Run `npm run build` first.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadRules } from "../dist/rules/load.js";
import { documentFromPages } from "../dist/extract/document.js";
import { normalize } from "../dist/text/normalize.js";
import { match } from "../dist/match/match.js";

const root = new URL("..", import.meta.url);
const path = (p) => new URL(p, root).pathname;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn, runs) => median(Array.from({ length: runs }, () => ((t) => (fn(), performance.now() - t))(performance.now())));

const rows = [];
for (const file of ["fixtures/imaging-ai-consent.pdf", "fixtures/research-biobank-consent.docx", "fixtures/imaging-ai-consent.txt"]) {
  const ms = time(() => spawnSync(process.execPath, [path("bin/consent-lens.js"), "scan", "--format", "json", path(file)]), 9);
  rows.push([`whole process: scan ${file}`, ms]);
}

rows.push(["load and compile the rule pack", time(() => loadRules(), 9)]);
const rules = loadRules();
// A 100-page form: the imaging consent's text, repeated, about 45 lines a page.
const lines = readFileSync(path("fixtures/imaging-ai-consent.txt"), "utf8").split("\n");
const pages = [];
for (let all = []; pages.length < 100;) {
  all.push(...lines);
  while (all.length >= 45 && pages.length < 100) pages.push(all.splice(0, 45));
}
const document = documentFromPages("long.txt", "text", pages, { linesAreParagraphs: false });
rows.push(["normalize a 100-page form", time(() => normalize(document), 5)]);
const text = normalize(document);
rows.push([
  `match ${rules.rules.length} rules on a 100-page form (${text.sentences.length} sentences)`,
  time(() => match(text, rules.rules, rules.language), 5),
]);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`node ${process.version}, median ms`);
for (const [name, ms] of rows) console.log(`${name.padEnd(width)}  ${ms.toFixed(0).padStart(6)}`);
