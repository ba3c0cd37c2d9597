"use strict";
(() => {
  const tip = document.getElementById("tip");
  // Marks are looked up when needed: the web page adds a report after this script has run.
  const marks = () => [...document.querySelectorAll("mark[data-finding]")];
  const markOf = (node) => (node instanceof Element ? node.closest("mark[data-note]") : null);
  let shown = null;
  let timer = 0;
  const hide = () => {
    tip.hidden = true;
    shown = null;
  };
  const show = (mark) => {
    if (shown === mark) return;
    const note = document.getElementById(mark.dataset.note).cloneNode(true);
    note.removeAttribute("id");
    tip.replaceChildren(note);
    tip.hidden = false;
    shown = mark;
    const box = mark.getBoundingClientRect();
    const right = document.documentElement.clientWidth - tip.offsetWidth - 8;
    tip.style.left = scrollX + Math.max(8, Math.min(box.left, right)) + "px";
    // Below the mark, unless only above it does the note fit on screen.
    const below = box.bottom + tip.offsetHeight + 8 < innerHeight || box.top < tip.offsetHeight + 8;
    tip.style.top = scrollY + (below ? box.bottom + 4 : box.top - tip.offsetHeight - 4) + "px";
  };
  document.addEventListener("focusin", (e) => {
    const mark = markOf(e.target);
    if (mark) show(mark);
  });
  document.addEventListener("focusout", (e) => {
    if (!markOf(e.relatedTarget)) hide();
  });
  // A short grace period lets the pointer move from a mark onto its note.
  document.addEventListener("mouseover", (e) => {
    clearTimeout(timer);
    const mark = markOf(e.target);
    if (mark) show(mark);
    else if (shown && !tip.contains(e.target) && document.activeElement !== shown) timer = setTimeout(hide, 300);
  });
  addEventListener("resize", hide);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") return hide();
    if ((e.key !== "n" && e.key !== "p") || e.altKey || e.ctrlKey || e.metaKey) return;
    const here = document.activeElement || document.body;
    const next =
      e.key === "n"
        ? marks().find((m) => here.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)
        : marks().findLast((m) => here.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_PRECEDING);
    if (next) {
      e.preventDefault();
      next.focus();
    }
  });
  for (const button of document.querySelectorAll("button.print")) button.hidden = false;
  document.addEventListener("click", (e) => {
    if (e.target instanceof Element && e.target.closest("button.print")) print();
  });
})();
