// Characters that drive a terminal rather than show: C0 controls (ESC, BEL, CR, backspace,
// newline and tab too), DEL, C1 controls (8-bit CSI), and the bidi overrides and isolates
// that reorder what is shown. A form or a file name holding them could clear the screen,
// rewrite a line or print fake findings.
const controls = "\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069";
const control = new RegExp(`[${controls}]`);
const allControls = new RegExp(`[${controls}]`, "g");

/** Whether a character is a control character. */
export const isControl = (c: string) => control.test(c);

/** The text without its control characters: for a file name, a message or a quote shown on one line. */
export const printable = (s: string) => s.replace(allControls, "");
