import { PDFParse } from "pdf-parse";
import { describeError } from "../errors.js";
import { PdfPasswordError } from "../extract/pdf.js";
import { scan } from "../scan.js";
import { reportView } from "../report/view.js";
import { redact } from "../report/redact.js";
import { reportHtml } from "../report/html/sections.js";
import { en } from "../report/messages/en.js";
import { bundledRulebook } from "./rulebook.js";
import { isModuleNotLoaded, readerNotLoaded } from "./not-loaded.js";

/*
 * The page: a form picked or dropped is read here, by the same pipeline as the command line
 * (src/scan.ts) with the same bundled rules, and its report is shown with the HTML report's
 * markup and style. Nothing is sent anywhere: the page's Content-Security-Policy allows no
 * connection at all (connect-src 'none'), and everything it needs is loaded with it.
 */

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const picker = element<HTMLInputElement>("file");
const drop = element<HTMLElement>("drop");
const status = element<HTMLElement>("status");
const problem = element<HTMLElement>("problem");
const output = element<HTMLElement>("report");
const unlock = element<HTMLFormElement>("unlock");
const password = element<HTMLInputElement>("password");

// pdf.js reads PDFs in a worker of its own. It starts with the page, so that once the page is
// open nothing more is fetched, and a form can be checked offline.
function startPdfReader() {
  PDFParse.setWorker("pdf.worker.mjs");
  const pdfjs = (globalThis as { pdfjs?: { GlobalWorkerOptions: { workerPort: Worker | null } } }).pdfjs;
  if (pdfjs) pdfjs.GlobalWorkerOptions.workerPort = new Worker("pdf.worker.mjs", { type: "module" });
}

/** What the page is doing, for people (the status line) and for tests (data-state). */
function show(state: "ready" | "reading" | "done" | "problem", message: string) {
  document.body.dataset.state = state;
  status.textContent = state === "problem" ? "" : message;
  problem.textContent = state === "problem" ? message : "";
  problem.hidden = state !== "problem";
}

// The pick being read: a form picked while another is read replaces it, and the other's report is not shown.
let latest = 0;
// The file an encrypted PDF's password is asked for.
let locked: File | undefined;

async function check(file: File, pdfPassword?: string) {
  const attempt = ++latest;
  output.replaceChildren();
  unlock.hidden = true;
  show("reading", `Reading ${file.name}…`);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // A photo or a scanned page is read by OCR, a few seconds a page: the status line counts them.
    const onPage = (done: number, total: number) =>
      void (
        attempt === latest &&
        show("reading", `Reading ${file.name}: ${done} of ${total} ${total === 1 ? "page" : "pages"} read by text recognition…`)
      );
    const report = await scan({ path: file.name, bytes }, bundledRulebook(), {
      ocr: { onPage },
      ...(pdfPassword ? { password: pdfPassword } : {}),
    });
    if (attempt !== latest) return;
    // Identifiers a filled-in form holds (names, dates of birth...) are masked, as the command line masks them.
    const view = reportView(redact(report));
    // The report's script (report.js, loaded with the page) prints on a click of any button.print.
    output.innerHTML = `<div class="report-tools"><button type="button" class="print">Print the report</button></div>\n${reportHtml(view, 0)}`;
    for (const button of output.querySelectorAll<HTMLButtonElement>("button.print")) button.hidden = false;
    // On a phone the report starts below the picker: bring it into view (the status line tells a screen reader).
    output.scrollIntoView({ block: "start" });
    // The page speaks English; the report below is in the form's language.
    const found = view.risks.length ? en.risks(view.risks.length) : "no risks";
    show("done", `${file.name} checked: ${found}, ${en.missingElements(view.missing.length)}. The report is below.`);
  } catch (error) {
    if (attempt !== latest) return;
    if (error instanceof PdfPasswordError) return askPassword(file, error);
    // The same line as the command line prints for this file; a part of the page it could not load (offline), said plainly.
    show("problem", `${file.name}: ${isModuleNotLoaded(error) ? readerNotLoaded : describeError(error)}`);
  }
}

// An encrypted PDF: the command line's line, but the password is typed here, not given with --password.
function askPassword(file: File, error: PdfPasswordError) {
  locked = file;
  show("problem", `${file.name}: ${error.incorrect ? error.message : "the PDF is password-protected; type its password below"}`);
  unlock.hidden = false;
  password.value = "";
  password.focus();
}

unlock.addEventListener("submit", (e) => {
  // Read here: the page's policy forbids sending a form anywhere (form-action 'none').
  e.preventDefault();
  const typed = password.value;
  // Not kept in the page once used.
  password.value = "";
  if (locked) void check(locked, typed);
});

function pick(files: FileList | null | undefined) {
  const file = files?.[0];
  if (file) void check(file);
}

picker.addEventListener("change", () => {
  pick(picker.files);
  // Emptied, so that choosing the same file again (changed, or to see it anew) checks it again; the status line names it.
  picker.value = "";
});
// A file dropped anywhere on the page is checked; the browser must not open it instead.
addEventListener("dragover", (e) => {
  e.preventDefault();
  drop.classList.add("over");
});
addEventListener("dragleave", (e) => {
  if (!e.relatedTarget) drop.classList.remove("over");
});
addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  pick(e.dataTransfer?.files);
});

startPdfReader();
// The pipeline imports the PDF and Word readers when a form needs them (the command line starts faster
// so); the page loads them before it is ready, so that once open it reads these forms offline. OCR's
// files (4.3 MB) load at the first photo or scan only, and then stay (src/web/ocr.ts).
Promise.all([import("pdf-parse"), import("mammoth"), import("jszip")]).then(
  () => show("ready", ""),
  () => show("problem", "the page did not finish loading (is this device offline?): reload it once connected"),
);
