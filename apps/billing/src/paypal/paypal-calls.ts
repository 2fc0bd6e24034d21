import { Logger } from '@nestjs/common';
import { PaypalApiError } from './paypal-error';
import { PaypalTopUpError } from './paypal-top-up-error';

const logger = new Logger('PaypalTopUps');

/**
 * A PayPal failure as the answer to LeadRail's client: PayPal's refusal of
 * the request (422, its issue quoted), LeadRail's credentials refused or
 * PayPal out of reach (502, logged: operators must act or wait), an answer
 * LeadRail cannot read (502). Callers handle the issues they expect first.
 */
export function asTopUpError(error: unknown): unknown {
  if (!(error instanceof PaypalApiError)) {
    return error;
  }
  const paypal = {
    ...(error.issue === undefined ? {} : { issue: error.issue }),
    ...(error.details.debugId === undefined ? {} : { debugId: error.details.debugId }),
  };
  switch (error.failure) {
    case 'refused':
      // Credentials refused, rate limited or failing: not the request's fault; an operator or time fixes it.
      if (
        error.status === 401 ||
        error.status === 403 ||
        error.status === 429 ||
        (error.status ?? 500) >= 500
      ) {
        logger.error(error.message);
        return new PaypalTopUpError(
          'PAYPAL_UNAVAILABLE',
          error.status === 401 || error.status === 403
            ? "PayPal refused LeadRail's credentials; an operator must check PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET"
            : 'PayPal is failing just now; try again shortly',
          [],
          paypal,
        );
      }
      return new PaypalTopUpError('PAYPAL_REFUSED', error.message, [], paypal);
    case 'timeout':
    case 'unreachable':
      logger.warn(error.message);
      return new PaypalTopUpError('PAYPAL_UNAVAILABLE', `${error.message}; try again shortly`);
    case 'malformed':
      logger.error(error.message);
      return new PaypalTopUpError('PAYPAL_ANSWER_UNEXPECTED', error.message);
  }
}

/** Runs a call to PayPal, its failure translated by {@link asTopUpError}. */
export async function callPaypal<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asTopUpError(error);
  }
}
