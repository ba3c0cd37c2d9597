#!/usr/bin/env node
// The command line: starts the compiled CLI (src/cli/start.ts: the bundle with its code cache) and sets the exit code.
import { startCli } from "../dist/cli/start.js";

const argv = process.argv.slice(2);
const { main } = await startCli(argv);
process.exitCode = await main(argv);
