import type { NodemailerError } from 'nodemailer';

/**
 * Why an email was not sent. `permanent`: the receiving side refused this
 * message for good (a 5xx reply to the recipient or the message; an address
 * no server can take): the partner's side rejected it, and sending it again
 * would get the same answer. Otherwise transient: a connection or TLS failure,
 * a timeout, a 4xx reply, or LeadRail's own SMTP settings (no SMTP_URL, a
 * refused login or sender), where a retry may succeed once the cause is gone.
 */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** Nodemailer's code (ECONNECTION, EENVELOPE, …) or this service's own (NOT_CONFIGURED, INVALID_MESSAGE). */
    readonly code: string,
    readonly smtp: {
      /** The SMTP command the server answered, e.g. `RCPT TO` or `DATA`. */
      readonly command?: string;
      readonly responseCode?: number;
      readonly response?: string;
    } = {},
  ) {
    super(message);
    this.name = 'EmailSendError';
  }
}

// Replies to these are about this recipient or this message; to others
// (greeting, EHLO, AUTH, MAIL FROM) about LeadRail's connection and settings.
const MESSAGE_COMMANDS = new Set(['RCPT TO', 'DATA']);

/** Classifies what nodemailer threw (see {@link EmailSendError}). */
export function classifySendFailure(error: unknown): EmailSendError {
  if (error instanceof EmailSendError) {
    return error;
  }
  const failure = (error ?? {}) as NodemailerError;
  const code = typeof failure.code === 'string' ? failure.code : 'UNKNOWN';
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const command = typeof failure.command === 'string' ? failure.command : undefined;
  const smtp = {
    ...(command === undefined ? {} : { command }),
    ...(responseCode === undefined ? {} : { responseCode }),
    ...(typeof failure.response === 'string' ? { response: failure.response } : {}),
  };
  // RFC 5321: 5yz is a permanent refusal, 4yz a transient one; 503 is a session out of step, not a refusal.
  const refused =
    responseCode !== undefined &&
    responseCode >= 500 &&
    responseCode < 600 &&
    responseCode !== 503 &&
    command !== undefined &&
    MESSAGE_COMMANDS.has(command);
  // Nodemailer's own check of the envelope: an address no server could take.
  const unusableAddress = code === 'EENVELOPE' && command === 'API';
  const permanent = refused || unusableAddress;
  const detail = error instanceof Error ? error.message : String(error);
  const kind = permanent ? 'refused for good' : 'not sent, a retry may succeed';
  return new EmailSendError(`email ${kind}: ${detail}`, permanent, code, smtp);
}
