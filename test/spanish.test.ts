import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stem, tokenize } from "../src/text/tokens.js";
import { loadRules } from "../src/rules/load.js";
import { cli, fixture, formatOptions, reportOf, rulebook } from "./helpers.js";

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

describe("Spanish negation", () => {
  const verdicts = async (sentence: string) => {
    const { assessDocument } = await import("../src/scan.js");
    const { documentFromPages } = await import("../src/extract/document.js");
    const report = assessDocument(documentFromPages("f.txt", "text", [[sentence]], { linesAreParagraphs: true }), rulebook(), undefined);
    return report.findings.filter((f) => f.category === "third-party-sharing").map((f) => f.polarity);
  };

  it("'sin' negates the words it names, up to a comma: data sold without the name are still sold", async () => {
    expect(await verdicts("Las listas de pacientes, sin nombres, podrían venderse a compañías de mercadeo.")).toContain("risk");
    expect(await verdicts("Sus datos no se venderán a compañías de mercadeo.")).not.toContain("risk");
  });

  it("a pseudo-negation holds a narrow negation too: 'sin su nombre' describes the data, the verb after it still counts", async () => {
    const { assessDocument } = await import("../src/scan.js");
    const { documentFromPages } = await import("../src/extract/document.js");
    const sentence = "El fabricante recibirá videos sin nombre para mejorar su software.";
    const report = assessDocument(documentFromPages("f.txt", "text", [[sentence]], { linesAreParagraphs: true }), rulebook(), undefined);
    expect(report.findings.filter((f) => f.category === "commercial-use").map((f) => f.polarity)).toEqual(["risk"]);
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

describe("a Spanish research consent", () => {
  const consent = [
    "CONSENTIMIENTO PARA PARTICIPAR EN UN ESTUDIO DE INVESTIGACIÓN",
    "Le invitamos a participar en un estudio sobre el asma en adolescentes.",
    "El propósito de este estudio es saber si un inhalador nuevo ayuda más que el de siempre.",
    "Si acepta, le haremos dos pruebas de respiración cada mes durante un año.",
    "El principal riesgo es que otras personas conozcan sus datos.",
    "Su participación es voluntaria, y puede dejar el estudio cuando quiera.",
    "Si tiene preguntas, llame al equipo del estudio al 555-0188.",
  ];

  it("is asked, in Spanish, for the Common Rule elements it leaves out, and not for those it has", async () => {
    const { assessDocument } = await import("../src/scan.js");
    const { documentFromPages } = await import("../src/extract/document.js");
    const { reportView } = await import("../src/report/view.js");
    const report = assessDocument(documentFromPages("f.txt", "text", [consent], { linesAreParagraphs: true }), rulebook(), undefined);
    expect(report.kinds.map((k) => k.id)).toContain("research-consent");
    const missing = report.missing.map((m) => m.element.id);
    expect(missing).toEqual(expect.arrayContaining(["cr-benefits", "cr-alternatives", "cr-injury"]));
    for (const present of ["cr-purpose", "cr-risks", "cr-voluntary", "cr-contacts"]) expect(missing).not.toContain(present);
    const titles = reportView(report, undefined, "es").allMissing.map((m) => m.element.title);
    expect(titles).toContain("Otras opciones en vez de participar");
  });
});

describe("the kind of a Spanish form", () => {
  // The paraphrase forms of test/paraphrases/es of a clear kind. A kind decides which checklist applies,
  // so an authorization or a research consent must be seen where it is, and never where it is not.
  const expected: Record<string, string> = {
    "autorizacion-clinica-comunitaria.txt": "hipaa-authorization",
    "autorizacion-empleador.txt": "hipaa-authorization",
    "autorizacion-ensayo-patrocinador.txt": "hipaa-authorization",
    "autorizacion-investigacion-hipaa.txt": "hipaa-authorization",
    "autorizacion-divulgacion-hospital-comunitario.txt": "hipaa-authorization",
    "aviso-plataforma-telemedicina-mx.txt": "privacy-notice",
    "aviso-privacidad-consultorio-dental.txt": "privacy-notice",
    "estudio-observacional-espana.txt": "research-consent",
    "muestras-genetica-peru.txt": "broad-consent",
    "registro-autismo-permiso-padres.txt": "broad-consent",
    "autorizacion-investigacion-puerto-rico.txt": "hipaa-authorization",
    "autorizacion-comunicacion-familiares.txt": "hipaa-authorization",
    "aviso-privacidad-laboratorio-mx.txt": "privacy-notice",
    "registro-enfermedades-raras.txt": "broad-consent",
    "subestudio-tejido-tumoral.txt": "broad-consent",
    "consentimiento-colonoscopia.txt": "procedure-consent",
    "politica-datos-eps-colombia.txt": "privacy-notice",
    "tarjeta-descuento-farmacia.txt": "privacy-notice",
    "app-salud-menstrual.txt": "privacy-notice",
    "autorizacion-parte-2-sustancias.txt": "hipaa-authorization",
    "aviso-plan-salud-medicaid.txt": "privacy-notice",
    "kit-laboratorio-domicilio.txt": "privacy-notice",
    "encuesta-salud-mental-universidad.txt": "research-consent",
    "aviso-clinica-salud-mental.txt": "privacy-notice",
    "aviso-privacidad-farmacia.txt": "privacy-notice",
    "aviso-privacidad-hospital.txt": "privacy-notice",
    "aviso-privacidad-integral-hospital-mx.txt": "privacy-notice",
    "politica-portal-pacientes.txt": "privacy-notice",
    "politica-privacidad-app.txt": "privacy-notice",
    "politica-prueba-genetica.txt": "privacy-notice",
    "politica-app-actividad-fisica.txt": "privacy-notice",
    "consentimiento-estudio-genomico.txt": "research-consent",
    "consentimiento-cohorte-universidad.txt": "research-consent",
    "estudio-sensores-movil.txt": "research-consent",
    "ensayo-clinico-argentina.txt": "research-consent",
    "permiso-estudio-pediatrico.txt": "research-consent",
    "autorizacion-banco-tejidos-cancer.txt": "broad-consent",
    "consentimiento-biobanco.txt": "broad-consent",
    "consentimiento-muestras-sobrantes.txt": "broad-consent",
    "donacion-biobanco-es.txt": "broad-consent",
  };
  const folder = fileURLToPath(new URL("./paraphrases/es/", import.meta.url));

  it("is told from its wording, and an authorization or a study consent only where there is one", async () => {
    const { scan } = await import("../src/scan.js");
    for (const form of readdirSync(folder).filter((f) => f.endsWith(".txt"))) {
      const report = await scan({ path: form, bytes: readFileSync(folder + form) }, rulebook());
      const kinds = report.kinds.map((k) => k.id);
      if (expected[form]) expect(kinds, form).toContain(expected[form]);
      for (const checklistKind of ["hipaa-authorization", "research-consent"])
        if (expected[form] !== checklistKind) expect(kinds, form).not.toContain(checklistKind);
    }
  });
});

describe("the readability of a Spanish form", () => {
  it("is Fernández Huerta's reading ease, against 60, and the report says so", async () => {
    const report = await reportOf("autorizacion-es.txt");
    const { measure, grade, ease, target, sentences } = report.readability;
    expect({ measure, grade, target }).toEqual({ measure: "fernandez-huerta", grade: 0, target: 60 });
    expect(sentences).toBeGreaterThan(3);
    expect(ease).toBeGreaterThan(0);
    expect(ease).toBeLessThan(120);
    const terminal = (await cli(["scan", fixture("autorizacion-es.txt")])).stdout;
    expect(terminal).toContain(`facilidad de lectura ${ease} (Fernández Huerta)`);
    const english = (await cli(["scan", "--lang", "en", fixture("autorizacion-es.txt")])).stdout;
    expect(english).toContain(`reading ease ${ease} (Fernández Huerta, for Spanish)`);
  });

  it("measures plain Spanish as easier than hard Spanish, as the formula on the same words does", async () => {
    const { assessDocument } = await import("../src/scan.js");
    const { documentFromPages } = await import("../src/extract/document.js");
    const { fernandezHuerta } = await import("./fernandez-huerta.js");
    const ease = (lines: string[]) =>
      assessDocument(documentFromPages("f.txt", "text", [lines], { linesAreParagraphs: true }), rulebook(), undefined).readability;
    const plain = [
      "Quien recibe sus datos puede darlos a otras personas.",
      "Puede que la ley ya no proteja esos datos.",
      "Usted puede decir que no y su atención será la misma.",
      "Puede cambiar de idea cuando quiera y avisarnos por carta.",
    ];
    const hard = [
      "La divulgación subsiguiente de la información sanitaria protegida por parte de los destinatarios autorizados podría no estar amparada por la normativa federal de confidencialidad aplicable.",
      "La revocación de la presente autorización carecerá de efectos respecto de las actuaciones realizadas con anterioridad a la recepción de la notificación correspondiente.",
    ];
    const [easy, difficult] = [ease(plain), ease(hard)];
    expect(easy.measure).toBe("fernandez-huerta");
    expect(easy.ease).toBeGreaterThanOrEqual(60);
    expect(difficult.ease).toBeLessThan(60);
    expect(easy.ease).toBeCloseTo(fernandezHuerta(plain.join("\n")), 0);
  });

  it("an English form is still measured by Flesch-Kincaid's grade", async () => {
    const report = await reportOf("imaging-ai-consent.pdf");
    expect(report.readability.measure).toBe("flesch-kincaid");
    expect(report.readability.target).toBe(8);
  });
});

describe("accepted findings in a Spanish report", () => {
  it("are listed, with the baseline line, in Spanish in every format", async () => {
    const { reportView } = await import("../src/report/view.js");
    const { formatTerminal } = await import("../src/report/terminal.js");
    const { formatterOf } = await import("../src/report/format.js");
    const { markdownStream } = await import("../src/report/markdown.js");
    const { htmlStream } = await import("../src/report/html/index.js");
    const report = await reportOf("autorizacion-es.txt");
    const acceptance = { reason: "el comité aprobó este texto", by: "Ana Ruiz", date: "2026-03-01" };
    const views = [reportView(report, () => acceptance, "es")];
    const options = formatOptions({ baseline: ".consent-lens-baseline.json" });
    for (const output of [
      formatTerminal(views, options),
      formatterOf(markdownStream)(views, options),
      formatterOf(htmlStream)(views, options),
    ]) {
      expect(output).toContain("Hallazgos aceptados");
      expect(output).toMatch(/no cuentan para/i);
      expect(output).toContain("aceptado: el comité aprobó este texto, por Ana Ruiz, 2026-03-01");
      expect(output).toMatch(/Hallazgos aceptados en \.consent-lens-baseline\.json: \d+ aceptados?/);
      expect(output).not.toMatch(/Accepted findings|not counted for|Baseline \./i);
    }
  });
});

describe("the diff of two versions of a Spanish form", () => {
  it("is in Spanish, terminal and Markdown, unless --lang en", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-diff-es-"));
    const base = [
      "AUTORIZACIÓN PARA ENTREGAR INFORMACIÓN MÉDICA",
      "Autorizo a la Clínica del Valle a entregar mi expediente a mi nuevo médico.",
      "Este permiso vence un año después de la fecha de mi firma.",
      "Puedo revocar este permiso por escrito en cualquier momento.",
      "Mi atención no depende de que firme este permiso.",
    ];
    const [before, after] = [join(dir, "v1.txt"), join(dir, "v2.txt")];
    writeFileSync(
      before,
      [...base, "Quien reciba mis datos podría volver a divulgarlos y la ley federal ya no los protegería."].join("\n\n"),
    );
    writeFileSync(after, [...base, "La clínica podrá vender sus datos a empresas de mercadeo."].join("\n\n"));
    const terminal = (await cli(["diff", before, after])).stdout;
    expect(terminal).toMatch(/^Nota .* → /m);
    expect(terminal).toMatch(/\d+ nuevos, \d+ quitados, \d+ sin cambios/);
    expect(terminal).toMatch(/^\+ riesgo \((alto|medio|bajo)\) /m);
    const markdown = (await cli(["diff", "-f", "markdown", before, after])).stdout;
    expect(markdown).toMatch(/^# Cambios: /m);
    expect(markdown).toContain("## Nuevos");
    expect(markdown).toContain("## Quitados");
    const english = (await cli(["diff", "--lang", "en", before, after])).stdout;
    expect(english).toMatch(/^Grade .* → /m);
    expect(english).toMatch(/\d+ added, \d+ removed, \d+ unchanged/);
  });
});

describe("the report of a Spanish form", () => {
  const form = fixture("autorizacion-es.txt");

  it("is in Spanish: headings, counts, grade, a rule's Spanish title, explanation and question, Spanish questions", async () => {
    const { code, stdout } = await cli(["scan", "--details", form]);
    expect(code).toBe(0);
    for (const heading of [
      "Lo más importante",
      "Lo que el formulario no dice",
      "Protecciones que promete el formulario",
      "Preguntas antes de firmar",
    ])
      expect(stdout).toContain(heading);
    expect(stdout).toMatch(/Nota [A-E] \([\d.]+\/100\)\s+\d+ riesgos, \d+ protecciones/);
    expect(stdout).toContain("Cómo se calculó la nota");
    const rule = rulebook().rulesById.get("redisclosure-no-longer-protected")!;
    expect(stdout).toContain(rule.es!.title);
    expect(stdout.replace(/\s+/g, " ")).toContain(rule.es!.explanation);
    expect(stdout.replace(/\s+/g, " ")).toContain(rule.es!.questions[0]);
    for (const english of ["What matters most", "Why it matters", rule.explanation.slice(0, 40), "Questions to ask"])
      expect(stdout).not.toContain(english);
  });

  it("is in English with --lang en, quoting the Spanish sentences", async () => {
    const { stdout } = await cli(["scan", "--details", "--lang", "en", form]);
    expect(stdout).toContain("What matters most");
    expect(stdout).toContain("Questions to ask before you sign");
    expect(stdout.replace(/\s+/g, " ")).toContain(rulebook().rulesById.get("redisclosure-no-longer-protected")!.explanation);
    expect(stdout).toContain("“La información que se entregue");
    expect(stdout).not.toContain("Lo más importante");
  });

  it("an English form's report is in Spanish with --lang es", async () => {
    const { stdout } = await cli(["scan", "--lang", "es", fixture("imaging-ai-consent.pdf")]);
    expect(stdout).toContain("Lo más importante");
    expect(stdout).toContain("Preguntas antes de firmar");
  });

  it("is a Spanish page in HTML (lang=es) and a Spanish Markdown document", async () => {
    const html = (await cli(["scan", "-f", "html", form])).stdout;
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Lo que el formulario no dice");
    expect(html).not.toContain("What the form does not say");
    const english = (await cli(["scan", "-f", "html", "--lang", "en", form])).stdout;
    expect(english).toContain('<html lang="en">');
    const markdown = (await cli(["scan", "-f", "markdown", form])).stdout;
    expect(markdown).toContain("### Preguntas antes de firmar");
    expect(markdown).toContain("- Tipo de formulario: Autorización HIPAA");
  });

  it("keeps JSON in English unless --lang es, and says the report's language", async () => {
    const json = JSON.parse((await cli(["scan", "-f", "json", form])).stdout);
    expect(json.files[0].language).toMatchObject({ main: "es", report: "en" });
    expect(json.files[0].kinds[0].title).toBe("HIPAA authorization");
    const spanish = JSON.parse((await cli(["scan", "-f", "json", "--lang", "es", form])).stdout);
    expect(spanish.files[0].language.report).toBe("es");
    expect(spanish.files[0].kinds[0].title).toBe("Autorización HIPAA");
    // Ids stay as they are, whatever the language.
    expect(spanish.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(
      json.files[0].findings.map((f: { ruleId: string }) => f.ruleId),
    );
  });

  it("falls back to English for a rule with no Spanish text, never to nothing", async () => {
    const { reportView } = await import("../src/report/view.js");
    const report = await reportOf("autorizacion-es.txt");
    const first = report.findings[0]!;
    const bare = { ...report.rulesById.get(first.ruleId)! };
    delete bare.es;
    const view = reportView({ ...report, rulesById: new Map([...report.rulesById, [first.ruleId, bare]]) });
    expect(view.language).toBe("es");
    expect(view.findings[0]!.rule.explanation).toBe(bare.explanation);
  });

  it("refuses an unknown --lang in one line, exit 2", async () => {
    const { code, stderr } = await cli(["scan", "--lang", "fr", form]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("en, es");
  });
});
