import { evolveLedger } from '../ledger/evolve-ledger';
import type { LedgerEvent } from '../ledger/ledger-events';
import { initialLedgerState, type PartnerLedgerState } from '../ledger/ledger-state';
import type { PartnerFunds } from '../model/partner-funds';
import {
  NOW,
  TODAY,
  allocatedLeads,
  gbp,
  leadAllocated,
  leadToRoute,
  routingPartner,
  scheduleOf,
} from '../testing/routing-scenario';
import { eligibility } from './eligibility';

const EMPTY = initialLedgerState();
const FUNDS: PartnerFunds = { balance: gbp(10000), revision: 1 };
const ledgerOf = (events: LedgerEvent[]): PartnerLedgerState =>
  events.reduce(evolveLedger, initialLedgerState());
const reasonCodes = (result: ReturnType<typeof eligibility>) =>
  result.eligible ? [] : result.reasons.map((reason) => reason.code);

describe(eligibility.name, () => {
  it('finds a partner eligible, with its value, local day and reservation', () => {
    expect(eligibility(routingPartner(), EMPTY, FUNDS, leadToRoute(), NOW)).toEqual({
      eligible: true,
      leadValue: gbp(2500),
      localDay: TODAY,
      localMonth: '2026-11',
      reservation: { amount: gbp(2500), available: gbp(10000), fundsRevision: 1 },
    });
  });

  it('gives every reason that applies, not only the first', () => {
    const partner = routingPartner({
      isPartner: false,
      defaultLeadValue: null,
      active: false,
      paused: true,
      deliveryConfigured: false,
      buys: [],
    });
    expect(reasonCodes(eligibility(partner, EMPTY, FUNDS, leadToRoute(), NOW))).toEqual([
      'not-a-partner',
      'inactive',
      'paused',
      'does-not-buy-type',
      'no-delivery-method',
    ]);
  });

  it('uses the lead type’s own Lead Value over the default', () => {
    const partner = routingPartner({
      buys: [{ leadType: 'mortgage', postcodes: [], criteria: [], leadValue: gbp(4000) }],
    });
    const result = eligibility(partner, EMPTY, FUNDS, leadToRoute(), NOW);
    expect(result).toMatchObject({ eligible: true, leadValue: gbp(4000) });
  });

  it('matches postcode areas and districts', () => {
    const buying = (postcodes: string[]) =>
      routingPartner({
        buys: [{ leadType: 'mortgage', postcodes, criteria: [], leadValue: null }],
      });
    const lead = leadToRoute();
    expect(eligibility(buying(['SW']), EMPTY, FUNDS, lead, NOW).eligible).toBe(true);
    expect(eligibility(buying(['M', 'SW1A']), EMPTY, FUNDS, lead, NOW).eligible).toBe(true);
    expect(eligibility(buying(['S', 'SW1B']), EMPTY, FUNDS, lead, NOW)).toEqual({
      eligible: false,
      reasons: [{ code: 'outside-area', postcodeDistrict: 'SW1A' }],
    });
  });

  it('names each answer criterion that fails', () => {
    const partner = routingPartner({
      buys: [
        {
          leadType: 'mortgage',
          postcodes: [],
          criteria: [
            { field: 'property_value', operator: 'gte', value: 500000 },
            { field: 'purpose', operator: 'in', value: ['remortgage', 'purchase'] },
            { field: 'income', operator: 'gt', value: 0 },
          ],
          leadValue: null,
        },
      ],
    });
    expect(eligibility(partner, EMPTY, FUNDS, leadToRoute(), NOW)).toEqual({
      eligible: false,
      reasons: [
        { code: 'criterion-failed', field: 'property_value', operator: 'gte' },
        { code: 'criterion-failed', field: 'income', operator: 'gt' },
      ],
    });
  });

  it('refuses outside the schedule, saying the local time', () => {
    const partner = routingPartner({
      schedule: scheduleOf('America/New_York', { wed: { from: '09:00', to: '17:00' } }),
    });
    // 10:00 UTC is 05:00 in New York.
    expect(eligibility(partner, EMPTY, FUNDS, leadToRoute(), NOW)).toEqual({
      eligible: false,
      reasons: [{ code: 'outside-schedule', timeZone: 'America/New_York', localTime: 'wed 05:00' }],
    });
  });

  it('counts the daily limit on the partner’s own calendar day', () => {
    const partner = routingPartner({
      limits: { daily: 2, monthly: 0 },
      schedule: { ...routingPartner().schedule, timeZone: 'America/New_York' },
    });
    const ledger = ledgerOf(allocatedLeads(2, '2026-11-30'));
    // 04:00 UTC on 1 December is still 30 November in New York.
    const lateInNewYork = new Date('2026-12-01T04:00:00.000Z');
    expect(eligibility(partner, ledger, FUNDS, leadToRoute(), lateInNewYork)).toEqual({
      eligible: false,
      reasons: [{ code: 'daily-limit-reached', count: 2, limit: 2, localDay: '2026-11-30' }],
    });
    // One hour later it is 1 December there: a new day, and a new month.
    expect(
      eligibility(partner, ledger, FUNDS, leadToRoute(), new Date('2026-12-01T05:00:00.000Z')),
    ).toMatchObject({ eligible: true, localDay: '2026-12-01', localMonth: '2026-12' });
  });

  it('refuses once the monthly limit is reached', () => {
    const partner = routingPartner({ limits: { daily: 0, monthly: 3 } });
    const ledger = ledgerOf(allocatedLeads(3, '2026-11-02'));
    expect(reasonCodes(eligibility(partner, ledger, FUNDS, leadToRoute(), NOW))).toEqual([
      'monthly-limit-reached',
    ]);
  });

  it('weighs funds net of open reservations', () => {
    const ledger = ledgerOf(['a', 'b', 'c'].map((leadId) => leadAllocated({ leadId })));
    const funds = { balance: gbp(9000), revision: 1 };
    expect(eligibility(routingPartner(), ledger, funds, leadToRoute(), NOW)).toEqual({
      eligible: false,
      reasons: [
        {
          code: 'insufficient-funds',
          available: gbp(9000),
          committed: gbp(7500),
          needed: gbp(2500),
        },
      ],
    });
  });

  it('adds the credit limit for a post-pay partner', () => {
    const partner = routingPartner({ payment: { mode: 'post-pay', creditLimit: gbp(5000) } });
    const overdrawn = { balance: gbp(-2000), revision: 1 };
    expect(eligibility(partner, EMPTY, overdrawn, leadToRoute(), NOW)).toMatchObject({
      eligible: true,
      reservation: { available: gbp(3000) },
    });
    const used = { balance: gbp(-3000), revision: 1 };
    expect(reasonCodes(eligibility(partner, EMPTY, used, leadToRoute(), NOW))).toEqual([
      'insufficient-funds',
    ]);
  });

  it('refuses when funds are needed and unknown, stale or in another currency', () => {
    const detail = (funds: PartnerFunds | null, ledger = EMPTY) => {
      const result = eligibility(routingPartner(), ledger, funds, leadToRoute(), NOW);
      return result.eligible ? null : result.reasons;
    };
    expect(detail(null)).toEqual([{ code: 'funds-unknown', detail: 'no-account' }]);
    expect(detail(FUNDS, ledgerOf([leadAllocated({ leadId: 'x', fundsRevision: 4 })]))).toEqual([
      { code: 'funds-unknown', detail: 'stale' },
    ]);
    expect(detail({ balance: { amount: 10000, currency: 'EUR' }, revision: 1 })).toEqual([
      { code: 'funds-unknown', detail: 'currency-mismatch' },
    ]);
  });

  it('routes without funds a partner charged only at qualification or conversion', () => {
    const partner = routingPartner({ billingPoint: 'conversion' });
    expect(eligibility(partner, EMPTY, null, leadToRoute(), NOW)).toMatchObject({
      eligible: true,
      reservation: null,
    });
  });

  it('opens a window over the repeated hour twice on the day London falls back', () => {
    const partner = routingPartner({
      schedule: scheduleOf('Europe/London', { sun: { from: '01:30', to: '02:30' } }),
    });
    const at = (iso: string) => eligibility(partner, EMPTY, FUNDS, leadToRoute(), new Date(iso));
    // 01:45 BST, then 01:45 GMT an hour later: both inside, both on 25 October.
    expect(at('2026-10-25T00:45:00.000Z')).toMatchObject({
      eligible: true,
      localDay: '2026-10-25',
    });
    expect(at('2026-10-25T01:45:00.000Z')).toMatchObject({
      eligible: true,
      localDay: '2026-10-25',
    });
    expect(at('2026-10-25T02:30:00.000Z').eligible).toBe(false);
  });

  it('counts the 23 hours of the day New York springs forward as one day', () => {
    const partner = routingPartner({
      limits: { daily: 1, monthly: 0 },
      schedule: { ...routingPartner().schedule, timeZone: 'America/New_York' },
    });
    const ledger = ledgerOf(allocatedLeads(1, '2026-03-08'));
    // 00:30 EST and 23:30 EDT on 8 March: the same local day, already used up.
    for (const iso of ['2026-03-08T05:30:00.000Z', '2026-03-09T03:30:00.000Z']) {
      expect(
        reasonCodes(eligibility(partner, ledger, FUNDS, leadToRoute(), new Date(iso))),
      ).toEqual(['daily-limit-reached']);
    }
    expect(
      eligibility(partner, ledger, FUNDS, leadToRoute(), new Date('2026-03-09T04:00:00.000Z')),
    ).toMatchObject({ eligible: true, localDay: '2026-03-09' });
  });

  it('covers the small hours from a window that crosses midnight', () => {
    const partner = routingPartner({
      schedule: scheduleOf('Europe/London', { fri: { from: '22:00', to: '02:00' } }),
    });
    // Saturday 28 November 01:30 GMT, inside Friday's window.
    const saturday = new Date('2026-11-28T01:30:00.000Z');
    expect(eligibility(partner, EMPTY, FUNDS, leadToRoute(), saturday)).toMatchObject({
      eligible: true,
      localDay: '2026-11-28',
    });
  });
});
