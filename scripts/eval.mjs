#!/usr/bin/env node
// npm run eval: scans the real forms of ../shared with the compiled CLI (one run per
// corpus; a run spreads its files over worker threads) and scores the JSON:
// - ../shared/corpus/files against the hand labels, with ../shared/eval/score.mjs:
//   the open, sealed and all lines, then precision/recall per category;
// - the same scan's Spanish sentences (labels with "lang": "es"), with score.mjs --lang es;
// - the English authorization forms of ../shared/corpus/authorizations against
//   ../shared/eval/authorizations/labels.json, and the Spanish ones against labels-es.json,
//   with score-authorizations.mjs.
// --verbose goes to both scorers (every miss and false alarm); --json prints the
// scorer's JSON with the authorization figures under "authorizations".
// EVAL_KEEP=DIR keeps the scans there (corpus.json, authorizations.json).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const cli = join(root, "bin", "consent-lens.js");
const corpus = {
  dir: join(shared, "corpus", "files"),
  labels: join(shared, "eval", "labels"),
  scorer: join(shared, "eval", "score.mjs"),
};
const authorizations = {
  dir: join(shared, "corpus", "authorizations"),
  labels: join(shared, "eval", "authorizations", "labels.json"),
  spanishLabels: join(shared, "eval", "authorizations", "labels-es.json"),
  scorer: join(shared, "eval", "score-authorizations.mjs"),
};
if (![corpus.dir, corpus.labels, corpus.scorer].every(existsSync)) {
  console.log("eval: ../shared (the labelled corpus) is not here; nothing to measure.");
  process.exit(0);
}
const withAuthorizations = [authorizations.dir, authorizations.labels, authorizations.scorer].every(existsSync);
const withSpanishAuthorizations = withAuthorizations && existsSync(authorizations.spanishLabels);

const args = process.argv.slice(2);
const json = args.includes("--json");
const verbose = args.includes("--verbose");

const formsIn = (dir, names) =>
  readdirSync(dir)
    .filter((f) => /\.(pdf|docx)$/i.test(f) && (!names || names.has(f)))
    .sort()
    .map((f) => join(dir, f));

/** Runs the CLI on the files; resolves with its JSON output (exit 1 means risks were found, not a failure). */
function scan(files) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "scan", "--format", "json", ...files], { stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 || code === 1) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new Error(`${Buffer.concat(err).toString("utf8")}eval: the scan failed (exit ${code})`));
    });
  });
}

const labelledFiles = (file, wanted) => (wanted ? new Set(JSON.parse(readFileSync(file, "utf8")).map((l) => l.file)) : new Set());
const authorizationFiles = labelledFiles(authorizations.labels, withAuthorizations);
const spanishAuthorizationFiles = labelledFiles(authorizations.spanishLabels, withSpanishAuthorizations);
let scans;
try {
  scans = await Promise.all([
    scan(formsIn(corpus.dir)),
    withAuthorizations ? scan(formsIn(authorizations.dir, new Set([...authorizationFiles, ...spanishAuthorizationFiles]))) : undefined,
  ]);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const out = mkdtempSync(join(tmpdir(), "consent-lens-eval-"));
const [corpusResults, authorizationResults] = ["corpus.json", "authorizations.json"].map((f) => join(out, f));
writeFileSync(corpusResults, scans[0]);
if (scans[1] !== undefined) writeFileSync(authorizationResults, scans[1]);
if (process.env.EVAL_KEEP) {
  mkdirSync(process.env.EVAL_KEEP, { recursive: true });
  writeFileSync(join(process.env.EVAL_KEEP, "corpus.json"), scans[0]);
  if (scans[1] !== undefined) writeFileSync(join(process.env.EVAL_KEEP, "authorizations.json"), scans[1]);
}

const run = (scorer, labels, results, extra) =>
  spawnSync(process.execPath, [scorer, "--labels", labels, "--results", results, ...extra], { encoding: "utf8" });
const failed = (r, what) => {
  if (r.status === 0) return false;
  process.stderr.write(r.stderr);
  console.error(`eval: the ${what} scorer failed (exit ${r.status})`);
  return true;
};

const corpusJson = run(corpus.scorer, corpus.labels, corpusResults, ["--json"]);
const spanishJson = run(corpus.scorer, corpus.labels, corpusResults, ["--lang", "es", "--json"]);
const authorizationJson = withAuthorizations
  ? run(authorizations.scorer, authorizations.labels, authorizationResults, ["--json"])
  : undefined;
const spanishAuthorizationJson = withSpanishAuthorizations
  ? run(authorizations.scorer, authorizations.spanishLabels, authorizationResults, ["--json"])
  : undefined;
let status =
  failed(corpusJson, "corpus") ||
  failed(spanishJson, "Spanish corpus") ||
  (authorizationJson && failed(authorizationJson, "authorization")) ||
  (spanishAuthorizationJson && failed(spanishAuthorizationJson, "Spanish authorization"))
    ? 1
    : 0;

if (json) {
  if (status === 0) {
    const summary = JSON.parse(corpusJson.stdout);
    summary.spanish = JSON.parse(spanishJson.stdout);
    if (authorizationJson) summary.authorizations = JSON.parse(authorizationJson.stdout);
    if (spanishAuthorizationJson) summary.spanishAuthorizations = JSON.parse(spanishAuthorizationJson.stdout);
    console.log(JSON.stringify(summary, null, 2));
  }
} else if (status === 0) {
  const lines = run(corpus.scorer, corpus.labels, corpusResults, verbose ? ["--verbose"] : []);
  if (failed(lines, "corpus")) status = 1;
  process.stdout.write(lines.stdout);
  printCategories(JSON.parse(corpusJson.stdout));
  const spanishLines = run(corpus.scorer, corpus.labels, corpusResults, ["--lang", "es", ...(verbose ? ["--verbose"] : [])]);
  if (failed(spanishLines, "Spanish corpus")) status = 1;
  console.log("\nSpanish (score.mjs --lang es)");
  process.stdout.write(spanishLines.stdout);
  if (authorizationJson) {
    status = printAuthorizations("authorizations", authorizations.labels) || status;
    if (spanishAuthorizationJson) status = printAuthorizations("authorizations-es", authorizations.spanishLabels) || status;
  } else console.log("\nauthorizations: ../shared/corpus/authorizations is not here; not measured.");
}
rmSync(out, { recursive: true, force: true });
// exitCode, not exit(): a long --verbose listing must reach a pipe in full
process.exitCode = status;

/** The authorization scorer's lines for one labels file, its summary last; 1 when the scorer failed. */
function printAuthorizations(name, labels) {
  const result = run(authorizations.scorer, labels, authorizationResults, verbose ? ["--verbose"] : []);
  if (failed(result, name)) return 1;
  const text = result.stdout.trimEnd().split("\n");
  const summaryLine = text.pop();
  if (text.length) console.log(`\n${text.join("\n")}`);
  console.log(`\n${name}  ${summaryLine}`);
  return 0;
}

/** Precision, recall and labelled risk sentences per category, open and sealed side by side. */
function printCategories(summary) {
  const groups = ["open", "sealed"].filter((g) => summary[g]?.documents > 0);
  const categories = [...new Set(groups.flatMap((g) => Object.keys(summary[g].perCategory)))].sort();
  const figure = (v) => (v === null || v === undefined ? "-" : v.toFixed(2));
  const cells = (c) =>
    groups.flatMap((g) => {
      const v = summary[g].perCategory[c];
      return v ? [figure(v.precision), figure(v.recall), String(v.gold)] : ["-", "-", "0"];
    });
  const header = ["category", ...groups.flatMap((g) => [`${g} P`, "R", "gold"])];
  const rows = [header, ...categories.map((c) => [c, ...cells(c)])];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log();
  for (const r of rows)
    console.log(
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join("  ")
        .trimEnd(),
    );
}
