import type * as NodeDisplay from "../display.js";

/** How messages name a file, in the page: it has no working folder, so a name is shown as it is (src/display.ts in Node). */
export const display: typeof NodeDisplay.display = (file) => file;
