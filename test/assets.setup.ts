// The unit tests import the source, whose HTML formatter needs its generated assets module.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup() {
  execFileSync(process.execPath, [fileURLToPath(new URL("../scripts/build-assets.mjs", import.meta.url))], { stdio: "inherit" });
}
