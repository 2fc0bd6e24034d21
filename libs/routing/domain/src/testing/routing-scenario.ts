import { WEEKDAYS, type DayWindow, type Weekday, type WeeklySchedule } from '@leadrail/schedule';
import type {
  AllocateLead,
  LedgerCommandMetadata,
  ReleaseAllocation,
} from '../ledger/ledger-commands';
import type { LeadAllocatedToPartner, LedgerEvent } from '../ledger/ledger-events';
import type { LeadToRoute } from '../model/lead-to-route';
import type { Money } from '../model/money';
import type { RoutingPartner } from '../model/routing-partner';

// Builders for routing tests: one partner and one lead that match, which each
// test then bends in the one way it is about.

export const PARTNER_ID = 'acme-mortgages';
export const LEAD_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
/** A Wednesday, 10:00 in London (GMT). */
export const NOW = new Date('2026-11-25T10:00:00.000Z');
export const TODAY = '2026-11-25';
export const THIS_MONTH = '2026-11';

/** An amount in pence. */
export function gbp(amount: number): Money {
  return { amount, currency: 'GBP' };
}

/** A schedule open only on the given days, in the given windows. */
export function scheduleOf(
  timeZone: string,
  windows: Partial<Record<Weekday, Omit<DayWindow, 'enabled'>>>,
): WeeklySchedule {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const window = windows[day];
      return [
        day,
        window === undefined
          ? { enabled: false, from: '00:00', to: '00:00' }
          : { enabled: true, ...window },
      ];
    }),
  ) as Record<Weekday, DayWindow>;
  return { timeZone, days };
}

/** Every day, all day. */
export function alwaysOpen(timeZone = 'Europe/London'): WeeklySchedule {
  return scheduleOf(
    timeZone,
    Object.fromEntries(WEEKDAYS.map((day) => [day, { from: '00:00', to: '00:00' }])),
  );
}

/** A pre-pay partner billed at delivery that buys mortgage leads anywhere, always open, no limits. */
export function routingPartner(overrides: Partial<RoutingPartner> = {}): RoutingPartner {
  return {
    partnerId: PARTNER_ID,
    isPartner: true,
    active: true,
    paused: false,
    buys: [{ leadType: 'mortgage', postcodes: [], criteria: [], leadValue: null }],
    priority: 0,
    defaultLeadValue: gbp(2500),
    deliveryConfigured: true,
    schedule: alwaysOpen(),
    limits: { daily: 0, monthly: 0 },
    payment: { mode: 'pre-pay' },
    billingPoint: 'delivery',
    ...overrides,
  };
}

/** A mortgage lead from London SW1A. */
export function leadToRoute(overrides: Partial<LeadToRoute> = {}): LeadToRoute {
  return {
    leadId: LEAD_ID,
    leadType: 'mortgage',
    area: { country: 'GB', city: 'London', postcodeDistrict: 'SW1A' },
    answers: { property_value: 350000, first_time_buyer: true, purpose: 'Remortgage' },
    recordedAt: '2026-11-25T09:59:00.000Z',
    ...overrides,
  };
}

/** The routing process at {@link NOW}. */
export function byRouting(occurredAt = NOW.toISOString()): LedgerCommandMetadata {
  return { actor: { type: 'system', id: 'routing' }, occurredAt };
}

/** AllocateLead of `leadId` today, no limits, reserving £25 of £100 at revision 1. */
export function allocateLead(
  overrides: Partial<AllocateLead['data']> = {},
  metadata = byRouting(),
): AllocateLead {
  return {
    type: 'AllocateLead',
    data: {
      partnerId: PARTNER_ID,
      leadId: LEAD_ID,
      localDay: TODAY,
      localMonth: THIS_MONTH,
      limits: { daily: 0, monthly: 0 },
      reservation: { amount: gbp(2500), available: gbp(10000), fundsRevision: 1 },
      ...overrides,
    },
    metadata,
  };
}

/** ReleaseAllocation of `leadId`. */
export function releaseAllocation(
  leadId = LEAD_ID,
  reason: ReleaseAllocation['data']['reason'] = 'delivery-failed',
): ReleaseAllocation {
  return {
    type: 'ReleaseAllocation',
    data: { partnerId: PARTNER_ID, leadId, reason },
    metadata: byRouting(),
  };
}

/** The event {@link allocateLead} decides on an empty ledger, bent by `overrides`. */
export function leadAllocated(
  overrides: Partial<LeadAllocatedToPartner['data']> = {},
): LedgerEvent {
  return {
    type: 'LeadAllocatedToPartner',
    data: {
      partnerId: PARTNER_ID,
      leadId: LEAD_ID,
      localDay: TODAY,
      localMonth: THIS_MONTH,
      dailyCount: 1,
      monthlyCount: 1,
      limits: { daily: 0, monthly: 0 },
      reserved: gbp(2500),
      fundsRevision: 1,
      allocatedAt: NOW.toISOString(),
      ...overrides,
    },
  };
}

/** `count` leads allocated on `day` (ids `lead-1`…), without reservations. */
export function allocatedLeads(count: number, day = TODAY): LedgerEvent[] {
  return Array.from({ length: count }, (_, index) =>
    leadAllocated({
      leadId: `lead-${index + 1}`,
      localDay: day,
      localMonth: day.slice(0, 7),
      dailyCount: index + 1,
      monthlyCount: index + 1,
      reserved: null,
      fundsRevision: null,
    }),
  );
}
