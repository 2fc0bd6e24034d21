import { isAxiosError } from 'axios';
import type { PaypalErrorBody } from './paypal-api';

/** What went wrong talking to PayPal, in the terms the caller decides on. */
export type PaypalFailure =
  /** PayPal answered with an error status: `status`, `name` and `issue` are PayPal's. */
  | 'refused'
  /** No answer in time. */
  | 'timeout'
  /** No connection, a reset, a DNS failure. */
  | 'unreachable'
  /** An answer LeadRail cannot read (not JSON, a field missing): never guessed at. */
  | 'malformed';

/**
 * A PayPal call that did not succeed. `issue` is PayPal's own code for what it
 * refused (`details[0].issue` of Orders v2, e.g. ORDER_NOT_APPROVED, or the
 * OAuth `error`, e.g. invalid_client), so callers switch on PayPal's vocabulary.
 */
export class PaypalApiError extends Error {
  override readonly name = 'PaypalApiError';

  constructor(
    readonly failure: PaypalFailure,
    message: string,
    readonly details: {
      status?: number;
      /** PayPal's error name: UNPROCESSABLE_ENTITY, INVALID_REQUEST, RESOURCE_NOT_FOUND… */
      paypalName?: string;
      issue?: string;
      /** Quote it to PayPal's support. */
      debugId?: string;
    } = {},
  ) {
    super(message);
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get issue(): string | undefined {
    return this.details.issue;
  }

  /** A 422 of Orders v2 naming this issue. */
  hasIssue(issue: string): boolean {
    return this.details.issue === issue;
  }
}

/** The typed error for whatever axios threw on a call to PayPal (`what`: "create order"…). */
export function toPaypalApiError(error: unknown, what: string): PaypalApiError {
  if (error instanceof PaypalApiError) {
    return error;
  }
  if (!isAxiosError(error)) {
    return new PaypalApiError('unreachable', `PayPal ${what} failed: ${String(error)}`);
  }
  const response = error.response;
  if (response === undefined) {
    const timedOut = error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT';
    return new PaypalApiError(
      timedOut ? 'timeout' : 'unreachable',
      timedOut
        ? `PayPal did not answer ${what} in time`
        : `PayPal could not be reached for ${what} (${error.code ?? error.message})`,
    );
  }
  const body = (typeof response.data === 'object' ? response.data : {}) as PaypalErrorBody | null;
  const detail = Array.isArray(body?.details) ? body.details[0] : undefined;
  const issue = textOr(detail?.issue) ?? textOr(body?.error);
  const paypalName = textOr(body?.name);
  const debugId = textOr(body?.debug_id) ?? textOr(response.headers['paypal-debug-id']);
  const explanation =
    textOr(detail?.description) ?? textOr(body?.message) ?? textOr(body?.error_description);
  return new PaypalApiError(
    'refused',
    `PayPal refused ${what} (HTTP ${response.status}${issue ? ` ${issue}` : ''})` +
      (explanation ? `: ${explanation}` : ''),
    {
      status: response.status,
      ...(paypalName ? { paypalName } : {}),
      ...(issue ? { issue } : {}),
      ...(debugId ? { debugId } : {}),
    },
  );
}

function textOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.slice(0, 500) : undefined;
}
