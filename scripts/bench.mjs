#!/usr/bin/env node
// npm run bench: what a scan costs, in CPU time (user + system, every thread), which a busy machine
// does not distort, set against floors measured in the same run: Node starting, importing pdf-parse
// and extracting the text (what any pdf.js-based tool pays), and pdftotext when it is installed.
// Each command runs as its own process: the first run (cold) apart, then the median of the rest.
// Then batches (the authorization PDFs of ../shared when present), memory as a batch and a form
// grow, the stages in one process, and OCR. Run `npm run build` first; `--no-ocr` skips OCR (minutes).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { extract, extractImages } from "../dist/extract/index.js";
import { photograph, renderPage, scannedPdf, wordAccuracy } from "./scans.mjs";

const root = new URL("..", import.meta.url);
const path = (p) => new URL(p, root).pathname;
const cli = path("bin/consent-lens.js");
const usageModule = path("scripts/bench-usage.mjs");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const work = mkdtempSync(join(tmpdir(), "consent-lens-bench-"));
const usageFile = join(work, "usage.json");
const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 7);

/** One Node process: its CPU ms, peak MB and wall ms, read by scripts/bench-usage.mjs as it exits. */
function nodeProcess(args) {
  rmSync(usageFile, { force: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--import", usageModule, ...args], {
    env: { ...process.env, CONSENT_LENS_BENCH_USAGE: usageFile, NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - start;
  if (run.status !== 0 && run.status !== 1) throw new Error(`bench: node ${args.join(" ")}: exit ${run.status}\n${run.stderr}`);
  return { ...JSON.parse(readFileSync(usageFile, "utf8")), wallMs };
}

/** Any command's CPU ms, through the shell's `times` (children's user and system time); undefined without bash. */
function shellProcess(command) {
  const run = spawnSync("bash", ["-c", `${command} >/dev/null 2>&1; times`], { encoding: "utf8" });
  if (run.status !== 0) return undefined;
  const children = run.stdout
    .trim()
    .split("\n")
    .at(-1)
    .match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
  return children && { cpuMs: 1000 * (60 * Number(children[1]) + Number(children[2]) + 60 * Number(children[3]) + Number(children[4])) };
}

/** The first run (cold) and the median of the next `count`. */
function repeated(measure, count = runs) {
  const first = measure();
  const rest = Array.from({ length: count }, measure);
  return {
    first,
    cpuMs: median(rest.map((r) => r.cpuMs)),
    peakMb: median(rest.map((r) => r.peakMb ?? NaN)),
    wallMs: median(rest.map((r) => r.wallMs ?? NaN)),
  };
}

const fixed = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : "");
function table(title, header, rows) {
  const cells = [header, ...rows.map((row) => row.map((c) => (typeof c === "number" ? fixed(c) : (c ?? ""))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  console.log(`\n${title}`);
  for (const row of cells)
    console.log(row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  "));
}

// --- The floors: extracting text, with nothing else ------------------------------------------------
const extractAll = `import { readFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
for (const file of process.argv.slice(1)) {
  const parser = new PDFParse({ data: readFileSync(file) });
  await parser.getText({ pageJoiner: "" });
  await parser.destroy();
}`;
const floorPdf = (files) => nodeProcess(["--input-type=module", "-e", extractAll, ...files]);
const hasPdftotext = spawnSync("pdftotext", ["-v"]).error === undefined;

const pdf = path("fixtures/imaging-ai-consent.pdf");
const single = [];
const floor = repeated(() => floorPdf([pdf]));
single.push(["floor: Node + pdf-parse extract the 3-page PDF", floor]);
if (hasPdftotext) single.push(["floor: pdftotext, the same PDF", repeated(() => shellProcess(`pdftotext ${pdf} -`))]);
const scanRow = (name, args) => [name, repeated(() => nodeProcess([cli, ...args]))];
single.push(
  scanRow("consent-lens --version", ["--version"]),
  scanRow("consent-lens --help", ["--help"]),
  scanRow("scan the 3-page PDF, --format json", ["scan", "--format", "json", pdf]),
  scanRow("scan the 3-page PDF, terminal report", ["scan", pdf]),
  scanRow("scan the 3-page PDF, HTML report", ["scan", "--format", "html", pdf]),
  scanRow("scan the same form as DOCX, --format json", ["scan", "--format", "json", path("fixtures/imaging-ai-consent.docx")]),
  scanRow("scan the same form as text, --format json", ["scan", "--format", "json", path("fixtures/imaging-ai-consent.txt")]),
);
console.log(`node ${process.version}, ${availableParallelism()} cores; CPU ms = user + system of the whole process (all threads)`);
console.log(`first = the first process of this run (cold); median of ${runs} after it; x floor = median / Node + pdf-parse floor`);
table(
  "One form, one process",
  ["what", "CPU ms first", "CPU ms median", "x floor", "peak MB"],
  single.map(([name, r]) => [name, r.first.cpuMs, r.cpuMs, fixed(r.cpuMs / floor.cpuMs, 2), r.peakMb]),
);

// --- Batches: one invocation against extracting every file in one process ------------------------
const batchRows = [];
const authorizations = path("../shared/corpus/authorizations/");
if (existsSync(authorizations)) {
  const files = readdirSync(authorizations)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => join(authorizations, f));
  // Three runs after the first: the median of two would be the larger one.
  const extracted = repeated(() => floorPdf(files), 3);
  batchRows.push({ name: `floor: extract the ${files.length} authorization PDFs in one process`, run: extracted, base: extracted });
  for (const format of ["json", "terminal"]) {
    const batch = repeated(() => nodeProcess([cli, "scan", "--format", format, authorizations]), 3);
    batchRows.push({ name: `scan the ${files.length} authorization PDFs, --format ${format}`, run: batch, base: extracted });
  }
} else console.log("\n(../shared is absent: the authorization batch is skipped)");
// The same batch grown fourfold from copies of the fixture forms: memory should not grow with it.
for (const copies of [3, 12]) {
  const dir = join(work, `batch-${copies}`);
  mkdirSync(dir);
  for (let i = 0; i < copies; i++)
    for (const form of ["imaging-ai-consent.pdf", "hipaa-authorization.pdf", "research-biobank-consent.pdf", "protective-form.pdf"])
      copyFileSync(path(`fixtures/${form}`), join(dir, `${i}-${form}`));
  const extracted = repeated(() => floorPdf(readdirSync(dir).map((f) => join(dir, f))), 1);
  const batch = repeated(() => nodeProcess([cli, "scan", "--format", "json", dir]), 1);
  batchRows.push({ name: `scan ${copies * 4} fixture PDFs (copies), --format json`, run: batch, base: extracted });
}
table(
  "Batches, one invocation",
  ["what", "CPU ms", "x extract", "wall ms", "cores used", "peak MB"],
  batchRows.map(({ name, run: r, base }) => [
    name,
    r.cpuMs,
    fixed(r.cpuMs / base.cpuMs, 2),
    r.wallMs,
    fixed(r.cpuMs / r.wallMs, 1),
    r.peakMb,
  ]),
);

// --- Long forms: the imaging consent's text repeated, about 45 lines a page ------------------------
const lines = readFileSync(path("fixtures/imaging-ai-consent.txt"), "utf8").split("\n");
const longForm = (pages) => {
  const out = [];
  for (let all = []; out.length < pages;) {
    all.push(...lines);
    while (all.length >= 45 && out.length < pages) out.push(all.splice(0, 45).join("\n"));
  }
  const file = join(work, `long-${pages}.txt`);
  writeFileSync(file, out.join("\f"));
  return file;
};
// The same text on one line of 1 MB (the goal: under 5 s, as with its line breaks).
const oneLine = join(work, "one-line.txt");
writeFileSync(
  oneLine,
  lines
    .join(" ")
    .repeat(Math.ceil(1e6 / lines.join(" ").length))
    .slice(0, 1e6),
);
const oneLineRun = nodeProcess([cli, "scan", "--format", "json", oneLine]);
table(
  "Long forms (text), one process",
  ["what", "CPU ms", "ms per page", "peak MB"],
  [
    ...[100, 500, 2000].map((pages) => {
      const r = nodeProcess([cli, "scan", "--format", "json", longForm(pages)]);
      return [`scan a ${pages}-page text form, --format json`, r.cpuMs, fixed(r.cpuMs / pages, 1), r.peakMb];
    }),
    ["scan a 1 MB form written on one line, --format json", oneLineRun.cpuMs, "", oneLineRun.peakMb],
  ],
);

// --- The stages, in one fresh process: the first call (cold) and the median of repeats (warm) -------
const stages = `import { readFileSync } from "node:fs";
const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
const timed = (fn, count) => { const out = []; for (let i = 0; i < count; i++) { const t = cpu(); fn(); out.push(cpu() - t); } return out; };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dist = ${JSON.stringify(path("dist/"))};
let t = cpu();
const { loadRules } = await import(dist + "rules/load.js");
const { documentFromPages } = await import(dist + "extract/document.js");
const { normalize } = await import(dist + "text/normalize.js");
const { match } = await import(dist + "match/match.js");
const { assess } = await import(dist + "assess/assess.js");
const imports = cpu() - t;
const [load, ...loads] = timed(() => loadRules(), 6);
const rules = loadRules();
const text = (pages) => normalize(documentFromPages("long.txt", "text", readFileSync(${JSON.stringify(join(work, "long-100.txt"))}, "utf8").split("\\f").slice(0, pages).map((p) => p.split("\\n")), { linesAreParagraphs: false }));
const [norm, ...norms] = timed(() => text(100), 4);
const long = text(100);
let findings;
const [matched, ...matches] = timed(() => (findings = match(long, rules.rules, rules.language, rules.model)), 4);
const [assessed, ...assessments] = timed(() => assess(long, findings, rules), 4);
console.log(JSON.stringify({ imports, rules: rules.rules.length, sentences: long.sentences.length,
  rows: [["load the rule pack", load, median(loads)], ["normalize a 100-page form", norm, median(norms)],
         ["match the rules (and the model) on it", matched, median(matches)], ["assess it", assessed, median(assessments)]] }));`;
const staged = JSON.parse(spawnSync(process.execPath, ["--input-type=module", "-e", stages], { encoding: "utf8" }).stdout);
table(
  `Stages in one process (${staged.rules} rules; the 100-page form has ${staged.sentences} sentences; importing them: ${fixed(staged.imports)} ms)`,
  ["what", "CPU ms first", "CPU ms warm"],
  staged.rows,
);
rmSync(work, { recursive: true, force: true });

await benchWeb();
if (!process.argv.includes("--no-ocr")) await benchOcr();

// The web page in Chromium (dist/web/, built anew as npm run build:web builds it): what each part
// weighs, and the time from picking a form to the report shown, on a page already loaded: a 3-page
// PDF and a 1-page phone photo (read by OCR), the first pick (which also compiles the rules, or
// loads OCR) and the median of the next picks, by the clock and in Chromium's CPU time (which a busy machine
// distorts less). Skipped without Chromium.
async function benchWeb() {
  if (!existsSync("/usr/bin/chromium")) return console.log("\nWeb page: skipped (no Chromium)");
  const { buildWeb, parts } = await import("./build-web.mjs");
  const files = await buildWeb();
  const work = mkdtempSync(join(tmpdir(), "consent-lens-bench-web-"));
  const photo = join(work, "photo.jpg");
  writeFileSync(photo, await photograph((await renderPage(path("fixtures/imaging-ai-consent.pdf"), 2, 200)).png, { angle: 3, seed: 7 }));
  const { startServer } = await import("../dist/cli/serve.js");
  const { chromium } = await import("playwright-core");
  const { server, url } = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: "networkidle" });
    const pick = async (file) => {
      const [start, cpu] = [performance.now(), chromiumCpuMs()];
      await page.setInputFiles("#file", file);
      await page.waitForFunction(() => globalThis.document.body.dataset.state === "done", null, { timeout: 300_000 });
      return { wallMs: performance.now() - start, cpuMs: chromiumCpuMs() - cpu };
    };
    const shown = ({ wallMs, cpuMs }) => `${wallMs.toFixed(0)} ms (${cpuMs.toFixed(0)} ms of CPU)`;
    const timed = async (file, count) => {
      const first = await pick(file);
      const after = [];
      for (let i = 0; i < count; i++) after.push(await pick(file));
      return `${shown(first)} first, ${shown({ wallMs: median(after.map((a) => a.wallMs)), cpuMs: median(after.map((a) => a.cpuMs)) })} after`;
    };
    const pdf = await timed(path("fixtures/research-biobank-consent.pdf"), runs);
    // OCR takes seconds a page: fewer runs.
    const photoTimes = await timed(photo, 3);
    console.log("\nWeb page, gzip-compressed:");
    for (const [part, what] of Object.entries(parts))
      console.log(`  ${what}: ${(files.filter((f) => f.part === part).reduce((n, f) => n + f.gzip, 0) / 1024).toFixed(0)} KB`);
    console.log(`  3-page PDF picked -> report shown, in Chromium: ${pdf}`);
    console.log(`  1-page phone photo picked -> report shown (OCR), in Chromium: ${photoTimes}`);
  } finally {
    await browser.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** CPU ms (user + system) of this process's child processes and theirs (Chromium's), from /proc: NaN where there is none. */
function chromiumCpuMs() {
  if (!existsSync("/proc/self/stat")) return NaN;
  const processes = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // After the command's name (in parentheses): state, parent, ..., user and system time in clock ticks (fields 14, 15).
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return [{ pid, parent: fields[1], ticks: Number(fields[11]) + Number(fields[12]) }];
      } catch {
        return []; // ended meanwhile
      }
    });
  const descendants = new Set([String(process.pid)]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes)
      if (descendants.has(p.parent) && !descendants.has(p.pid)) {
        descendants.add(p.pid);
        grew = true;
      }
  }
  descendants.delete(String(process.pid));
  // Linux counts 100 ticks a second (USER_HZ).
  return processes.filter((p) => descendants.has(p.pid)).reduce((ms, p) => ms + p.ticks * 10, 0);
}

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
