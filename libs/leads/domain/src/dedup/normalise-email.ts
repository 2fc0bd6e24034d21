import { untilStable } from './normalise-text';

/**
 * An email address as de-duplication compares it: trimmed and in lower case.
 * The local part is case-sensitive by the letter of RFC 5321, but no mailbox
 * provider in practice treats it so. Deliberately not folded: Gmail's dots and
 * `+tags`, or any provider's aliases: those rules are the provider's and
 * change, and a wrong merge rejects a real person's lead, which costs more
 * than a missed duplicate.
 */
export function normaliseEmail(email: string): string {
  return untilStable(email, (current) => current.normalize('NFC').trim().toLowerCase());
}
