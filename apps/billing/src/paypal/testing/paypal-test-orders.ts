import { type PaypalIssue, isObject } from './paypal-test-http';

/**
 * PayPal's rules for a create-order request (Orders v2), written from its API
 * reference independently of LeadRail's own conversion, so a mistake there
 * shows up here as PayPal's refusal.
 */

/** Currencies PayPal takes; those in NO_DECIMALS only in whole units. */
const CURRENCIES = new Set(
  'AUD BRL CAD CHF CNY CZK DKK EUR GBP HKD HUF ILS JPY MXN MYR NOK NZD PHP PLN SEK SGD THB TWD USD'.split(
    ' ',
  ),
);
const NO_DECIMALS = new Set(['HUF', 'JPY', 'TWD']);

/** `money.value` of PayPal's schema: a signed decimal of at most 32 characters. */
const VALUE = /^((-?[0-9]+)|(-?([0-9]+)?[.][0-9]+))$/;

/** What a valid create-order request asks for. */
export interface OrderRequest {
  intent: 'CAPTURE' | 'AUTHORIZE';
  amount: { currency_code: string; value: string };
  customId?: string;
  description?: string;
}

const UNIT = "/purchase_units/@reference_id=='default'";

function invalid(issue: string, field: string, description: string, value?: string): PaypalIssue {
  return {
    status: 400,
    name: 'INVALID_REQUEST',
    issue,
    field,
    description,
    ...(value === undefined ? {} : { value }),
  };
}

function unprocessable(
  issue: string,
  field: string,
  description: string,
  value?: string,
): PaypalIssue {
  return {
    status: 422,
    name: 'UNPROCESSABLE_ENTITY',
    issue,
    field,
    description,
    ...(value === undefined ? {} : { value }),
  };
}

function missing(field: string): PaypalIssue {
  return invalid('MISSING_REQUIRED_PARAMETER', field, 'A required field / parameter is missing.');
}

export function checkOrderRequest(body: unknown): OrderRequest | PaypalIssue {
  if (!isObject(body)) {
    return invalid('MALFORMED_REQUEST_JSON', '/', 'The request JSON is not well formed.');
  }
  if (body.intent === undefined) {
    return missing('/intent');
  }
  if (body.intent !== 'CAPTURE' && body.intent !== 'AUTHORIZE') {
    return invalid(
      'INVALID_PARAMETER_VALUE',
      '/intent',
      'The value of a field is invalid.',
      JSON.stringify(body.intent),
    );
  }
  const units = body.purchase_units;
  if (units === undefined) {
    return missing('/purchase_units');
  }
  if (!Array.isArray(units) || units.length === 0) {
    return invalid(
      'INVALID_ARRAY_MIN_ITEMS',
      '/purchase_units',
      'The number of items in an array parameter is too small.',
    );
  }
  if (units.length > 1) {
    throw new Error('PaypalTestServer: orders of more than one purchase unit are not implemented');
  }
  const unit: unknown = units[0];
  if (!isObject(unit)) {
    return invalid(
      'INVALID_PARAMETER_SYNTAX',
      UNIT,
      'The value of a field does not conform to the expected format.',
    );
  }
  const amount = checkAmount(unit.amount);
  if ('issue' in amount) {
    return amount;
  }
  for (const field of ['custom_id', 'description'] as const) {
    const value = unit[field];
    if (value !== undefined && (typeof value !== 'string' || value.length > 127)) {
      return invalid(
        'INVALID_STRING_MAX_LENGTH',
        `${UNIT}/${field}`,
        'The value of a field is too long.',
      );
    }
  }
  return {
    intent: body.intent,
    amount,
    ...(typeof unit.custom_id === 'string' ? { customId: unit.custom_id } : {}),
    ...(typeof unit.description === 'string' ? { description: unit.description } : {}),
  };
}

function checkAmount(amount: unknown): OrderRequest['amount'] | PaypalIssue {
  const field = `${UNIT}/amount`;
  if (amount === undefined) {
    return missing(field);
  }
  if (!isObject(amount)) {
    return invalid(
      'INVALID_PARAMETER_SYNTAX',
      field,
      'The value of a field does not conform to the expected format.',
    );
  }
  const code = amount.currency_code;
  const value = amount.value;
  if (code === undefined) {
    return missing(`${field}/currency_code`);
  }
  if (typeof code !== 'string' || code.length !== 3) {
    return invalid(
      'INVALID_STRING_LENGTH',
      `${field}/currency_code`,
      'The value of a field is either too short or too long.',
      JSON.stringify(code),
    );
  }
  if (value === undefined) {
    return missing(`${field}/value`);
  }
  if (typeof value !== 'string' || value.length > 32 || !VALUE.test(value)) {
    return invalid(
      'INVALID_PARAMETER_SYNTAX',
      `${field}/value`,
      'The value of a field does not conform to the expected format.',
      JSON.stringify(value),
    );
  }
  if (!CURRENCIES.has(code)) {
    return unprocessable(
      'CURRENCY_NOT_SUPPORTED',
      `${field}/currency_code`,
      'Currency code is not currently supported.',
      code,
    );
  }
  if (value.startsWith('-') || !/[1-9]/.test(value)) {
    return unprocessable(
      'CANNOT_BE_ZERO_OR_NEGATIVE',
      `${field}/value`,
      'Must be greater than zero.',
      value,
    );
  }
  const decimals = value.split('.')[1]?.length ?? 0;
  if (NO_DECIMALS.has(code) && value.includes('.')) {
    return unprocessable(
      'DECIMALS_NOT_SUPPORTED',
      `${field}/value`,
      'Currency does not support decimals.',
      value,
    );
  }
  if (decimals > 2) {
    return unprocessable(
      'DECIMAL_PRECISION',
      `${field}/value`,
      'If the currency supports decimals, only two decimal place precision is supported.',
      value,
    );
  }
  return { currency_code: code, value };
}
