import type { PaypalAccessToken, PaypalCapture, PaypalLink, PaypalOrder } from './paypal-api';
import { PaypalApiError } from './paypal-error';
import type { PaypalMoney } from './paypal-money';

/**
 * Checks of PayPal's answers before anything is read from them: a field
 * missing or of another type is a `malformed` error naming it, never an
 * `undefined` that would travel into a credit.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(what: string, field: string): PaypalApiError {
  return new PaypalApiError('malformed', `PayPal's answer to ${what} has no usable ${field}`);
}

function text(from: Json, field: string, what: string): string {
  const value = from[field];
  if (typeof value !== 'string' || value === '') {
    throw malformed(what, field);
  }
  return value;
}

export function readAccessToken(data: unknown): PaypalAccessToken {
  const what = 'the token request';
  if (!isObject(data)) {
    throw malformed(what, 'body');
  }
  const expiresIn = data.expires_in;
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw malformed(what, 'expires_in');
  }
  return {
    access_token: text(data, 'access_token', what),
    token_type: text(data, 'token_type', what),
    expires_in: expiresIn,
  };
}

function readMoney(data: unknown, what: string, field: string): PaypalMoney {
  if (!isObject(data)) {
    throw malformed(what, field);
  }
  return {
    currency_code: text(data, 'currency_code', what),
    value: text(data, 'value', what),
  };
}

function readLinks(data: unknown): PaypalLink[] {
  if (!Array.isArray(data)) {
    return [];
  }
  return data.flatMap((link) =>
    isObject(link) && typeof link.href === 'string' && typeof link.rel === 'string'
      ? [{ href: link.href, rel: link.rel }]
      : [],
  );
}

/** A capture from a capture answer, an order or a webhook event's `resource`. */
export function readCapture(data: unknown, what: string): PaypalCapture {
  if (!isObject(data)) {
    throw malformed(what, 'capture');
  }
  const related = isObject(data.supplementary_data)
    ? data.supplementary_data.related_ids
    : undefined;
  const orderId = isObject(related) ? related.order_id : undefined;
  return {
    id: text(data, 'id', what),
    status: text(data, 'status', what),
    amount: readMoney(data.amount, what, 'amount'),
    ...(typeof data.custom_id === 'string' ? { custom_id: data.custom_id } : {}),
    ...(typeof orderId === 'string'
      ? { supplementary_data: { related_ids: { order_id: orderId } } }
      : {}),
  };
}

export function readOrder(data: unknown, what: string): PaypalOrder {
  if (!isObject(data)) {
    throw malformed(what, 'body');
  }
  const units = Array.isArray(data.purchase_units) ? data.purchase_units : [];
  return {
    id: text(data, 'id', what),
    status: text(data, 'status', what),
    links: readLinks(data.links),
    purchase_units: units.filter(isObject).map((unit) => {
      const payments = isObject(unit.payments) ? unit.payments : {};
      const captures = Array.isArray(payments.captures) ? payments.captures : [];
      return {
        ...(unit.amount === undefined ? {} : { amount: readMoney(unit.amount, what, 'amount') }),
        ...(typeof unit.custom_id === 'string' ? { custom_id: unit.custom_id } : {}),
        payments: { captures: captures.map((capture) => readCapture(capture, what)) },
      };
    }),
  };
}

/** The one capture of LeadRail's one-unit order, if it has been captured. */
export function captureOf(order: PaypalOrder): PaypalCapture | undefined {
  return order.purchase_units?.[0]?.payments?.captures?.[0];
}

/** Where the payer approves the order ("approve", or "payer-action" for newer integrations). */
export function approveUrlOf(order: PaypalOrder): string {
  const link =
    order.links.find((candidate) => candidate.rel === 'approve') ??
    order.links.find((candidate) => candidate.rel === 'payer-action');
  if (link === undefined) {
    throw malformed('create order', 'approve link');
  }
  return link.href;
}
