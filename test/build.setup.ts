// The process tests run the compiled bin/consent-lens.js, as users do; build it first (as
// `npm run build` does) unless the build is newer than every source, rule and model file,
// so they never run against stale output and an up-to-date build is not redone.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { globSync } from "tinyglobby";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

function upToDate(): boolean {
  const built = statSync(`${root}dist/bundled-rules.json`, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  const sources = globSync(["src/**", "rules/**", "model/**", "scripts/**", "package.json", "tsconfig.json"], { cwd: root });
  return sources.every((file) => statSync(`${root}${file}`).mtimeMs <= built);
}

export default function setup() {
  if (!upToDate()) execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
}
