#!/usr/bin/env node
// npm run build:web (after npm run build): the web page, a static site in dist/web/ that any static
// host (or `consent-lens serve`) can serve. esbuild bundles the page's entry (src/web/main.ts) with
// the project's own pipeline and the bundled rule pack the build wrote; the few modules that need
// Node are replaced by the page's versions of them, in src/web/. Prints the sizes, gzip-compressed.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
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

/** Builds the site; returns the files written, with their sizes raw and gzip-compressed. */
export async function buildWeb() {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  await build({
    entryPoints: { app: at("src/web/main.ts") },
    outdir: site,
    bundle: true,
    platform: "browser",
    format: "esm",
    target: ["chrome120", "firefox121", "safari17"],
    minify: true,
    legalComments: "linked",
    plugins: [pagePlugin],
    logLevel: "warning",
  });
  const copies = {
    "index.html": "src/web/index.html",
    "page.css": "src/web/page.css",
    "icon.svg": "src/web/icon.svg",
    "report.css": "src/report/html/report.css",
    "report.js": "src/report/html/report.client.js",
    // pdf.js's worker, the build that matches pdf-parse's browser build.
    "pdf.worker.mjs": "node_modules/pdf-parse/dist/pdf-parse/web/pdf.worker.mjs",
  };
  for (const [name, source] of Object.entries(copies)) copyFileSync(at(source), `${site}${name}`);
  return readdirSync(site)
    .sort()
    .map((name) => {
      const bytes = readFileSync(`${site}${name}`);
      return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
}

/** What the page itself weighs: everything but pdf.js's worker, which is counted apart. */
export const ownFiles = (files) => files.filter((f) => f.name !== "pdf.worker.mjs");

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const files = await buildWeb();
    for (const f of files) console.log(`  ${f.name.padEnd(22)} ${kb(f.bytes).padStart(9)}  ${kb(f.gzip).padStart(8)} gzip`);
    const own = ownFiles(files).reduce((n, f) => n + f.gzip, 0);
    const worker = files.find((f) => f.name === "pdf.worker.mjs");
    console.log(
      `build:web: dist/web/ written; the page's own JavaScript and data ${kb(own)} gzip, pdf.js's worker ${kb(worker.gzip)} gzip apart`,
    );
  } catch (error) {
    console.error(`build:web: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
