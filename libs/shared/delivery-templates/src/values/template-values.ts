import { ANSWER_PREFIX } from '../variables/template-variables';
import { clockValues } from './clock-values';
import { type Money, decimalAmount } from './money-values';
import type { TemplateValue, TemplateValues } from './template-value';

/** A postal address, as the LeadReceived contract carries it. */
export interface TemplateAddress {
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly postcode: string;
  readonly country: string;
}

/** Everything a delivery knows that templates may show. */
export interface TemplateInput {
  readonly lead: {
    readonly id: string;
    readonly type: string;
    /** ISO 8601 in UTC, as received. */
    readonly receivedAt: string;
    readonly externalReference?: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly email?: string;
    readonly phone?: string;
    readonly address?: TemplateAddress;
    readonly answers?: Readonly<Record<string, TemplateValue>>;
    /** The partner's price for this lead. */
    readonly value: Money;
  };
  readonly partner: { readonly id: string; readonly name: string; readonly timeZone: string };
  readonly introducer: { readonly id: string; readonly name: string };
  readonly delivery: { readonly id: string; readonly attempt: number };
  /** When the delivery is sent, from the caller's clock. */
  readonly now: Date;
}

/**
 * The values of every variable for one delivery, keyed by variable name, ready
 * for `renderTemplate`. Derived values (full name, decimal price, times) are
 * computed here so that every template shows them the same way.
 */
export function templateValues(input: TemplateInput): TemplateValues {
  const { lead, partner, introducer, delivery } = input;
  const now = clockValues(input.now, partner.timeZone);
  const answers = Object.entries(lead.answers ?? {}).map(
    ([key, answer]) => [`${ANSWER_PREFIX}${key}`, answer] as const,
  );
  return {
    ...Object.fromEntries(answers),
    'lead.id': lead.id,
    'lead.type': lead.type,
    'lead.received_at': lead.receivedAt,
    'lead.external_reference': lead.externalReference,
    'lead.first_name': lead.firstName,
    'lead.last_name': lead.lastName,
    'lead.full_name': `${lead.firstName} ${lead.lastName}`.trim(),
    'lead.email': lead.email,
    'lead.phone': lead.phone,
    'lead.address.line1': lead.address?.line1,
    'lead.address.line2': lead.address?.line2,
    'lead.address.city': lead.address?.city,
    'lead.address.postcode': lead.address?.postcode,
    'lead.address.country': lead.address?.country,
    'lead.value.amount': lead.value.amount,
    'lead.value.decimal': decimalAmount(lead.value),
    'lead.value.currency': lead.value.currency,
    'partner.id': partner.id,
    'partner.name': partner.name,
    'introducer.id': introducer.id,
    'introducer.name': introducer.name,
    'delivery.id': delivery.id,
    'delivery.attempt': delivery.attempt,
    'now.iso': now.iso,
    'now.date': now.date,
    'now.time': now.time,
    'now.local_iso': now.localIso,
  };
}
