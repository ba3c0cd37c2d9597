import { UserError } from "../errors.js";
import { quote } from "../report/excerpt.js";
import { idNames, shortId } from "../report/fingerprint.js";
import { redact } from "../report/redact.js";
import { reportView, type FindingView, type MissingView, type ReportView } from "../report/view.js";
import { display } from "../display.js";
import { baselinePath, formKey, gitUser, openBaseline, today, withEntry, writeBaseline } from "./baseline.js";
import { scanOne } from "./batch.js";
import type { Io } from "./io.js";
import { exitCodes, scanOptions } from "./options.js";
import { loadRulebook, type RuleSource } from "./setup.js";

export interface AcceptFlags extends RuleSource {
  reason: string;
  by?: string;
  baseline?: string;
  kind?: string;
  password?: string;
  debug?: boolean;
}

// A prefix shorter than this names some finding by chance rather than by intent.
const shortestId = 6;

/**
 * `consent-lens accept <form> <finding-id> --reason "..."`: records in the baseline that a
 * risk (by its fingerprint, or a prefix of it) or a missing element (also by its element
 * id) is accepted, with the reason, who and when.
 */
export async function acceptCommand(form: string, id: string, flags: AcceptFlags, io: Io): Promise<number> {
  const reason = flags.reason.trim();
  if (!reason) throw new UserError("--reason: say why the finding is accepted");
  const by = flags.by?.trim() || gitUser(io);
  if (!by) throw new UserError("say who accepts it with --by (git config has no user.name or user.email here)");
  const { rulebook, config } = await loadRulebook(flags, io.cwd);
  const kinds = rulebook.kinds.map((k) => k.definition.id);
  const outcome = await scanOne(form, { rulebook, options: scanOptions(flags, kinds), debug: Boolean(flags.debug), io });
  if ("error" in outcome) throw new UserError(`${outcome.path}: ${outcome.error}`);
  // Fingerprints are of the masked sentence, as a scan (masking by default) makes them.
  const view = reportView(redact(outcome.report));
  const known = new Set([...rulebook.rulesById.keys(), ...rulebook.elements.map((e) => e.element.id)]);
  const target = findTarget(view, id, form, known);

  const baseline = openBaseline(baselinePath(flags.baseline, config, io.cwd));
  const { data, replaced } = withEntry(baseline.data, {
    file: formKey(baseline.file, io.cwd, form),
    fingerprint: target.fingerprint,
    ...("finding" in target
      ? { ruleId: target.finding.ruleId, sentence: quote(view.report.text, target.finding.sentence).replace(/\s+/g, " ") }
      : { ruleId: target.element.id }),
    reason,
    by,
    date: today(),
  });
  writeBaseline({ file: baseline.file, data });
  const m = view.messages.accept;
  const what = "finding" in target ? `${target.finding.ruleId}, ${target.place}` : m.missingElement(target.element.id);
  io.stdout(`${m.accepted(replaced, shortId(target.fingerprint), what, display(baseline.file, io.cwd))}\n`);
  return exitCodes.ok;
}

/** The risk or missing element an id names, or a UserError that says why none or several (in the form's language). */
function findTarget(view: ReportView, id: string, form: string, ruleIds: Set<string>): FindingView | MissingView {
  const m = view.messages.accept;
  const missing = view.allMissing.find((e) => e.element.id === id);
  if (missing) return missing;
  if (ruleIds.has(id)) throw new UserError(m.isRuleId(form, id));
  if (!new RegExp(`^[0-9a-f]{${shortestId},64}(:[1-9]\\d*)?$`, "i").test(id)) throw new UserError(m.notAnId(id, shortestId));
  const named = [...view.findings, ...view.allMissing].filter((f) => idNames(id, f.fingerprint));
  const risks = named.filter((f) => !("finding" in f) || f.finding.polarity === "risk");
  if (risks.length === 1) return risks[0]!;
  if (risks.length > 1) throw new UserError(m.namesSeveral(id, risks.length, form));
  if (named.length) throw new UserError(m.isProtection(form, id));
  throw new UserError(m.noSuchId(form, id));
}
