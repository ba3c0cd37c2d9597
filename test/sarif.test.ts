import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsPlugin from "ajv-formats";
import { scan } from "../src/scan.js";
import { noChanges } from "../src/rules/load.js";
import { quote } from "../src/report/excerpt.js";
import type { FormatOptions } from "../src/report/format.js";
import { artifactUri, formatSarif, sarifLevel, toSarif } from "../src/report/sarif.js";
import { reportView } from "../src/report/view.js";
import { fingerprintKey, fingerprintText } from "../src/report/fingerprint.js";
import { formatJson } from "../src/report/json.js";
import type { Report } from "../src/types.js";
import { fixture, formatWith, rulebook } from "./helpers.js";
import { redact } from "../src/report/redact.js";

// The official OASIS SARIF 2.1.0 schema (draft-07), vendored: see test/sarif/README.md.
const schema = JSON.parse(readFileSync(new URL("./sarif/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

it("the schema rejects a broken log", () => {
  expect(schema.title).toBe("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
  expect(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
  expect(
    validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, level: "high" }] }] }),
  ).toBe(false);
});

// A fixture scanned under the path its URI shows, once per file (formatters never change a report); other bytes each time.
const scanned = new Map<string, Promise<Report>>();
const reportOf = (name: string, bytes?: Buffer): Promise<Report> => {
  const run = () => scan({ path: `fixtures/${name}`, bytes: bytes ?? readFileSync(fixture(name)) }, rulebook());
  if (bytes) return run();
  if (!scanned.has(name)) scanned.set(name, run());
  return scanned.get(name)!;
};

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  kind?: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; index: number };
      region?: { startLine: number; startColumn: number; endLine?: number; endColumn?: number; snippet: { text: string } };
    };
  }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { category?: string; polarity?: string; tags: string[] };
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: SarifRule[] } };
    artifacts: { location: { uri: string } }[];
    results: SarifResult[];
    invocations?: unknown[];
  }[];
}

const sarifOf = (reports: Report[], options: Partial<FormatOptions> = {}) => {
  const output = formatWith(formatSarif, reports, options);
  const log = JSON.parse(output) as SarifLog;
  return { output, log, run: log.runs[0]! };
};

const expectValid = (log: unknown) => {
  const ok = validate(log);
  expect(ok ? [] : validate.errors, "schema errors").toEqual([]);
};

describe.each(["imaging-ai-consent.pdf", "checklist/hipaa-no-redisclosure.pdf"])("SARIF for %s", (name) => {
  it("validates against the SARIF 2.1.0 schema and maps every finding", async () => {
    const report = await reportOf(name);
    const { log, run } = sarifOf([report]);
    expectValid(log);

    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: "consent-lens", version: "9.9.9" });
    expect(run.artifacts).toEqual([expect.objectContaining({ location: { uri: `fixtures/${name}` } })]);

    const risks = report.findings.filter((f) => f.polarity === "risk");
    expect(risks.length + report.missing.length).toBeGreaterThan(0);
    // Protections are left out: one result per risk, then one per missing element.
    expect(run.results).toHaveLength(risks.length + report.missing.length);

    const driverRules = run.tool.driver.rules;
    for (const r of run.results) {
      expect(driverRules[r.ruleIndex]?.id, "ruleIndex points at its rule").toBe(r.ruleId);
      expect(r.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: `fixtures/${name}`, index: 0 });
      expect(r.partialFingerprints[fingerprintKey]).toMatch(/^[0-9a-f]{64}:\d+$/);
      expect(r.kind).toBeUndefined();
    }
    // The driver lists exactly the rules and elements that produced a result, each once.
    expect(new Set(driverRules.map((d) => d.id)).size).toBe(driverRules.length);
    expect(new Set(driverRules.map((d) => d.id))).toEqual(new Set(run.results.map((r) => r.ruleId)));

    risks.forEach((f, i) => {
      const r = run.results[i]!;
      const rule = report.rulesById.get(f.ruleId)!;
      expect(r.ruleId).toBe(f.ruleId);
      expect(r.level).toBe(sarifLevel(f.severity));
      expect(r.level).toBe({ high: "error", medium: "warning", low: "note", info: "note" }[f.severity]);
      const region = r.locations[0]!.physicalLocation.region!;
      expect(region.startLine).toBe(f.position.line);
      expect(region.startColumn).toBe(f.position.column);
      expect(region.snippet.text).toBe(quote(report.text, f.sentence));
      if (region.endLine !== undefined) expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
      expect(r.properties).toMatchObject({ page: f.position.page, category: f.category, polarity: "risk" });
      // The title and the matched words, not the whole document.
      expect(r.message.text.startsWith(rule.title)).toBe(true);
      expect(r.message.text.length).toBeLessThan(rule.title.length + (f.span.end - f.span.start) + 60);

      const d = driverRules[r.ruleIndex]!;
      expect(d).toMatchObject({
        shortDescription: { text: rule.title },
        fullDescription: { text: rule.explanation },
        defaultConfiguration: { level: sarifLevel(rule.severity) },
        properties: { category: rule.category, polarity: rule.polarity },
      });
      expect(d.properties.tags[0]).toBe(rule.category);
      for (const q of rule.questions) expect(d.help.text).toContain(q);
      if (rule.citation) expect(d.help.markdown).toContain(rule.citation);
    });

    report.missing.forEach(({ element }, i) => {
      const r = run.results[risks.length + i]!;
      expect(r.ruleId).toBe(element.id);
      expect(r.level).toBe(sarifLevel(element.severity));
      expect(r.message.text).toBe(`The form does not say: ${element.title}`);
      expect(r.locations[0]!.physicalLocation.region).toBeUndefined();
      const d = driverRules[r.ruleIndex]!;
      expect(d.shortDescription.text).toBe(element.title);
      expect(d.help.text).toContain(element.question);
    });
  });
});

describe("SARIF", () => {
  it("puts PDF pages in properties and lines per page in the region", async () => {
    const report = await reportOf("imaging-ai-consent.pdf");
    const { run } = sarifOf([report]);
    const pages = new Set(run.results.filter((r) => r.properties.page !== undefined).map((r) => r.properties.page));
    expect(pages.size).toBeGreaterThan(1);
    expect(run.results.map((r) => r.ruleId)).toContain("ai-train-algorithms");
  });

  it("reports missing checklist elements of the HIPAA form", async () => {
    const report = await reportOf("checklist/hipaa-no-redisclosure.pdf");
    expect(report.missing.map((m) => m.element.id)).toContain("hipaa-redisclosure");
    const { run } = sarifOf([report]);
    const missing = run.results.find((r) => r.ruleId === "hipaa-redisclosure")!;
    expect(missing).toBeDefined();
    expect(missing.properties).toMatchObject({ kind: "missing" });
    expect(run.tool.driver.rules[missing.ruleIndex]!.id).toBe("hipaa-redisclosure");
  });

  it("shares rules between files in one run, with an artifact for each file", async () => {
    const reports = [await reportOf("imaging-ai-consent.pdf"), await reportOf("checklist/hipaa-no-redisclosure.pdf")];
    const errors = [{ path: "missing file.pdf", error: "no such file" }];
    const { log, run } = sarifOf(reports, { version: "1.0.0", unreadable: errors });
    expectValid(log);
    expect(run.artifacts.map((a) => a.location.uri)).toEqual([
      "fixtures/imaging-ai-consent.pdf",
      "fixtures/checklist/hipaa-no-redisclosure.pdf",
    ]);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      const { uri, index } = r.locations[0]!.physicalLocation.artifactLocation;
      expect(run.artifacts[index]!.location.uri).toBe(uri);
    }
    expect(new Set(run.tool.driver.rules.map((d) => d.id)).size).toBe(run.tool.driver.rules.length);
    expect(JSON.stringify(run.invocations)).toContain("missing%20file.pdf");
  });

  it("stays valid with forms not wholly checked, a masked form and rule changes", async () => {
    const reports = [await reportOf("autorisation-fr.txt"), await reportOf("bilingual-en-fr.txt")];
    const changes = {
      config: ".consent-lens.yaml",
      packs: [{ path: "team.yaml", languages: ["en"], rules: ["x"], elements: [] }],
      disabled: ["y"],
      severities: [],
    };
    const { log, run } = sarifOf(reports.map(redact), { changes });
    expectValid(log);
    expect(JSON.stringify(run.invocations)).toMatch(/"level":"error".*autorisation-fr.*"level":"warning".*bilingual-en-fr/);
  });

  it("is deterministic", async () => {
    const report = await reportOf("imaging-ai-consent.pdf");
    expect(formatWith(formatSarif, [report])).toBe(formatWith(formatSarif, [report]));
  });

  it("gives each result the fingerprint the JSON report gives the finding", async () => {
    const report = await reportOf("hipaa-authorization.docx");
    const { run } = sarifOf([report]);
    const json = JSON.parse(formatWith(formatJson, [report])).files[0].findings as { fingerprint: string; polarity?: string }[];
    const fromJson = json.filter((f) => f.polarity !== "protection").map((f) => f.fingerprint);
    expect(run.results.map((r) => r.partialFingerprints[fingerprintKey])).toEqual(expect.arrayContaining(fromJson));
    expect(fromJson.length).toBeGreaterThan(0);
    expect(run.results).toHaveLength(fromJson.length);
    expect(new Set(fromJson).size).toBe(fromJson.length);
  });

  it("marks an accepted finding with a suppression, still valid SARIF, and names the baseline", async () => {
    const report = await reportOf("hipaa-authorization.docx");
    const first = reportView(report).findings.find((f) => f.finding.polarity === "risk")!;
    const acceptance = { reason: "Approved by our IRB", by: "Ann", date: "2026-03-01" };
    const view = reportView(report, (fp) => (fp === first.fingerprint ? acceptance : undefined));
    const log = toSarif([view], { version: "9.9.9", unreadable: [], changes: noChanges, baseline: ".consent-lens-baseline.json" });
    expectValid(log);
    const run = log.runs[0]!;
    expect(run.properties).toMatchObject({ baseline: ".consent-lens-baseline.json", accepted: 1 });
    const suppressed = run.results.filter((r) => "suppressions" in r);
    expect(suppressed.map((r) => r.partialFingerprints[fingerprintKey])).toEqual([first.fingerprint]);
    expect(run.results.length).toBe(sarifOf([report]).run.results.length);
  });

  it("keeps fingerprints when a form is reflowed", async () => {
    const original = readFileSync(fixture("imaging-ai-consent.txt"), "utf8");
    // The same prose wrapped at 100 columns instead of 80: each wrapped paragraph or list
    // item (its first line filled to the margin) is rewrapped; headings and short lines stay.
    const wrap = (prefix: string, body: string) => {
      const lines: string[] = [];
      for (const w of body.split(/\s+/).filter(Boolean)) {
        const last = lines.at(-1);
        if (last !== undefined && last.length + 1 + w.length <= 100) lines[lines.length - 1] = `${last} ${w}`;
        else lines.push(lines.length ? " ".repeat(prefix.length) + w : prefix + w);
      }
      return lines.join("\n");
    };
    const reflowed = original
      .split(/\n\s*\n/)
      .map((para) => {
        const items: string[][] = [];
        for (const line of para.split("\n")) {
          if (items.length === 0 || /^\s*([•*-]|\d+[.)])\s/.test(line)) items.push([line]);
          else items.at(-1)!.push(line);
        }
        return items
          .map((item) => {
            if (item.length < 2 || item[0]!.length < 60) return item.join("\n");
            const prefix = /^\s*(([•*-]|\d+[.)])\s+)?/.exec(item[0]!)![0];
            return wrap(
              prefix,
              item
                .map((l) => l.trim())
                .join(" ")
                .slice(prefix.trim().length)
                .trim(),
            );
          })
          .join("\n");
      })
      .join("\n\n");
    expect(reflowed).not.toBe(original);
    const resultsOf = async (body: string) => {
      const { run } = sarifOf([await reportOf("imaging-ai-consent.txt", Buffer.from(body))]);
      return run.results;
    };
    const key = (r: SarifResult) => `${r.ruleId} ${r.partialFingerprints[fingerprintKey]}`;
    const before = await resultsOf(original);
    const after = await resultsOf(reflowed);
    expect(before.length).toBeGreaterThan(0);
    // Every alert of the original is found again under the same fingerprint, though its line moved.
    expect(after.map(key)).toEqual(expect.arrayContaining(before.map(key)));
    const line = (r: SarifResult) => r.locations[0]!.physicalLocation.region?.startLine;
    const moved = before.filter((r) => line(r) !== line(after.find((a) => key(a) === key(r))!));
    expect(moved.length).toBeGreaterThan(0);
    expect(fingerprintText("Your images  may be\nshared, with OTHERS.")).toBe(fingerprintText("your images may be shared with others"));
  });

  it("writes file paths as URIs", () => {
    expect(artifactUri("fixtures/a.pdf")).toBe("fixtures/a.pdf");
    expect(artifactUri("./forms/a.pdf")).toBe("forms/a.pdf");
    expect(artifactUri("forms\\sub\\a b.pdf")).toBe("forms/sub/a%20b.pdf");
    expect(artifactUri("/home/me/a.pdf")).toBe("file:///home/me/a.pdf");
    expect(artifactUri("C:\\Users\\me\\a.pdf")).toBe("file:///C:/Users/me/a.pdf");
  });
});
