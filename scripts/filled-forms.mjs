// A filled-in HIPAA authorization, written for the privacy tests (a fictional clinic
// and patient), built as a PDF (pdfkit, one text call per line, as a form printer
// lays it out) and as a DOCX (docx, with the fields in two-column tables, as a word
// processor form holds them). Every identifier the tests look for is listed here.
import PDFDocument from "pdfkit";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";

/** The patient's identifiers as the form holds them, by kind: none may reach a report. */
export const identifiers = {
  name: ["Marisol", "Brennan", "Okafor"],
  "date of birth": ["04/17/1968"],
  "record number": ["LRC-00482913", "00482913", "QHP778201934"],
  SSN: ["512-44-8391", "8391"],
  phone: ["555-0148"],
  "e-mail": ["m.brennan.okafor", "examplemail"],
  address: ["2218 Larkspur", "Larkspur", "55803"],
};

/** How many identifiers the form holds: the name five times, the others once. */
export const identifierCount = 12;

const fields = [
  ["Patient name", "Marisol K. Brennan-Okafor"],
  ["Date of birth", "04/17/1968"],
  ["Medical record number", "LRC-00482913"],
  ["Member ID", "QHP778201934"],
  ["Social Security number", "512-44-8391"],
  ["Phone", "(612) 555-0148"],
  ["E-mail", "m.brennan.okafor@examplemail.com"],
  ["Home address", "2218 Larkspur Lane, Apt 4B, Duluth, MN 55803"],
];

const body = [
  "I, Marisol K. Brennan-Okafor, allow Lakeview Regional Clinic to disclose my health records, including test results and visit notes, to the recipient named below and to researchers at partner universities.",
  "Recipient: Northwind Life Insurance Company, claims department. Purpose: review of my application for coverage.",
  "Information disclosed under this authorization may be redisclosed by the recipient and may no longer be protected by federal privacy rules.",
  "I may revoke this authorization at any time by writing to the clinic's privacy office. Revoking it does not undo disclosures already made.",
  "This authorization expires one year from the date I sign it.",
  "My treatment, payment, enrollment or eligibility for benefits will not depend on whether I sign this form.",
  "Ms. Brennan-Okafor was told that she may keep a copy of this signed form.",
];

const signature = [
  ["Signature of patient", "Marisol K. Brennan-Okafor"],
  ["Printed name", "Marisol K. Brennan-Okafor"],
];

const title = "Lakeview Regional Clinic";
const subtitle = "Authorization to Release Protected Health Information";

// Our own word wrap: pdfkit gets one line at a time, as in make-fixtures.mjs.
function wrap(doc, text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && doc.widthOfString(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/** The filled-in form as a PDF: two short fields to a line, the body wrapped, the signature fields at the end. */
export function filledPdf() {
  const doc = new PDFDocument({ size: "LETTER", margin: 0, info: { CreationDate: new Date("2024-05-02T12:00:00Z") } });
  const chunks = [];
  doc.on("data", (chunk) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  let y = 60;
  const put = (text, x = 72, size = 11, font = "Helvetica") => doc.font(font).fontSize(size).text(text, x, y, { lineBreak: false });
  put(title, 72, 14, "Helvetica-Bold");
  y += 22;
  put(subtitle, 72, 12, "Helvetica-Bold");
  y += 28;
  const short = (field) => field && `${field[0]}: ${field[1]}`.length <= 36;
  for (let i = 0; i < fields.length; i++) {
    put(`${fields[i][0]}: ${fields[i][1]}`);
    if (short(fields[i]) && short(fields[i + 1])) put(`${fields[i + 1][0]}: ${fields[++i][1]}`, 330);
    y += 18;
  }
  y += 10;
  doc.font("Helvetica").fontSize(11);
  for (const paragraph of body) {
    for (const line of wrap(doc, paragraph, 468)) {
      put(line);
      y += 15;
    }
    y += 8;
  }
  y += 14;
  for (const [label, value] of signature) {
    put(`${label}: ${value}`);
    if (label.startsWith("Signature")) put("Date: 05/02/2024", 400);
    y += 20;
  }
  doc.end();
  return done;
}

const cell = (text) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
const table = (rows) => new Table({ rows: rows.map(([label, value]) => new TableRow({ children: [cell(label), cell(value)] })) });

/** The same form as a DOCX: fields and signature in label | value tables, so each value is a paragraph of its own. */
export function filledDocx() {
  const doc = new Document({
    creator: "consent-lens tests",
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: title, bold: true })] }),
          new Paragraph({ children: [new TextRun({ text: subtitle, bold: true })] }),
          table(fields),
          ...body.map((text) => new Paragraph({ children: [new TextRun(text)] })),
          table([...signature, ["Date", "05/02/2024"]]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
