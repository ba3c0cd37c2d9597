import { describe, expect, it } from "vitest";
import { documentFromPages } from "../src/extract/document.js";
import { normalize } from "../src/text/normalize.js";
import { locate } from "../src/text/locate.js";

const pdfLike = (pages: string[][]) => normalize(documentFromPages("form.pdf", "pdf", pages, { linesAreParagraphs: false }));
const sentences = (t: ReturnType<typeof normalize>) => t.sentences.map((s) => t.value.slice(s.start, s.end));

describe("normalize", () => {
  it("joins lines wrapped inside a sentence and undoes hyphenation at line ends", () => {
    const t = pdfLike([
      [
        "Your images may be shared with our research part-",
        "ners and other third parties for the development of algo-",
        "rithms, including de-",
        "identified copies.",
      ],
    ]);
    expect(sentences(t)).toEqual([
      "Your images may be shared with our research partners and other third parties for the development of algorithms, including de-identified copies.",
    ]);
  });

  it("keeps a compound's hyphen when the document writes the compound elsewhere", () => {
    const t = pdfLike([["We use a well-known method that is well-", "known to the staff of the hospital."]]);
    expect(t.value).toContain("well-known to the staff");
  });

  it("drops running headers, footers and page numbers that repeat on most pages", () => {
    const page = (n: number, body: string[]) => ["Riverside Medical Center - Imaging Consent", ...body, `Page ${n} of 3`];
    const t = pdfLike([
      page(1, ["Your scans may be kept for", "future studies."]),
      page(2, ["We may share your data with the", "sponsor."]),
      page(3, ["You may withdraw at any time."]),
    ]);
    expect(t.value).not.toMatch(/Riverside|Page \d/);
    expect(sentences(t)).toEqual([
      "Your scans may be kept for future studies.",
      "We may share your data with the sponsor.",
      "You may withdraw at any time.",
    ]);
  });

  it("joins a sentence that runs across a page break", () => {
    const t = pdfLike([
      ["Header of the form", "Your samples may be used by", "Page 1"],
      ["Header of the form", "other researchers.", "Page 2"],
    ]);
    expect(sentences(t)).toEqual(["Your samples may be used by other researchers."]);
  });

  it("makes headings, bullets and numbered items sentences of their own", () => {
    const t = pdfLike([
      [
        "HOW WE USE YOUR INFORMATION",
        "We may share your data with:",
        "• the study sponsor",
        "• cloud service providers",
        "1. Research use",
        "Your samples may be stored for ten years and used in other studies by",
        "our partners.",
        "How long will my samples be kept?",
        "Until the study ends.",
      ],
    ]);
    expect(sentences(t)).toEqual([
      "HOW WE USE YOUR INFORMATION",
      "We may share your data with:",
      "• the study sponsor",
      "• cloud service providers",
      "1. Research use",
      "Your samples may be stored for ten years and used in other studies by our partners.",
      "How long will my samples be kept?",
      "Until the study ends.",
    ]);
  });

  it("does not end a sentence at an abbreviation", () => {
    const t = pdfLike([["Dr. Smith and the U.S. Food and Drug Administration may review your records, e.g. for audits."]]);
    expect(sentences(t)).toHaveLength(1);
  });

  it("maps every offset back to its page, line and column", () => {
    const t = pdfLike([
      ["Form header", "First page text ends here.", "Page 1 of 2"],
      ["Form header", "On the second page your images may be", "shared with vendors.", "Page 2 of 2"],
    ]);
    const at = (needle: string) => locate(t, t.value.indexOf(needle));
    expect(at("First")).toEqual({ page: 1, line: 2, column: 1 });
    expect(at("images")).toEqual({ page: 2, line: 2, column: 25 });
    expect(at("vendors")).toEqual({ page: 2, line: 3, column: 13 });
  });

  it("treats every DOCX line as a paragraph", () => {
    const t = normalize(
      documentFromPages("f.docx", "docx", [["Consent", "We may share your data", "with partners."]], { linesAreParagraphs: true }),
    );
    expect(sentences(t)).toEqual(["Consent", "We may share your data", "with partners."]);
  });

  it("strips Markdown markup but keeps its words and offsets", () => {
    const t = normalize(
      documentFromPages("n.md", "markdown", [["# Privacy notice", "", "We **may share** your data."]], { linesAreParagraphs: false }),
    );
    expect(sentences(t)).toEqual(["Privacy notice", "We may share your data."]);
    expect(locate(t, t.value.indexOf("share"))).toEqual({ page: 1, line: 3, column: 10 });
  });
});

describe("lines in capitals", () => {
  it("end their paragraph as a title, unless the line stops at a comma or a joining word", () => {
    const t = pdfLike([
      [
        "HOW WE SHARE RECORDS",
        "THE CLINIC MAY SEND YOUR RECORDS TO OUTSIDE LABORATORIES, BILLING SERVICES AND",
        "INSURERS, AND IT SHALL NOT BE",
        "RESPONSIBLE FOR WHAT THEY DO WITH THEM.",
        "Questions go to the privacy office.",
      ],
    ]);
    expect(sentences(t)).toEqual([
      "HOW WE SHARE RECORDS",
      "THE CLINIC MAY SEND YOUR RECORDS TO OUTSIDE LABORATORIES, BILLING SERVICES AND INSURERS, AND IT SHALL NOT BE RESPONSIBLE FOR WHAT THEY DO WITH THEM.",
      "Questions go to the privacy office.",
    ]);
    expect(t.sentences.map((s) => s.heading)).toEqual([true, false, false]);
  });

  it("are a statement with a modal or 'be' and no full stop (a warning), a heading as a topic or a question", () => {
    const t = pdfLike([
      [
        "PERMISSION TO KEEP AND STUDY LEFTOVER TISSUE",
        "Please read every page before you sign this form.",
        "YOUR SAMPLES MAY BE SOLD TO COMPANIES THAT DEVELOP NEW TESTS",
        "Ask the study team about anything that is not clear.",
        "WHO WILL BE ABLE TO LOOK AT MY TEST RESULTS",
        "Only the people named in this form can see them.",
        "SUS DATOS PODRÁN SER ENVIADOS A OTRAS INSTITUCIONES DE INVESTIGACIÓN",
      ],
    ]);
    expect(t.sentences.map((s) => [t.value.slice(s.start, s.end).slice(0, 20), s.heading])).toEqual([
      ["PERMISSION TO KEEP A", true],
      ["Please read every pa", false],
      ["YOUR SAMPLES MAY BE ", false],
      ["Ask the study team a", false],
      ["WHO WILL BE ABLE TO ", true],
      ["Only the people name", false],
      ["SUS DATOS PODRÁN SER", false],
    ]);
  });
});

describe("list items", () => {
  const leadInsOf = (t: ReturnType<typeof normalize>) =>
    t.sentences.map((s) => {
      const leadIn = s.leadIn === undefined ? undefined : t.sentences[s.leadIn]!;
      return leadIn && t.value.slice(leadIn.start, leadIn.end);
    });

  it("know the sentence that introduced their list", () => {
    const t = pdfLike([
      ["Intro paragraph here.", "We may share your data with:", "• the study sponsor", "• the FDA", "Next paragraph.", "• a lone bullet"],
    ]);
    expect(leadInsOf(t)).toEqual([
      undefined,
      undefined,
      "We may share your data with:",
      "We may share your data with:",
      undefined,
      undefined,
    ]);
  });

  it("take a question or a short heading as their lead-in", () => {
    const asked = pdfLike([["Who will see my records?", "• the study sponsor", "• the review board"]]);
    expect(leadInsOf(asked)).toEqual([undefined, "Who will see my records?", "Who will see my records?"]);
    const headed = pdfLike([["People Who May Receive Your Data", "• outside laboratories"]]);
    expect(leadInsOf(headed)).toEqual([undefined, "People Who May Receive Your Data"]);
  });

  it("keep their lead-in when the list goes on over a page's running header", () => {
    const t = pdfLike([
      ["Your records may be seen by:", "• the study sponsor"],
      ["Consent Form Version: 3/2021 Protocol 1234", "• government agencies"],
    ]);
    expect(leadInsOf(t)).toEqual([undefined, "Your records may be seen by:", undefined, "Your records may be seen by:"]);
  });

  it("lose their lead-in after a paragraph of text, on the same page or the next", () => {
    const samePage = pdfLike([["Your records may be seen by:", "• the study sponsor", "", "Short Heading Line", "• bruising"]]);
    expect(leadInsOf(samePage)[3]).toBe("Short Heading Line");
    const nextPage = pdfLike([
      ["Your records may be seen by:", "• the study sponsor", ""],
      ["The study lasts a year.", "• bruising"],
    ]);
    expect(leadInsOf(nextPage)[3]).toBeUndefined();
  });
});
