// The process tests run the compiled bin/consent-lens.js, as users do; build it once first
// (as `npm run build` does) so they never run against stale output.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
}
