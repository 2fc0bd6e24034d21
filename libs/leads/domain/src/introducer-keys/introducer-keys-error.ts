/** Why an API-key command was refused; the leads service maps each code to an HTTP status in one place. */
export enum IntroducerKeyErrorCode {
  INVALID_COMMAND = 'INVALID_COMMAND',
  INVALID_METADATA = 'INVALID_METADATA',
  ACTOR_NOT_ALLOWED = 'ACTOR_NOT_ALLOWED',
  INTRODUCER_MISMATCH = 'INTRODUCER_MISMATCH',
  KEY_ALREADY_ISSUED = 'KEY_ALREADY_ISSUED',
  TOO_MANY_ACTIVE_KEYS = 'TOO_MANY_ACTIVE_KEYS',
  KEY_NOT_FOUND = 'KEY_NOT_FOUND',
}

/** An API-key command refused by a rule; `field` is the path of the offending value in the command, when one is to blame. */
export class IntroducerKeyError extends Error {
  constructor(
    readonly code: IntroducerKeyErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(field === undefined ? message : `${field}: ${message}`);
    this.name = 'IntroducerKeyError';
  }
}
