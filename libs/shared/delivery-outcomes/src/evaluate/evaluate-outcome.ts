import type { DeliveryMethod } from '@leadrail/delivery-templates';
import {
  MAX_OUTCOME_REASON_LENGTH,
  MAX_PARTNER_REFERENCE_LENGTH,
  type OutcomeRules,
} from '../outcome-rules';
import { captureValue, cleanText } from './captures';
import { defaultOutcome, soapFaultOutcome } from './default-outcome';
import { type PartnerResponse, ResponseView } from './response-view';
import { ruleMatches } from './rule-match';

/** The partner could not be reached, or did not answer in time: no HTTP status at all. */
export interface TransportError {
  readonly kind: 'transport-error';
  /** A short, stable code: `ETIMEDOUT`, `ECONNREFUSED`, `TIMEOUT`, `TLS`, … */
  readonly code: string;
  readonly message: string;
}

/** What came back from one delivery attempt. */
export type DeliveryAnswer = PartnerResponse | TransportError;

/** The three outcomes of an attempt: accepted, rejected by the partner (not retried), or error (retry may help). */
export type DeliveryOutcome = 'accepted' | 'rejected' | 'error';

/** What an attempt came to, and why. */
export interface OutcomeEvaluation {
  readonly outcome: DeliveryOutcome;
  /**
   * Why the lead was not accepted (null when it was): the captured rejection
   * reason, else the SOAP fault's text, else a description such as
   * `HTTP 422 from the partner`; at most 500 characters.
   */
  readonly reason: string | null;
  /** The partner's reference for the lead, captured from the response; at most 200 characters. */
  readonly partnerReference: string | null;
  /**
   * What decided: `rules[1]` (the operator's rule at that index), `soap-fault: Client`,
   * `default: 2xx`, `default: 429`, `transport-error: ETIMEDOUT`, …
   */
  readonly matched: string;
}

/**
 * Judges one delivery attempt. The partner's rules come first, in order (the
 * first that matches decides); then the defaults: a transport error or timeout
 * is an error; for SOAP methods a Fault in the answer is a rejection when the
 * partner blames the request (Client, Sender, and VersionMismatch,
 * MustUnderstand, DataEncodingUnknown, which no retry can fix) and an error when
 * it blames itself (Server, Receiver); then by HTTP status: 2xx accepted; 408,
 * 425, 429, 3xx and 5xx error; any other 4xx rejected. `rules` null means the
 * defaults alone. Pure, and total: a body that is not JSON or XML only makes
 * those rules not match.
 */
export function evaluateOutcome(
  answer: DeliveryAnswer,
  rules: OutcomeRules | null,
  method: DeliveryMethod,
): OutcomeEvaluation {
  if (answer.kind === 'transport-error') {
    const code = cleanText(String(answer.code), 100) ?? 'unknown';
    const detail = cleanText(String(answer.message), MAX_OUTCOME_REASON_LENGTH);
    return {
      outcome: 'error',
      reason: cleanText(
        `no answer from the partner: ${code}${detail ? ` (${detail})` : ''}`,
        MAX_OUTCOME_REASON_LENGTH,
      ),
      partnerReference: null,
      matched: `transport-error: ${code}`,
    };
  }
  const view = new ResponseView(answer);
  const status = answer.status;
  const index = rules?.rules.findIndex((rule) => ruleMatches(rule, view)) ?? -1;
  const rule = index >= 0 ? rules?.rules[index] : undefined;
  const decided = rule
    ? {
        outcome: rule.means,
        matched: `rules[${index}]`,
        reason: `HTTP ${status} from the partner, ${rule.means} by rules[${index}] (${rule.test})`,
      }
    : (soapFaultOutcome(view, method) ?? defaultOutcome(status));
  const partnerReference = captureValue(
    rules?.partnerReference ?? null,
    view,
    MAX_PARTNER_REFERENCE_LENGTH,
  );
  if (decided.outcome === 'accepted') {
    return { outcome: 'accepted', reason: null, partnerReference, matched: decided.matched };
  }
  const captured = captureValue(rules?.rejectionReason ?? null, view, MAX_OUTCOME_REASON_LENGTH);
  return {
    outcome: decided.outcome,
    reason: captured ?? cleanText(decided.reason, MAX_OUTCOME_REASON_LENGTH),
    partnerReference,
    matched: decided.matched,
  };
}
