import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { UserError } from "../errors.js";
import { severities, type Report, type Severity } from "../types.js";
import { bundledRules, loadRules } from "../rules/load.js";
import { applyConfig, configPacks, findConfig } from "../rules/config.js";
import { formatJson } from "../report/json.js";
import { formatTerminal } from "../report/terminal.js";
import { processIo, type Io } from "./io.js";
import { readInput } from "./read.js";
import { scanInput, type ScanOptions } from "./pipeline.js";
import { explainRule, listRules, testRules } from "./rules.js";

export const version: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

/** Exit codes: 0 done, 1 a risk at or above --fail-on, 2 bad input, bad rules or bad usage. */
export const exitCodes = { ok: 0, failOn: 1, error: 2 } as const;

interface ScanFlags {
  rules?: string[];
  config?: string;
  kind?: string;
  questionsOnly?: boolean;
  format: "terminal" | "json";
  failOn?: Severity;
  color: boolean;
  password?: string;
  debug?: boolean;
}

/** Runs the command line and returns the exit code; only bin/ sets it on the process. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = exitCodes.ok;
  const debug = argv.includes("--debug");
  const program = new Command("consent-lens")
    .description("Reads a consent form and shows what it lets others do with your data, and what to ask before signing.")
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("scan")
    .description("scan consent forms (PDF, DOCX, text or Markdown; - reads standard input)")
    .argument("<files...>", "files to scan")
    .addOption(new Option("-f, --format <format>", "output format").choices(["terminal", "json"]).default("terminal"))
    .addOption(new Option("--fail-on <severity>", "exit 1 when a risk at or above this severity is found").choices([...severities]))
    .option("--kind <kinds>", "kinds of form, comma-separated, instead of detecting them (see README)")
    .option("--questions-only", "print only the questions to ask before signing")
    .option("--no-color", "plain text, no colours")
    .option("--password <password>", "password of an encrypted PDF")
    .option("--rules <path>", "add a rule pack: a YAML file or a folder (repeatable)", collect)
    .option("--config <file>", "config file (default: .consent-lens.yaml here or in a parent folder)")
    .option("--debug", "show the stack trace of internal errors")
    .action(async (files: string[], flags: ScanFlags) => {
      code = await scan(files, flags, io);
    });

  const rulesCommand = program.command("rules").description("list or test rule packs");
  rulesCommand
    .command("list")
    .description("list the rules: id, category, severity, title")
    .option("--rules <path>", "add a rule pack: a YAML file or a folder (repeatable)", collect)
    .option("--config <file>", "config file (default: .consent-lens.yaml here or in a parent folder)")
    .action((flags: { rules?: string[]; config?: string }) => io.stdout(listRules(rulesFrom(flags).rules)));
  rulesCommand
    .command("test")
    .description("run every rule's examples; exit 1 if one fails")
    .option("--rules <path>", "test this pack (repeatable) instead of the bundled rules; it may use the bundled lists", collect)
    .option("--no-color", "plain text, no colours")
    .action((flags: { rules?: string[]; color: boolean }) => {
      const rules = flags.rules ? loadRules([bundledRules, ...flags.rules], { only: flags.rules }) : loadRules();
      const { output, passed } = testRules(rules, flags.color && io.isTTY);
      io.stdout(output);
      code = passed ? exitCodes.ok : exitCodes.failOn;
    });
  program
    .command("explain")
    .description("what a rule looks for, why it matters, its questions and source")
    .argument("<rule-id>")
    .option("--rules <path>", "add a rule pack: a YAML file or a folder (repeatable)", collect)
    .option("--config <file>", "config file (default: .consent-lens.yaml here or in a parent folder)")
    .action((id: string, flags: { rules?: string[]; config?: string }) => io.stdout(explainRule(rulesFrom(flags).rules, id)));

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.error;
    io.stderr(`consent-lens: ${describe(error, debug)}\n`);
    return exitCodes.error;
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
// The bundled rules, the config's packs and --rules packs, then the config's changes.
function rulesFrom(flags: { rules?: string[]; config?: string }) {
  const config = findConfig(process.cwd(), flags.config);
  const rules = loadRules([bundledRules, ...configPacks(config), ...(flags.rules ?? [])]);
  return { rules: applyConfig(rules, config), config };
}

async function scan(files: string[], flags: ScanFlags, io: Io): Promise<number> {
  const { rules, config } = rulesFrom(flags);
  const failOn = flags.failOn ?? config?.data["fail-on"];
  const options: ScanOptions = {
    ...(flags.password ? { password: flags.password } : {}),
    ...(flags.kind ? { kinds: flags.kind.split(",").map((k) => k.trim()).filter(Boolean) } : {}),
  };
  // An unknown --kind is a usage error, not a problem of each file.
  for (const kind of options.kinds ?? [])
    if (!rules.kinds.some((k) => k.kind.id === kind))
      throw new UserError(`--kind: unknown kind "${kind}"; kinds: ${rules.kinds.map((k) => k.kind.id).join(", ")}`);
  const reports: Report[] = [];
  const errors: { path: string; error: string }[] = [];
  for (const path of files) {
    try {
      reports.push(await scanInput(await readInput(path, io), rules, options));
    } catch (error) {
      const message = describe(error, flags.debug);
      errors.push({ path, error: message });
      io.stderr(`consent-lens: ${path}: ${message}\n`);
    }
  }
  const color = flags.color && io.isTTY && !("NO_COLOR" in io.env && io.env.NO_COLOR !== "");
  if (flags.format === "json") io.stdout(formatJson(reports, { version, errors }));
  else if (reports.length) io.stdout(formatTerminal(reports, { color, width: io.columns, questionsOnly: Boolean(flags.questionsOnly) }));

  if (errors.length) return exitCodes.error;
  if (failOn) {
    const limit = severities.indexOf(failOn);
    const failing = reports.some((r) => r.findings.some((f) => f.polarity === "risk" && severities.indexOf(f.severity) <= limit));
    if (failing) return exitCodes.failOn;
  }
  return exitCodes.ok;
}

// A UserError is the user's to fix and says so in one line; anything else is our bug.
function describe(error: unknown, debug = false): string {
  if (error instanceof UserError) return error.message;
  if (debug) return (error as Error)?.stack ?? String(error);
  return `internal error: ${(error as Error)?.message ?? String(error)} (run with --debug for details)`;
}
