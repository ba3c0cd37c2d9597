#!/usr/bin/env node
// npm run bench: how fast a scan feels. Medians of repeated runs of the compiled CLI,
// and in-process timings of each stage on a long (100-page) form; then OCR: word accuracy and
// time per page on scans and phone photos made from the fixture forms. Run `npm run build` first;
// `npm run bench -- --no-ocr` skips the OCR part (a few minutes).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { loadRules } from "../dist/rules/load.js";
import { documentFromPages } from "../dist/extract/document.js";
import { normalize } from "../dist/text/normalize.js";
import { match } from "../dist/match/match.js";
import { extract, extractImages } from "../dist/extract/index.js";
import { photograph, renderPage, scannedPdf, wordAccuracy } from "./scans.mjs";

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
rows.push([
  `the same, with the model where the rules are silent (${rules.model?.findings.length ?? 0} categories)`,
  time(() => match(text, rules.rules, rules.language, rules.model), 5),
]);
// The same text on one line of 1 MB (the goal: under 5 s, as with its line breaks).
const oneLine = lines
  .join(" ")
  .repeat(Math.ceil(1e6 / lines.join(" ").length))
  .slice(0, 1e6);
const oneLineDocument = documentFromPages("one-line.txt", "text", [[oneLine]], { linesAreParagraphs: false });
rows.push([
  "normalize and match a 1 MB form written on one line",
  time(() => {
    const long = normalize(oneLineDocument);
    match(long, rules.rules, rules.language, rules.model);
  }, 3),
]);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`node ${process.version}, median ms`);
for (const [name, ms] of rows) console.log(`${name.padEnd(width)}  ${ms.toFixed(0).padStart(6)}`);

if (!process.argv.includes("--no-ocr")) await benchOcr();

// Every page of the four fixture PDFs, rendered at 300 dpi into an image-only PDF (a scan), and
// page 2 of each photographed (turned, shadowed, noisy, JPEG): read by OCR, word accuracy against
// the fixture's text layer, and time per page with one OCR worker per core. CPU time is the figure
// that does not depend on what else the machine is running.
async function benchOcr() {
  const forms = ["imaging-ai-consent", "hipaa-authorization", "research-biobank-consent", "protective-form"];
  const pages = [];
  for (const form of forms)
    for (let page = 1; ; page++) {
      const rendered = await renderPage(path(`fixtures/${form}.pdf`), page, 300).catch(() => undefined);
      if (!rendered) break;
      pages.push({ form, page, ...rendered });
    }
  const scan = await scannedPdf(pages.map(({ png }) => ({ png })));
  const scanRun = await measured(() => extract({ path: "scan.pdf", bytes: scan }));
  const pageText = (d, i) => d.raw.slice(d.pageStarts[i], d.pageStarts[i + 1] ?? d.raw.length);
  const scanAccuracy = pages.map((p, i) => wordAccuracy(p.text, pageText(scanRun.result, i)));

  const photographed = pages.filter((p) => p.page === 2);
  const photos = [];
  for (const [i, p] of photographed.entries()) {
    const { png } = await renderPage(path(`fixtures/${p.form}.pdf`), 2, 200);
    photos.push({ path: `${p.form}-2.jpg`, bytes: await photograph(png, { angle: i % 2 ? -2.5 : 3, seed: i + 1 }) });
  }
  const photoRun = await measured(() => extractImages("photos", photos));
  const photoAccuracy = photographed.map((p, i) => wordAccuracy(p.text, pageText(photoRun.result, i)));

  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const percent = (x) => `${(100 * x).toFixed(1)}%`;
  console.log(`\nOCR (${availableParallelism()} workers)            pages  word accuracy (min)   ms/page  CPU ms/page`);
  const rows = [
    { name: "scanned PDF, 300 dpi letter pages", run: scanRun, accuracy: scanAccuracy },
    { name: "phone photos (3°, shadow, noise, JPEG)", run: photoRun, accuracy: photoAccuracy },
  ];
  for (const { name, run, accuracy } of rows)
    console.log(
      `${name.padEnd(40)} ${String(accuracy.length).padStart(3)}  ${percent(mean(accuracy)).padStart(7)} (${percent(Math.min(...accuracy))})` +
        `  ${(run.ms / accuracy.length).toFixed(0).padStart(8)}  ${(run.cpuMs / accuracy.length).toFixed(0).padStart(11)}`,
    );
}

async function measured(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}
