/** One thing wrong with a posted lead body, by field path (`contact.address.postcode`; '' for the body itself). */
export interface BodyProblem {
  field: string;
  message: string;
}

/**
 * A lead as a body held it, in the shape of `LeadReceived` v1 data without
 * `introducerId` (the API key names the introducer). Not validated yet:
 * `leadProblems` holds it to the contract's rules, whatever format it came in.
 */
export type LeadCandidate = Record<string, unknown>;

/** Why a body gave no candidate: 415 for `unsupported-media-type`, 400 otherwise. */
export type BodyRefusal = 'unsupported-media-type' | 'malformed' | 'invalid';

export type LeadBodyResult =
  | { ok: true; candidate: LeadCandidate }
  | { ok: false; reason: BodyRefusal; problems: BodyProblem[] };

export function refused(
  reason: BodyRefusal,
  problems: BodyProblem[],
): Extract<LeadBodyResult, { ok: false }> {
  return { ok: false, reason, problems };
}
