import { RestException } from 'twilio';
import { SmsSendError } from '../ports/sms-sender';

/** What Twilio said when it refused a request: its error code and message, and the HTTP status. */
export interface TwilioRefusal {
  status: number;
  code: string | null;
  message: string;
}

/** Twilio's answer to a failed API call, or null when there was none (timeout, connection lost). */
export function refusalOf(error: unknown): TwilioRefusal | null {
  if (!(error instanceof RestException)) {
    return null;
  }
  return {
    status: error.status,
    code: error.code === undefined ? null : String(error.code),
    message: error.message,
  };
}

/**
 * A failed send as the notifications core acts on it:
 *
 * - Twilio refused (HTTP 4xx): nothing was created, so `providerCode` is
 *   Twilio's code and no lookup is needed before another try. Refusals of the
 *   message itself (a bad or unsubscribed number, an empty or too long body:
 *   21211, 21610, 21602…) are final; 401 (credentials an operator is about to
 *   fix), 403 (the account suspended) and 429 (Twilio's rate limit, 20429)
 *   are retried.
 * - Twilio failed (5xx) or never answered (timeout, connection refused or
 *   lost): retried, with `providerCode` null, because the message may exist
 *   and must be looked up (`findSent`) before it is sent again.
 */
export function smsSendErrorOf(error: unknown): SmsSendError {
  const refusal = refusalOf(error);
  if (refusal === null) {
    const reason = error instanceof Error ? error.message : String(error);
    return new SmsSendError(`Twilio did not answer: ${reason}`, true, null);
  }
  const said = `Twilio ${refusal.status}${refusal.code === null ? '' : ` (${refusal.code})`}: ${refusal.message}`;
  if (refusal.status >= 500) {
    return new SmsSendError(said, true, null);
  }
  const retryable = refusal.status === 401 || refusal.status === 403 || refusal.status === 429;
  return new SmsSendError(said, retryable, refusal.code ?? String(refusal.status));
}
