const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes for element content and quoted attributes alike: every string from a form or a rule pack goes through it. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => entities[ch]!);
