// The process tests run the compiled bin/consent-lens.js, as users do, and the browser tests the web
// page it serves; build both once first (as `npm run build:web` does) so they never run against stale output.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync("npm", ["run", "-s", "build:web"], { cwd: root, stdio: "inherit" });
}
