/**
 * An expected failure caused by the user's input: a missing or unreadable file,
 * a broken rule file, a bad option. The CLI prints its message as one line and
 * exits 2; anything else is an internal error.
 */
export class UserError extends Error {
  override name = "UserError";
}
