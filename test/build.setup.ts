// The CLI tests run the compiled bin/consent-lens.js, as users do; build it once first
// (as `npm run build` does) so they never run against stale output.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export default function setup() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", root], { stdio: "inherit" });
  execFileSync(process.execPath, [`${root}/scripts/bundle-rules.mjs`], { stdio: "inherit" });
}
