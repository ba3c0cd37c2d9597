import type { Category, InputFormat, ScoreTerm, Severity, UngradedReason } from "../../types.js";
import { plural, shownWeight, type Messages } from "./messages.js";

/*
 * The report's fixed strings in plain Spanish ("usted", short sentences), as a patient
 * reads them; test/spanish.test.ts checks their reading ease (Fernández Huerta).
 */

const categoryTitles: Record<Category, string> = {
  "research-use": "Uso en investigación",
  "third-party-sharing": "Se comparte con otros",
  "ai-training": "Uso para entrenar IA y programas",
  "commercial-use": "Uso comercial",
  deidentification: "Quitar su nombre de los datos",
  retention: "Cuánto tiempo se guardan los datos",
  "broad-consent": "Permiso para usos sin definir",
  "withdrawal-limits": "Límites para retirar su permiso",
  redisclosure: "Otros pueden volver a compartirla",
  "security-transfer": "Seguridad y envío de datos",
  "genetic-data": "Datos genéticos",
  "record-linkage": "Unir registros y volver a contactarle",
  conditioning: "Condiciones para su atención",
  "waiver-of-rights": "Renunciar a derechos",
  "policy-change": "Cambios en las reglas",
};

const formatNames: Record<InputFormat, string> = {
  pdf: "PDF",
  docx: "documento de Word",
  text: "texto",
  markdown: "Markdown",
  image: "imagen",
};

const severity: Record<Severity, string> = { high: "ALTO", medium: "MEDIO", low: "BAJO", info: "INFO" };
const severityWords: Record<Severity, string> = { high: "alto", medium: "medio", low: "bajo", info: "informativo" };

function scoreTerm(term: ScoreTerm): string {
  switch (term.kind) {
    case "start":
      return "inicio";
    case "risk": {
      const more = term.moreKinds ? `, y ${plural(term.moreKinds, "tipo más", "tipos más")}` : "";
      const weight = term.weight === undefined ? "" : `, cuenta × ${shownWeight(term.weight)}`;
      return `${categoryTitles[term.category]}: riesgo ${severityWords[term.severity]} (qué tan raro es: ${term.unusual} de 5)${more}${weight}`;
    }
    case "protections":
      return `protecciones en ${plural(term.categories, "tema", "temas")}`;
    case "choices":
      return `${plural(term.count, "opción", "opciones")} que usted puede elegir`;
    case "missing":
      return `falta ${term.element}`;
  }
}

const displayNames = new Intl.DisplayNames("es", { type: "language" });
function languageName(code: string): string {
  if (code === "und") return "un idioma que no se pudo saber";
  try {
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}
const list = (items: string[]) => (items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} y ${items.at(-1)}`);

function ungraded(reason: UngradedReason): string {
  switch (reason.kind) {
    case "few-words":
      return `no hay texto suficiente para dar una nota (${plural(reason.words, "palabra", "palabras")})`;
    case "says-nothing":
      return "el formulario no dice nada de lo que pasa con sus datos";
    case "unread":
      return `el formulario está en ${languageName(reason.language)} y no se revisó`;
    case "garbled":
      return `el texto de ${reason.pages.length > 1 ? "las páginas" : "la página"} ${list(reason.pages.map(String))} no se puede leer (sale con letras cambiadas) y el OCR no pudo leer${reason.pages.length > 1 ? "las" : "la"}: una parte del formulario no se revisó`;
  }
}

/** The report's fixed strings in Spanish. */
export const es: Messages = {
  code: "es",
  categoryTitles,
  formatNames,
  severity,
  placeInWords: (line, page) => (page === undefined ? `línea ${line}` : `página ${page}, línea ${line}`),
  pages: (pages) => (pages.length ? `página${pages.length > 1 ? "s" : ""} ${pages.join(", ")}` : ""),
  pageCount: (n) => plural(n, "página", "páginas"),
  words: (n, shown) => plural(n, "palabra", "palabras", shown ?? n.toLocaleString("es-ES")),
  risks: (n, shown) => plural(n, "riesgo", "riesgos", shown),
  protections: (n, shown) => plural(n, "protección", "protecciones", shown),
  missingElements: (n, shown) => plural(n, "punto que falta", "puntos que faltan", shown),
  sentences: (n, shown) => plural(n, "frase", "frases", shown),
  grade: (grade) => `Nota ${grade}`,
  noGrade: "Sin nota",
  gradeLabel: (grade, score, reason) => (grade ? `${grade} (${score}/100)` : `sin nota: ${reason}`),
  ungraded,
  scoreTerm,
  gradeWork: "Cómo se calculó la nota",
  gradeArithmetic: "Cálculo de la nota",
  readingLevel: "Nivel de lectura:",
  readingGrade: (grade) => `grado ${grade}`,
  harderThan: (target) => `(más difícil que el grado ${target} que piden los comités de ética)`,
  within: (target) => `(dentro del grado ${target})`,
  acceptance: (a) => `aceptado: ${a.reason}, por ${a.by}, ${a.date}`,
  baselineLine: (file, accepted) => `Hallazgos aceptados en ${file}: ${accepted ? plural(accepted, "aceptado", "aceptados") : "ninguno"}`,
  acceptedFindings: "Hallazgos aceptados",
  notCountedFor: (option) => `no cuentan para ${option}`,
  doesNotSay: (title) => `El formulario no dice: ${title}`,
  readingEase: (ease) => `facilidad de lectura ${ease} (Fernández Huerta)`,
  easeVerdict: (target, below) => (below ? `(menos de ${target}: más difícil que 8.º grado)` : `(${target} o más: 8.º grado o más fácil)`),
  asGiven: "(como se indicó)",
  kindOfForm: "Tipo de formulario",
  notRecognised: "no reconocido",
  note: "nota",
  keyPoints: "Lo más importante",
  risksByTopic: "Riesgos, por tema",
  missing: "Lo que el formulario no dice",
  protectionsPromised: "Protecciones que promete el formulario",
  protectionsHeading: "Protecciones",
  questions: "Preguntas antes de firmar",
  whyItMatters: "Por qué importa:",
  ask: "Pregunte:",
  also: "también:",
  alsoIn: (titles) => `(también: ${titles.join(", ")})`,
  quotedAbove: "la frase citada arriba",
  stillRisk: (cue) => `(sigue siendo un riesgo: “${cue}” deja la puerta abierta)`,
  andMore: (n) => `y ${n} más`,
  moreHint: "Para ver más, use --details: por qué importa cada punto, todas las frases, el cálculo de la nota y todas las preguntas.",
  fromPack: (pack) => `del paquete de reglas ${pack}`,
  formLetsYouChoose: (quote) => `El formulario le deja elegir: “${quote}”`,
  formNeverAnswers: (question) => `El formulario no responde: ${question}`,
  noQuestionsUnchecked: "No hay preguntas: el formulario no se revisó.",
  noQuestionsRaised: "No hay preguntas. Lea el formulario de todos modos: la herramienta solo conoce las frases para las que tiene reglas.",
  formIsSilent: "(el formulario no lo dice)",
  moreQuestions: (n) => `y ${n} más con --details`,
  summary: "Resumen",
  summaryHeader: ["archivo", "tipo", "nota", "riesgos (alto/medio/bajo/info)", "faltan"],
  notChecked: "no revisado",
  notices: {
    languageName,
    list,
    pages: (first, last) => (first === last ? `página ${first}` : `páginas ${first}-${last}`),
    fromLine: (line) => `desde la línea ${line}`,
    notCheckedAtAll: (language) =>
      `Este formulario está en ${language}, y ninguna regla cargada lee ese idioma: no se revisó. Que no haya hallazgos no quiere decir que no haya riesgos.`,
    sectionsNotChecked: (all, unread, sections, places, read) =>
      `Este formulario está en ${all}. ${sections === 1 ? "Su parte" : "Sus partes"} en ${unread}` +
      `${places.length ? ` (${places.join(", ")})` : ""} no se ${sections === 1 ? "revisó" : "revisaron"}: ` +
      `ninguna regla cargada lee ${unread}. Los hallazgos y la nota son solo de sus partes en ${read}.`,
    identifierKinds: {
      name: ["un nombre", "nombres"],
      "date of birth": ["una fecha de nacimiento", "fechas de nacimiento"],
      "date of care": ["una fecha de atención", "fechas de atención"],
      "record number": ["un número de expediente o de afiliado", "números de expediente o de afiliado"],
      SSN: ["un número de Seguro Social", "números de Seguro Social"],
      phone: ["un teléfono", "teléfonos"],
      "e-mail": ["un correo electrónico", "correos electrónicos"],
      address: ["una dirección postal", "direcciones postales"],
    },
    namesInPlaces: (n) => `nombres en ${n} lugares`,
    masked: (count, what, mask) =>
      `${count === 1 ? "Se ocultó 1 dato" : `Se ocultaron ${count} datos`} personales del formulario lleno (${mask}): ${what}. Con --no-redact se ven.`,
    shown: (count, what) =>
      `El formulario tiene ${plural(count, "dato personal", "datos personales")} (${what}), tal como están escritos (--no-redact): guarde este informe con el mismo cuidado que el formulario.`,
  },
  diff: {
    title: "Cambios",
    grade: (before, after) => `Nota ${before} → ${after}`,
    counts: (added, removed, unchanged) => `${added} nuevos, ${removed} quitados, ${unchanged} sin cambios`,
    polarity: { risk: "riesgo", protection: "protección" },
    severity: { high: "alto", medium: "medio", low: "bajo", info: "info" },
    added: "Nuevos",
    removed: "Quitados",
    requiredElements: "Puntos que debe tener",
    noLongerSays: "ya no dice",
    nowSays: "ahora dice",
  },
  markdown: {
    title: "Informe de consent-lens",
    gradeLine: (label) => `Nota ${label}`,
    facts: (pages, words, grade, target, ease) =>
      `${plural(pages, "página", "páginas")}, ${words} palabras; nivel de lectura: grado ${grade} (los comités piden ${target}), facilidad de lectura ${ease}`,
    factsByEase: (pages, words, ease, target) =>
      `${plural(pages, "página", "páginas")}, ${words} palabras; facilidad de lectura ${ease} según Fernández Huerta (${target} o más se lee como 8.º grado o menos)`,
    risksByTopic: "Riesgos por tema",
    topicTableHeader: "| tema | alto | medio | bajo | info | páginas |",
    withPackFindings: (pack) => ` (con hallazgos del paquete de reglas ${pack})`,
    disputed: "En duda:",
    noneUnchecked: "Ninguna: el formulario no se revisó.",
    noneRaised: "Ninguna.",
    moreQuestions: (n) => `${n} preguntas más con --details.`,
  },
  html: {
    stats: { risks: "Riesgos", protections: "Protecciones", missing: "Puntos que faltan", readingLevel: "Nivel de lectura" },
    ofHundred: (score) => `${score} de 100; la mejor es A`,
    none: "ninguna",
    promisesThatLimit: "promesas que limitan el uso",
    neverSays: "cosas que el formulario no dice",
    noSentences: "no hay frases que medir",
    readingAgainst: (grade, target, above) =>
      `<strong>grado ${grade}</strong>, ${above ? "más difícil que" : "dentro de"} el grado ${target} que piden los comités de ética`,
    easeAgainst: (ease, target, below) =>
      `<strong>facilidad ${ease}</strong> (Fernández Huerta), ${below ? "menos de" : "al menos"} ${target}, que se lee como 8.º grado`,
    sectionsOf: (path) => `Partes del informe sobre ${path}`,
    formMarked: "El formulario, marcado",
    findings: "Hallazgos",
    notInForm: "Lo que no dice",
    theGrade: "La nota",
    askQuestions: "Preguntas",
    printQuestions: "Imprimir las preguntas",
    formWithFindings: "El formulario, con los hallazgos marcados",
    risk: (level) => `riesgo ${level}`,
    protection: "protección",
    hint: "<kbd>Tab</kbd> (o <kbd>n</kbd> y <kbd>p</kbd>) pasa de un hallazgo a otro, y su nota aparece al lado; <kbd>Esc</kbd> la oculta. Las mismas notas están en",
    findingsByTopic: "Hallazgos, por tema",
    noMatch: "Ninguna frase del formulario coincide con una regla.",
    showInForm: "Verlo en el formulario",
    everyElement: "El formulario trata todos los puntos que se revisan para su tipo.",
    points: "Puntos",
    for: "Por",
    rule: (id) => `regla ${id}`,
    element: (id) => `punto ${id}`,
    turnedRoundBy: (cue) => `Cambia de sentido por “${cue}”.`,
    privateNote: "Esta página tiene todo el texto del formulario: guárdela con el mismo cuidado que el formulario.",
    footer: (version) =>
      `Hecho por consent-lens ${version}, sin conexión. Solo conoce las frases para las que tiene reglas: lea también el formulario.`,
    forms: (n) => plural(n, "formulario", "formularios"),
    keyRisks: "Riesgos clave",
    noneFound: "ninguno",
    form: "Formulario",
    kind: "Tipo",
    missingColumn: "Faltan",
    gradeColumn: "Nota",
  },
};
