import type { LeadToRoute, RoutingPartner } from '@leadrail/routing-domain';
import type { RoutingPartnerRecord } from '../partner-view/routing-partner-record';
import { toRoutingPartner } from '../partner-view/to-routing-partner';

/** A Wednesday, 10:00 in London (GMT). */
export const NOW = new Date('2026-11-25T10:00:00.000Z');

const ALL_DAY = { enabled: true, from: '00:00', to: '00:00' };

/**
 * Routing's record of a post-pay partner (credit GBP 1,000) billed at
 * delivery that buys mortgage leads anywhere, always open, no limits, by email.
 */
export function partnerRecord(
  partnerId: string,
  overrides: Partial<RoutingPartnerRecord> = {},
): RoutingPartnerRecord {
  return {
    partnerId,
    isPartner: true,
    active: true,
    paused: false,
    leadValue: { amount: 2500, currency: 'GBP' },
    leadTypes: [{ leadType: 'mortgage', postcodes: [], criteria: [], leadValue: null }],
    selectionPriority: 50,
    delivery: { email: true, internet: false },
    schedule: {
      timeZone: 'Europe/London',
      days: {
        mon: ALL_DAY,
        tue: ALL_DAY,
        wed: ALL_DAY,
        thu: ALL_DAY,
        fri: ALL_DAY,
        sat: ALL_DAY,
        sun: ALL_DAY,
      },
    },
    limits: { daily: 0, monthly: 0 },
    payment: { mode: 'post-pay', creditLimit: { amount: 100_000, currency: 'GBP' } },
    billingPoint: 'delivery',
    currency: 'GBP',
    lastEventId: '00000000-0000-4000-8000-000000000000',
    ...overrides,
  };
}

/** {@link partnerRecord} as the domain reads it. */
export function routingPartner(
  partnerId: string,
  overrides: Partial<RoutingPartnerRecord> = {},
): RoutingPartner {
  return toRoutingPartner(partnerRecord(partnerId, overrides));
}

/** A mortgage lead from London SW1A. */
export function leadToRoute(overrides: Partial<LeadToRoute> = {}): LeadToRoute {
  return {
    leadId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    leadType: 'mortgage',
    area: { country: 'GB', city: 'London', postcodeDistrict: 'SW1A' },
    answers: { property_value: 350000 },
    recordedAt: '2026-11-25T09:59:00.000Z',
    ...overrides,
  };
}
