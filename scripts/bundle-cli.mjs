#!/usr/bin/env node
// Part of npm run build, after tsc: the command line as one CommonJS file, dist/cli/bundled.cjs (the
// compiled CLI and its dependencies, pdf.js included), and V8's code cache of it after a warm-up on
// the fixture forms (dist/cli/bundled.cjs.code-cache), which bin/ reads so that a run does not
// compile what a scan needs (src/cli/start.ts). What the bundle leaves out loads from node_modules
// as it does without it: native modules, which cannot be bundled, and OCR (tesseract.js starts its
// own workers from its files).
import { readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const { cliBundle, writeCodeCache } = await import("../dist/cli/start.js");

// Each module's import.meta.url is its own file's URL, relative to the bundle so that the package
// can move: the CLI finds the rules and package.json from it, pdf.js its optional canvas module.
const importMetaUrl = {
  name: "import-meta-url",
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.m?js$/, namespace: "file" }, (args) => {
      const contents = readFileSync(args.path, "utf8");
      if (!contents.includes("import.meta")) return undefined;
      const path = relative(dirname(cliBundle), args.path).split("\\").join("/");
      return { contents: contents.replaceAll("import.meta.url", `new URL(${JSON.stringify(path)}, __bundleUrl).href`), loader: "js" };
    });
  },
};

// The bundle runs as a script (vm.Script, for its code cache), which cannot import(): the modules it
// leaves out, all CommonJS, are required where the CLI imports them.
const leftOut = /^(sharp|tesseract\.js|@napi-rs\/canvas)$/;
const requireLeftOut = {
  name: "require-left-out",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: leftOut }, (args) =>
      args.kind === "dynamic-import" ? { path: args.path, namespace: "left-out" } : { path: args.path, external: true },
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: "left-out" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

const result = await build({
  // pdf.js reads the PDF in this thread through its worker's message handler, which it takes from
  // globalThis.pdfjsWorker when set (otherwise it imports the worker's file by a path the bundle
  // would not have); the getter loads it only when a PDF is read. A batch worker runs the same bundle.
  stdin: {
    contents: `Object.defineProperty(globalThis, "pdfjsWorker", { configurable: true, get: () => require("pdfjs-dist/legacy/build/pdf.worker.mjs") });
module.exports = { main: require("./dist/cli/main.js").main, assessSentDocuments: () => require("./dist/cli/assess-worker.js").assessSentDocuments() };`,
    resolveDir: root,
    sourcefile: "cli-bundle-entry.cjs",
    loader: "js",
  },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  outfile: cliBundle,
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [importMetaUrl, requireLeftOut],
  // Less text to read at each start; names are kept, for stack traces (--debug).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "silent",
});
if (result.warnings.length > 0 || result.errors.length > 0) {
  for (const message of [...result.errors, ...result.warnings]) console.error(`bundle-cli: ${message.text}`);
  process.exit(1);
}

// What users run most: a PDF, a Word file and a text form, in the terminal report and in JSON.
const fixture = (name) => `${root}fixtures/${name}`;
await writeCodeCache(
  [
    ["scan", "--no-config", "--format", "json", fixture("imaging-ai-consent.pdf")],
    ["scan", "--no-config", fixture("imaging-ai-consent.pdf")],
    ["scan", "--no-config", "--format", "json", fixture("hipaa-authorization.docx")],
    ["scan", "--no-config", "--format", "json", fixture("imaging-ai-consent.txt")],
  ],
  root,
);
