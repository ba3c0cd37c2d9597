import { describe, expect, it } from "vitest";
import { fernandezHuerta, plainSpanish, syllables } from "./fernandez-huerta.js";
import { rulebook } from "./helpers.js";
import { es } from "../src/report/messages/es.js";

/**
 * The tool's own Spanish words, read by patients: every rule's, element's and key point's
 * Spanish text (`es:`), and the report's fixed strings (src/report/messages/es.ts), at grade 8
 * or below by Fernández Huerta's reading ease (./fernandez-huerta.ts). As in
 * plain-words.test.ts, explanations and questions are shown apart, so they are measured apart.
 */

const { elements, keyPoints, rulesById, kinds } = rulebook();
const rules = [...rulesById.values()].flatMap((rule) => (rule.es ? [{ id: rule.id, es: rule.es }] : []));
// An element worded in Spanish is compiled once per wording: each is measured once.
const spanishElements = [
  ...new Map(elements.flatMap(({ element }) => (element.es ? [[element.id, element.es] as const] : []))).entries(),
].map(([id, es]) => ({ id, es }));
const texts: [string, string][] = [
  ...rules.map(({ id, es }): [string, string] => [`${id} explanation`, [es.explanation, es.point ?? ""].join(" ")]),
  ...rules.filter(({ es }) => es.questions.length).map(({ id, es }): [string, string] => [`${id} questions`, es.questions.join(" ")]),
  ...spanishElements.map(({ id, es }): [string, string] => [`${id} explanation`, es.explanation]),
  ...spanishElements.map(({ id, es }): [string, string] => [`${id} question`, es.question]),
  ...[...keyPoints.categories].flatMap(([category, { es }]): [string, string][] => (es ? [[`key point of ${category}`, es.point]] : [])),
];

// The report's fixed strings, each function called with sample values (every case of the grade's
// lines and of the reasons for no grade): one text, as a report shows them together.
const samples: Record<string, unknown[][]> = {
  alsoIn: [[["Datos genéticos", "Uso comercial"]]],
  pages: [[[2, 3]]],
  scoreTerm: [
    [{ kind: "start" }],
    [{ kind: "risk", category: "genetic-data", severity: "high", unusual: 4, moreKinds: 2, weight: 0.8 }],
    [{ kind: "protections", categories: 2 }],
    [{ kind: "choices", count: 2 }],
    [{ kind: "missing", element: "hipaa-expiration" }],
  ],
  ungraded: [
    [{ kind: "few-words", words: 40 }],
    [{ kind: "says-nothing" }],
    [{ kind: "unread", language: "fr" }],
    [{ kind: "garbled", pages: [1, 2] }],
  ],
  languageName: [["fr"]],
  list: [[["francés", "inglés", "español"]]],
  notCheckedAtAll: [["francés"]],
  sectionsNotChecked: [["español y francés", "francés", 1, ["página 2"], "español"]],
  masked: [[3, "un nombre y un teléfono", "■■■"]],
  shown: [[3, "un nombre y un teléfono"]],
  readingEase: [[58]],
  acceptance: [[{ reason: "el comité aprobó este texto", by: "Ana Ruiz", date: "2026-03-01" }]],
  baselineLine: [
    [".consent-lens-baseline.json", 2],
    [".consent-lens-baseline.json", 0],
  ],
  doesNotSay: [["Cuándo termina su permiso"]],
  notCountedFor: [["--fail-on"]],
  easeVerdict: [
    [60, true],
    [60, false],
  ],
  factsByEase: [[2, 300, 58, 60]],
  easeAgainst: [
    [58, 60, true],
    [65, 60, false],
  ],
};
function messageStrings(value: unknown, key = ""): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") return (samples[key] ?? [[2, 3, 8, 8, 60]]).map((args) => String(value(...args)));
  if (typeof value === "object" && value) return Object.entries(value).flatMap(([k, v]) => messageStrings(v, k));
  return [];
}

describe("the Spanish syllable counter", () => {
  it.each([
    ["país", 2],
    ["día", 2],
    ["poeta", 3],
    ["leer", 2],
    ["aéreo", 4],
    ["ciudad", 2],
    ["historia", 3],
    ["información", 4],
    ["que", 1],
    ["guitarra", 3],
    ["pingüino", 3],
    ["murciélago", 4],
    ["ley", 1],
    ["muy", 1],
    ["mayo", 2],
    ["averigüéis", 4],
  ])("%s has %i syllables", (word, count) => {
    expect(syllables(word)).toBe(count);
  });
});

describe("plain Spanish", () => {
  it("tells hard Spanish from plain Spanish", () => {
    const hard =
      "La divulgación subsiguiente de la información sanitaria protegida por parte de los destinatarios autorizados podría no estar amparada por la normativa federal de confidencialidad aplicable.";
    const plain = "Quien recibe sus datos puede darlos a otros. Puede que la ley ya no los proteja.";
    expect(fernandezHuerta(hard)).toBeLessThan(plainSpanish);
    expect(fernandezHuerta(plain)).toBeGreaterThanOrEqual(plainSpanish);
  });

  it("covers the Spanish pack's rules, the nine HIPAA and fourteen Common Rule elements, the patient questions and every key point", () => {
    expect(rules.length).toBeGreaterThanOrEqual(50);
    expect(spanishElements.map((e) => e.id)).toEqual(expect.arrayContaining(["hipaa-redisclosure", "hipaa-conditioning", "q-retention"]));
    expect(spanishElements.filter((e) => e.id.startsWith("hipaa-"))).toHaveLength(9);
    expect(spanishElements.filter((e) => e.id.startsWith("cr-"))).toHaveLength(14);
    expect([...keyPoints.categories.values()].every((p) => p.es)).toBe(true);
    expect(kinds.every((k) => k.definition.es)).toBe(true);
  });

  it.each(texts)("%s reads at grade 8 or below", (_id, text) => {
    expect(fernandezHuerta(text)).toBeGreaterThanOrEqual(plainSpanish);
  });

  it("the report's fixed strings read at grade 8 or below, together and each sentence-long one alone", () => {
    const strings = messageStrings(es);
    expect(fernandezHuerta(strings.join("\n"))).toBeGreaterThanOrEqual(plainSpanish);
    for (const text of strings.filter((s) => s.split(" ").length >= 8))
      expect(fernandezHuerta(text), text).toBeGreaterThanOrEqual(plainSpanish);
  });
});
