#!/usr/bin/env node
// The command line: runs the compiled CLI and sets the exit code. Nothing else.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
