#!/usr/bin/env node
// The command line: starts the compiled CLI (src/cli/start.ts: the bundle with its code cache) and sets the exit code.
import { startCli } from "../dist/cli/start.js";

const { main } = await startCli();
process.exitCode = await main(process.argv.slice(2));
