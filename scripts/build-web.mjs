#!/usr/bin/env node
// npm run build:web (after npm run build): the web page, a static site in dist/web/ that any static
// host (or `consent-lens serve`) can serve. esbuild bundles the page's entry (src/web/main.ts) with
// the project's own pipeline and the bundled rule pack the build wrote; the few modules that need
// Node are replaced by the page's versions of them, in src/web/. What only some forms need (OCR,
// for photos and scans) is split into chunks and files the page loads when it needs them, from
// its own site. Prints the sizes, gzip-compressed.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const at = (path) => `${root}${path}`;
export const site = at("dist/web/");

// The modules of the pipeline that need Node, and the page's versions of them (same exports).
const browserVersions = {
  "src/display.ts": "src/web/display.ts",
  "src/report/sha256.ts": "src/web/sha256.ts",
  "src/extract/image.ts": "src/web/image.ts",
  "src/extract/ocr.ts": "src/web/ocr.ts",
  "node_modules/mammoth/browser/unzip.js": "src/web/mammoth-unzip.ts",
};

// Data the page carries in its script, as text: what the command line reads from files.
const data = {
  "consent-lens:bundled-rules": "dist/bundled-rules.json",
};

const pagePlugin = {
  name: "consent-lens-page",
  setup(pluginBuild) {
    const replaced = new RegExp(
      `^${root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(${Object.keys(browserVersions).join("|").replace(/\./g, "\\.")})$`,
    );
    pluginBuild.onLoad({ filter: replaced }, (args) => {
      const version = at(browserVersions[args.path.slice(root.length)]);
      return {
        contents: readFileSync(version, "utf8"),
        loader: version.endsWith(".ts") ? "ts" : "js",
        resolveDir: at("src/web"),
        watchFiles: [version],
      };
    });
    pluginBuild.onResolve({ filter: /^consent-lens:/ }, (args) => ({ path: args.path, namespace: "consent-lens-data" }));
    pluginBuild.onLoad({ filter: /.*/, namespace: "consent-lens-data" }, (args) => ({
      contents: readFileSync(at(data[args.path]), "utf8"),
      loader: "text",
    }));
  },
};

// OCR's files, in ocr/: tesseract.js's browser worker (started by ours, src/web/ocr-worker.ts) and its
// core, the SIMD WebAssembly build for the LSTM engine with the wasm inside the script (fetching a
// .wasm file would need a connection), and the English language data as a script (eng.traineddata.js).
const ocrCopies = {
  "ocr/worker.min.js": "node_modules/tesseract.js/dist/worker.min.js",
  "ocr/worker.min.js.LICENSE.txt": "node_modules/tesseract.js/dist/worker.min.js.LICENSE.txt",
  "ocr/tesseract-core-simd-lstm.wasm.js": "node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm.js",
};
const englishData = "node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz";

/** Builds the site; returns the files written (paths relative to it), with their sizes raw and gzip-compressed and what loads them. */
export async function buildWeb() {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(`${site}ocr`, { recursive: true });
  /** @type {import("esbuild").BuildOptions} */
  const common = {
    bundle: true,
    platform: "browser",
    target: ["chrome120", "firefox121", "safari17"],
    minify: true,
    legalComments: "linked",
    plugins: [pagePlugin],
    logLevel: "warning",
  };
  const { metafile } = await build({
    ...common,
    entryPoints: { app: at("src/web/main.ts") },
    outdir: site,
    format: "esm",
    // Modules imported lazily (OCR, the image reader) become chunks that load when a form needs them.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
  });
  // zod (about 90 KB gzip) validates the command line's files (rule packs, configs, baselines): the page has none to read.
  const zodFrom = Object.entries(metafile.inputs).filter(
    ([path, input]) => !path.includes("node_modules/zod/") && input.imports.some((i) => i.path.includes("node_modules/zod/")),
  );
  if (zodFrom.length) throw new Error(`zod got into the page, imported by ${zodFrom.map(([path]) => path).join(", ")}`);
  await build({ ...common, entryPoints: [at("src/web/ocr-worker.ts")], outfile: `${site}ocr/ocr-worker.js`, format: "iife" });
  const copies = {
    "index.html": "src/web/index.html",
    "page.css": "src/web/page.css",
    "icon.svg": "src/web/icon.svg",
    "report.css": "src/report/html/report.css",
    "report.js": "src/report/html/report.client.js",
    // pdf.js's worker, the build that matches pdf-parse's browser build.
    "pdf.worker.mjs": "node_modules/pdf-parse/dist/pdf-parse/web/pdf.worker.mjs",
    ...ocrCopies,
  };
  for (const [name, source] of Object.entries(copies)) copyFileSync(at(source), `${site}${name}`);
  writeFileSync(`${site}ocr/eng.traineddata.js`, `consentLensEnglish="${readFileSync(at(englishData)).toString("base64")}";\n`);
  const firstLoad = loadedWithPage(metafile);
  return filesIn(site).map((name) => {
    const bytes = readFileSync(`${site}${name}`);
    const part =
      name === "pdf.worker.mjs" ? "pdf" : name.startsWith("ocr/") ? "ocr" : name.endsWith(".js") && !firstLoad.has(name) ? "lazy" : "page";
    return { name, part, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

const filesIn = (dir, prefix = "") =>
  readdirSync(`${dir}${prefix}`, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesIn(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();

/**
 * The page's script, the chunks it imports statically and those its entry imports itself as it starts
 * (the PDF and Word readers, src/web/main.ts), as paths relative to the site: what loads with the page.
 */
function loadedWithPage(metafile) {
  const relativeToSite = (path) => path.slice("dist/web/".length);
  const loaded = new Set();
  const visit = (path) => {
    if (loaded.has(relativeToSite(path))) return;
    loaded.add(relativeToSite(path));
    for (const i of metafile.outputs[path]?.imports ?? []) if (i.kind === "import-statement") visit(i.path);
  };
  visit("dist/web/app.js");
  const startsWith = new Set(metafile.inputs["src/web/main.ts"].imports.filter((i) => i.kind === "dynamic-import").map((i) => i.path));
  for (const [path, output] of Object.entries(metafile.outputs)) if (startsWith.has(output.entryPoint)) visit(path);
  return loaded;
}

/** The parts of the site: what loads with the page, its chunks loaded when a form needs them, pdf.js's worker, and OCR's files. */
export const parts = {
  page: "the page's own JavaScript and data, loaded with it (the PDF and Word readers included)",
  lazy: "its chunks loaded at the first photo or scan",
  pdf: "pdf.js's worker",
  ocr: "OCR's worker, core and language data (loaded at the first photo or scan)",
};

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const files = await buildWeb();
    for (const f of files) console.log(`  ${f.name.padEnd(40)} ${kb(f.bytes).padStart(9)}  ${kb(f.gzip).padStart(8)} gzip`);
    const sums = Object.entries(parts).map(([part, what]) => {
      const gzip = files.filter((f) => f.part === part).reduce((n, f) => n + f.gzip, 0);
      return `${what} ${kb(gzip)} gzip`;
    });
    console.log(`build:web: dist/web/ written; ${sums.join("; ")}`);
  } catch (error) {
    console.error(`build:web: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
