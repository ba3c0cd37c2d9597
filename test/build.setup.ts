// The process tests run the compiled bin/consent-lens.js, as users do, and the browser tests the web
// page it serves; build both first (as `npm run build:web` does) unless the build is newer than every
// source, rule and model file, so they never run against stale output and an up-to-date build is not redone.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { globSync } from "tinyglobby";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

function upToDate(): boolean {
  const outputs = ["dist/bundled-rules.json", "dist/cli/bundled.cjs.code-cache", "dist/web/app.js"].map(
    (file) => statSync(`${root}${file}`, { throwIfNoEntry: false })?.mtimeMs,
  );
  if (outputs.some((mtime) => mtime === undefined)) return false;
  const built = Math.min(...(outputs as number[]));
  const sources = globSync(["src/**", "rules/**", "model/**", "scripts/**", "package.json", "tsconfig.json"], { cwd: root });
  return sources.every((file) => statSync(`${root}${file}`).mtimeMs <= built);
}

export default function setup() {
  if (!upToDate()) execFileSync("npm", ["run", "-s", "build:web"], { cwd: root, stdio: "inherit" });
}
