import type { DeliveryChannelsInput } from '../commands/partner-command-inputs';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import {
  INTERNET_DELIVERY_METHODS,
  type DeliveryChannels,
  type DeliveryLimits,
} from '../model/delivery-settings';
import { checkHeaders, checkTemplate } from '@leadrail/delivery-templates';
import { hasTextLength } from '@leadrail/integration-events';
import { assertOneOf } from './options';
import { toDeliveryOptions } from './delivery-options';
import { assertDeliveryUrl } from './url';

// Bodies are stored in every DeliveryConfigured event: keep events bounded.
const MAX_BODY_TEMPLATE_LENGTH = 65_536;

/**
 * The channels checked and normalised (omitted headers become none; the SOAP
 * action, timeout and outcome rules are left out at their defaults); at least
 * one channel.
 */
export function toDeliveryChannels(input: DeliveryChannelsInput, field: string): DeliveryChannels {
  const internet = input.internet;
  if (!input.email && internet === null) {
    throw new PartnerError(
      PartnerErrorCode.DELIVERY_CHANNEL_REQUIRED,
      'leads must be delivered by email, internet or both',
      field,
    );
  }
  if (internet === null) {
    return { email: input.email, internet: null };
  }
  const at = `${field}.internet`;
  assertOneOf(internet.method, INTERNET_DELIVERY_METHODS, `${at}.method`);
  assertDeliveryUrl(internet.url, `${at}.url`);
  const body = internet.bodyTemplate;
  if (
    typeof body !== 'string' ||
    body.trim().length === 0 ||
    !hasTextLength(body, 1, MAX_BODY_TEMPLATE_LENGTH)
  ) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_BODY_TEMPLATE,
      `must be a non-empty template of at most ${MAX_BODY_TEMPLATE_LENGTH} characters`,
      `${at}.bodyTemplate`,
    );
  }
  const template = checkTemplate(internet.method, body);
  if (!template.ok) {
    // Every problem, each with its place, so the operator fixes the template in one go.
    throw new PartnerError(
      PartnerErrorCode.INVALID_BODY_TEMPLATE,
      template.problems
        .map((problem) => `line ${problem.line}, column ${problem.column}: ${problem.message}`)
        .join('; '),
      `${at}.bodyTemplate`,
    );
  }
  // LeadRail allows custom headers for every method, beyond the spec (docs/delivery-templates.md).
  const headers = internet.headers ?? {};
  if (typeof headers !== 'object' || Array.isArray(headers)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_HEADER,
      'must be an object of header names to text values',
      `${at}.headers`,
    );
  }
  const checked = checkHeaders(internet.method, headers);
  if (!checked.ok) {
    const first = checked.problems[0]!;
    throw new PartnerError(
      PartnerErrorCode.INVALID_HEADER,
      first.message,
      `${at}.headers.${first.header}`,
    );
  }
  return {
    email: input.email,
    internet: {
      method: internet.method,
      url: internet.url,
      bodyTemplate: body,
      headers: { ...headers },
      ...toDeliveryOptions(internet, at),
    },
  };
}

/** The limits copied, or an error for one that is not a whole number of leads, 0 or more (0 disables it). */
export function toDeliveryLimits(limits: DeliveryLimits, field: string): DeliveryLimits {
  for (const key of ['daily', 'monthly'] as const) {
    const limit = limits[key];
    if (!Number.isSafeInteger(limit) || limit < 0) {
      throw new PartnerError(
        PartnerErrorCode.INVALID_LIMIT,
        'must be a whole number of leads, 0 or more (0 disables the limit)',
        `${field}.${key}`,
      );
    }
  }
  return { daily: limits.daily, monthly: limits.monthly };
}
