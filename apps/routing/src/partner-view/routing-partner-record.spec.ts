import { parseIntegrationEvent } from '@leadrail/integration-events';
import {
  EXAMPLE_PARTNER_ID,
  brokerRegisteredWithFullSettings,
  partnersRegistry,
} from '@leadrail/partners-contracts';
import {
  DEFAULT_SELECTION_PRIORITY,
  type RoutingPartnerEvent,
  type RoutingPartnerRecord,
  applyPartnerEvent,
} from './routing-partner-record';
import { toRoutingPartner } from './to-routing-partner';

let sequence = 0;

/** A partner event as routing's consumer receives it: parsed against the partners contracts. */
function partnerEvent(type: RoutingPartnerEvent['type'], data: object): RoutingPartnerEvent {
  sequence += 1;
  const payload = {
    eventId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    version: 1,
    occurredAt: '2026-11-27T10:00:00.000Z',
    correlationId: '00000000-0000-4000-8000-000000000000',
    causationId: '00000000-0000-4000-8000-000000000000',
    source: 'leadrail.partners',
    data: { partnerId: EXAMPLE_PARTNER_ID, ...data },
  };
  const parsed = parseIntegrationEvent(JSON.stringify(payload), partnersRegistry);
  if (!parsed.ok) {
    throw new Error(parsed.message);
  }
  return parsed.event as RoutingPartnerEvent;
}

function registered(): RoutingPartnerRecord {
  const parsed = parseIntegrationEvent(
    JSON.stringify(brokerRegisteredWithFullSettings.payload),
    partnersRegistry,
  );
  if (!parsed.ok) {
    throw new Error(parsed.message);
  }
  const record = applyPartnerEvent(null, parsed.event as RoutingPartnerEvent);
  if (record === null) {
    throw new Error('registration ignored');
  }
  return record;
}

function fold(events: RoutingPartnerEvent[]): RoutingPartnerRecord | null {
  return events.reduce<RoutingPartnerRecord | null>(applyPartnerEvent, registered());
}

describe(applyPartnerEvent.name, () => {
  it('starts a registered partner buying nothing, at the default priority, with its settings', () => {
    expect(registered()).toEqual({
      partnerId: EXAMPLE_PARTNER_ID,
      isPartner: true,
      active: true,
      paused: false,
      leadValue: { amount: 3500, currency: 'GBP' },
      leadTypes: [],
      selectionPriority: DEFAULT_SELECTION_PRIORITY,
      delivery: { email: true, internet: true },
      schedule: brokerRegisteredWithFullSettings.payload.data.settings.schedule,
      limits: { daily: 20, monthly: 300 },
      payment: { mode: 'post-pay', creditLimit: { amount: 50000, currency: 'GBP' } },
      billingPoint: 'acceptance',
      currency: 'GBP',
      lastEventId: brokerRegisteredWithFullSettings.payload.eventId,
    });
  });

  it('keeps what the partner buys and its selection priority', () => {
    const record = fold([
      partnerEvent('LeadTypesBoughtChanged', {
        leadTypes: [
          {
            leadType: 'mortgage',
            postcodes: ['SW'],
            criteria: [{ field: 'property_value', operator: 'gte', value: 250000 }],
            leadValue: { amount: 4500, currency: 'GBP' },
          },
        ],
      }),
      partnerEvent('SelectionPriorityChanged', { selectionPriority: 80 }),
    ]);
    expect(record?.selectionPriority).toBe(80);
    expect(record?.leadTypes).toEqual([
      {
        leadType: 'mortgage',
        postcodes: ['SW'],
        criteria: [{ field: 'property_value', operator: 'gte', value: 250000 }],
        leadValue: { amount: 4500, currency: 'GBP' },
      },
    ]);
    expect(record?.lastEventId).toBe(
      '00000000-0000-4000-8000-' + String(sequence).padStart(12, '0'),
    );
  });

  it('follows pauses, deactivation, limits, delivery, payment and billing point', () => {
    const record = fold([
      partnerEvent('DeliveriesPaused', {
        pause: { by: { type: 'partner', id: EXAMPLE_PARTNER_ID }, at: '2026-11-27T10:00:00.000Z' },
      }),
      partnerEvent('PartnerDeactivated', {
        reason: 'Unpaid invoices',
        deactivatedAt: '2026-11-27T10:00:00.000Z',
      }),
      partnerEvent('DeliveryLimitsChanged', { limits: { daily: 10, monthly: 0 } }),
      partnerEvent('DeliveryConfigured', { delivery: { email: false, internet: null } }),
      partnerEvent('PaymentModeChanged', { payment: { mode: 'pre-pay' } }),
      partnerEvent('BillingPointChanged', { billingPoint: 'conversion' }),
    ]);
    expect(record).toMatchObject({
      paused: true,
      active: false,
      limits: { daily: 10, monthly: 0 },
      delivery: { email: false, internet: false },
      payment: { mode: 'pre-pay', creditLimit: null },
      billingPoint: 'conversion',
    });
  });

  it('ignores events about a partner it never saw registered', () => {
    expect(
      applyPartnerEvent(null, partnerEvent('SelectionPriorityChanged', { selectionPriority: 80 })),
    ).toBeNull();
  });
});

describe(toRoutingPartner.name, () => {
  it("maps routing's record to the domain's partner", () => {
    const record = fold([
      partnerEvent('LeadTypesBoughtChanged', {
        leadTypes: [{ leadType: 'mortgage', postcodes: [], criteria: [], leadValue: null }],
      }),
      partnerEvent('SelectionPriorityChanged', { selectionPriority: 70 }),
    ]);
    expect(record && toRoutingPartner(record)).toEqual({
      partnerId: EXAMPLE_PARTNER_ID,
      isPartner: true,
      active: true,
      paused: false,
      buys: [{ leadType: 'mortgage', postcodes: [], criteria: [], leadValue: null }],
      priority: 70,
      defaultLeadValue: { amount: 3500, currency: 'GBP' },
      deliveryConfigured: true,
      schedule: brokerRegisteredWithFullSettings.payload.data.settings.schedule,
      limits: { daily: 20, monthly: 300 },
      payment: { mode: 'post-pay', creditLimit: { amount: 50000, currency: 'GBP' } },
      billingPoint: 'acceptance',
    });
  });

  it("carries each lead type's weight, and none where the partners service sent none (weight 1)", () => {
    const record = fold([
      partnerEvent('LeadTypesBoughtChanged', {
        leadTypes: [
          { leadType: 'mortgage', postcodes: [], criteria: [], leadValue: null, weight: 3 },
          { leadType: 'pension', postcodes: [], criteria: [], leadValue: null },
        ],
      }),
    ]);
    expect(record && toRoutingPartner(record).buys).toEqual([
      { leadType: 'mortgage', postcodes: [], criteria: [], leadValue: null, weight: 3 },
      { leadType: 'pension', postcodes: [], criteria: [], leadValue: null },
    ]);
  });

  it('gives a post-pay partner without a credit limit no credit, in its own currency', () => {
    const record = fold([
      partnerEvent('PaymentModeChanged', { payment: { mode: 'post-pay' } }),
      partnerEvent('DeliveryConfigured', { delivery: { email: false, internet: null } }),
    ]);
    expect(record && toRoutingPartner(record)).toMatchObject({
      payment: { mode: 'post-pay', creditLimit: { amount: 0, currency: 'GBP' } },
      deliveryConfigured: false,
    });
  });
});
