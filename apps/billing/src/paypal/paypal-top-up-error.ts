/** Why a top-up request was refused, by the code clients switch on. */
export type PaypalTopUpErrorCode =
  | 'PAYPAL_NOT_CONFIGURED'
  | 'ACCOUNT_NOT_FOUND'
  | 'CURRENCY_MISMATCH'
  | 'AMOUNT_NOT_PAYABLE_BY_PAYPAL'
  | 'PAYPAL_ORDER_NOT_FOUND'
  | 'PAYPAL_ORDER_NOT_APPROVED'
  | 'PAYPAL_CAPTURE_NOT_COMPLETED'
  | 'PAYPAL_REFUSED'
  | 'PAYPAL_UNAVAILABLE'
  | 'PAYPAL_ANSWER_UNEXPECTED'
  | 'WEBHOOK_NOT_VERIFIED'
  | 'WEBHOOK_REPLAYED';

/** The HTTP status of each code. */
const STATUS: Record<PaypalTopUpErrorCode, number> = {
  PAYPAL_NOT_CONFIGURED: 503,
  ACCOUNT_NOT_FOUND: 404,
  CURRENCY_MISMATCH: 400,
  AMOUNT_NOT_PAYABLE_BY_PAYPAL: 400,
  PAYPAL_ORDER_NOT_FOUND: 404,
  PAYPAL_ORDER_NOT_APPROVED: 409,
  PAYPAL_CAPTURE_NOT_COMPLETED: 409,
  // PayPal understood and refused (an amount over the account's limit…): not LeadRail's fault, not the network's.
  PAYPAL_REFUSED: 422,
  PAYPAL_UNAVAILABLE: 502,
  PAYPAL_ANSWER_UNEXPECTED: 502,
  WEBHOOK_NOT_VERIFIED: 400,
  WEBHOOK_REPLAYED: 400,
};

/**
 * A refusal of a PayPal top-up route, answered by PaypalTopUpErrorFilter in
 * the shape of every LeadRail refusal (`statusCode`, `error`, `message`,
 * `errors[{field, messages}]` when a field is to blame). Thrown before
 * anything is changed: a refused request credits nothing.
 */
export class PaypalTopUpError extends Error {
  override readonly name = 'PaypalTopUpError';
  readonly status: number;

  constructor(
    readonly code: PaypalTopUpErrorCode,
    message: string,
    readonly problems: readonly { field: string; message: string }[] = [],
    /** PayPal's own code and correlation id, when PayPal refused. */
    readonly paypal?: { issue?: string; debugId?: string },
  ) {
    super(message);
    this.status = STATUS[code];
  }

  static notConfigured(): PaypalTopUpError {
    return new PaypalTopUpError(
      'PAYPAL_NOT_CONFIGURED',
      'PayPal top-ups are not configured (PAYPAL_BASE_URL, PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET and PAYPAL_WEBHOOK_ID are unset)',
    );
  }
}
