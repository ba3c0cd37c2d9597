import { describe, expect, it } from "vitest";
import { stem, tokenize } from "../src/text/tokens.js";
import { loadRules } from "../src/rules/load.js";
import { reportOf } from "./helpers.js";

describe("Spanish words", () => {
  it("are matched without accents and stemmed by the Spanish Porter stemmer", () => {
    const words = tokenize("Divulgación divulgacion divulgar AUTORIZACIÓN autorizar niño", 0, undefined, "es");
    expect(words.map((t) => t.word)).toEqual(["divulgacion", "divulgacion", "divulgar", "autorizacion", "autorizar", "nino"]);
    expect(new Set(words.slice(0, 3).map((t) => t.stem)).size).toBe(1);
    expect(words[3]!.stem).toBe(words[4]!.stem);
  });

  it("keep their English stem in an English sentence (a process that read Spanish first)", () => {
    tokenize("released records", 0, undefined, "es");
    expect(stem("released")).toBe("releas");
  });
});

describe("a Spanish form", () => {
  it("is read with the Spanish pack: findings of its categories either way, a grade, and the HIPAA checklist", async () => {
    const report = await reportOf("autorizacion-es.txt");
    expect(report.coverage).toMatchObject({ main: "es", checked: true });
    expect(report.score.grade).toBeDefined();
    const found = new Set(report.findings.map((f) => `${f.category} ${f.polarity}`));
    for (const expected of [
      "third-party-sharing risk",
      "redisclosure risk",
      "withdrawal-limits protection",
      "withdrawal-limits risk",
      "retention protection",
      "conditioning protection",
    ])
      expect(found, expected).toContain(expected);
    expect(report.kinds.map((k) => k.id)).toContain("hipaa-authorization");
    // A complete Spanish authorization: no HIPAA element is reported missing.
    expect(report.missing.map((m) => m.element.id).filter((id) => id.startsWith("hipaa-"))).toEqual([]);
  });

  it("is asked for the HIPAA elements it leaves out", async () => {
    const { assessDocument } = await import("../src/scan.js");
    const { documentFromPages } = await import("../src/extract/document.js");
    const form = [
      "AUTORIZACIÓN PARA DIVULGAR INFORMACIÓN MÉDICA",
      "Autorizo al Centro Médico del Lago a entregar mis radiografías y mis análisis a la Clínica Norte.",
      "Puedo revocar esta autorización por escrito en cualquier momento.",
    ];
    const report = assessDocument(documentFromPages("f.txt", "text", [form], { linesAreParagraphs: true }), loadRules(), undefined);
    const missing = report.missing.map((m) => m.element.id);
    expect(missing).toEqual(expect.arrayContaining(["hipaa-expiration", "hipaa-redisclosure", "hipaa-conditioning", "hipaa-signature"]));
    expect(missing).not.toContain("hipaa-revocation");
    expect(missing).not.toContain("hipaa-recipient");
  });
});
