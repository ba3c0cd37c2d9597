#!/usr/bin/env node
// npm run eval: scans the real forms of ../shared/corpus/files with the compiled CLI
// and scores the JSON against the hand labels with ../shared/eval/score.mjs.
// Extra arguments go to the scorer (--verbose lists every miss and false alarm).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const corpus = join(shared, "corpus", "files");
const scorer = join(shared, "eval", "score.mjs");
if (!existsSync(corpus) || !existsSync(scorer)) {
  console.log("eval: ../shared (the labelled corpus) is not here; nothing to measure.");
  process.exit(0);
}
const files = readdirSync(corpus)
  .filter((f) => /\.(pdf|docx)$/i.test(f))
  .sort()
  .map((f) => join(corpus, f));
const scan = spawnSync(process.execPath, [join(root, "bin", "consent-lens.js"), "scan", "--format", "json", ...files], {
  encoding: "utf8",
  maxBuffer: 256 * 1024 * 1024,
});
if (scan.status !== 0 && scan.status !== 1) {
  process.stderr.write(scan.stderr);
  console.error(`eval: the scan failed (exit ${scan.status})`);
  process.exit(1);
}
const out = mkdtempSync(join(tmpdir(), "consent-lens-eval-"));
const results = join(out, "results.json");
writeFileSync(results, scan.stdout);
if (process.env.EVAL_KEEP) writeFileSync(process.env.EVAL_KEEP, scan.stdout);
const score = spawnSync(
  process.execPath,
  [scorer, "--labels", join(shared, "eval", "labels"), "--results", results, ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);
rmSync(out, { recursive: true, force: true });
process.exit(score.status ?? 1);
