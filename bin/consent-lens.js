#!/usr/bin/env node
// The command line: runs the compiled CLI and sets the exit code. Nothing else, but one V8 setting.
import { setFlagsFromString } from "node:v8";

// A scan is over in about a second, too soon for most of V8's optimizing compiles (on another
// thread, but CPU all the same) to pay back: code runs longer before it is optimized. This cuts
// the CPU of a scan and of a batch by a sixth (npm run bench; README "Speed"). Set before the
// CLI loads, so that every function of it is counted that way.
setFlagsFromString("--interrupt-budget=1000000");
const { main } = await import("../dist/cli/main.js");

process.exitCode = await main(process.argv.slice(2));
