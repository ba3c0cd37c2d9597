import type { Span } from "../../types.js";
import type { ReportView } from "../view.js";
import { esc } from "./escape.js";

/** A stretch of one finding's span inside one paragraph; only the first stretch carries data-finding. */
interface Piece extends Span {
  index: number;
  first: boolean;
}

const byStartThenLongest = (a: Span, b: Span) => a.start - b.start || b.end - a.end;

/** The form's whole text as paragraphs, with each finding's span marked in place; `id` makes the page's ids. */
export function markText(view: ReportView, id: (name: string) => string): string {
  const { value } = view.report.text;
  const paragraphs = [...value.matchAll(/[^\n]+(?:\n[^\n]+)*/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const pieces = piecesByParagraph(view, paragraphs);
  const open = (piece: Piece) => {
    const f = view.findings[piece.index]!.finding;
    const kind = f.polarity === "risk" ? `risk ${f.severity}` : "protection";
    const target = `data-note="${id(`n${piece.index}`)}"`;
    return piece.first
      ? `<mark class="${kind}" id="${id(`f${piece.index}`)}" data-finding="${piece.index}" tabindex="0" aria-describedby="${id(`n${piece.index}`)}" ${target}>`
      : `<mark class="${kind}" ${target}>`;
  };
  return paragraphs.map((paragraph, i) => `<p>${markParagraph(value, paragraph, pieces[i]!, open)}</p>`).join("\n");
}

// A <mark> cannot cross a paragraph's end, so a span is cut at each paragraph break.
function piecesByParagraph(view: ReportView, paragraphs: Span[]): Piece[][] {
  const pieces: Piece[][] = paragraphs.map(() => []);
  view.findings.forEach(({ finding: f }, index) => {
    let first = true;
    paragraphs.forEach((p, i) => {
      const start = Math.max(f.span.start, p.start);
      const end = Math.min(f.span.end, p.end);
      if (start >= end) return;
      pieces[i]!.push({ start, end, index, first });
      first = false;
    });
  });
  return pieces;
}

function markParagraph(value: string, paragraph: Span, pieces: Piece[], open: (piece: Piece) => string): string {
  const queue = pieces.sort(byStartThenLongest);
  const stack: Piece[] = [];
  let html = "";
  let at = paragraph.start;
  const upTo = (to: number) => {
    html += esc(value.slice(at, to));
    at = to;
  };
  const close = () => {
    upTo(stack.pop()!.end);
    html += "</mark>";
  };
  for (let piece = queue.shift(); piece; piece = queue.shift()) {
    while (stack.length && stack.at(-1)!.end <= piece.start) close();
    upTo(piece.start);
    const parent = stack.at(-1);
    if (parent && piece.end > parent.end) {
      // Spans that cross nest as far as the enclosing mark; the rest goes on in a mark of its own.
      const rest = { ...piece, start: parent.end, first: false };
      const after = queue.findIndex((q) => byStartThenLongest(rest, q) < 0);
      queue.splice(after < 0 ? queue.length : after, 0, rest);
      piece = { ...piece, end: parent.end };
    }
    html += open(piece);
    stack.push(piece);
  }
  while (stack.length) close();
  upTo(paragraph.end);
  return html;
}
