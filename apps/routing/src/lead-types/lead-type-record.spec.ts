import { parseIntegrationEvent } from '@leadrail/integration-events';
import { LEADS_SOURCE, leadsRegistry } from '@leadrail/leads-contracts';
import { leadTypeStrategy } from '@leadrail/routing-domain';
import {
  ROUTING_LEAD_TYPE_EVENT_TYPES,
  type RoutingLeadTypeEvent,
  type RoutingLeadTypeRecord,
  applyLeadTypeEvent,
} from './lead-type-record';

let sequence = 0;

/** A lead-type event as routing's consumer receives it: parsed against the leads contracts. */
function leadTypeEvent(type: RoutingLeadTypeEvent['type'], data: object): RoutingLeadTypeEvent {
  sequence += 1;
  const eventId = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  const payload = {
    eventId,
    type,
    version: 1,
    occurredAt: '2026-11-27T10:00:00.000Z',
    correlationId: eventId,
    causationId: eventId,
    source: LEADS_SOURCE,
    data: { slug: 'mortgage', name: 'Mortgage', ...data },
  };
  const parsed = parseIntegrationEvent(JSON.stringify(payload), leadsRegistry);
  if (!parsed.ok) {
    throw new Error(parsed.message);
  }
  return parsed.event as RoutingLeadTypeEvent;
}

const defined = (data: object = {}) =>
  leadTypeEvent('LeadTypeDefined', { definedAt: '2026-11-27T10:00:00.000Z', ...data });
const changed = (data: object = {}) =>
  leadTypeEvent('LeadTypeChanged', {
    active: true,
    changedAt: '2026-11-27T10:00:00.000Z',
    ...data,
  });

function fold(events: RoutingLeadTypeEvent[]): RoutingLeadTypeRecord | null {
  return events.reduce<RoutingLeadTypeRecord | null>(applyLeadTypeEvent, null);
}

describe(applyLeadTypeEvent.name, () => {
  it('subscribes to the lead-type catalogue only', () => {
    expect(ROUTING_LEAD_TYPE_EVENT_TYPES).toEqual(['LeadTypeDefined', 'LeadTypeChanged']);
  });

  it('keeps the routing method a lead type is defined with', () => {
    const event = defined({ routingMethod: 'weighted' });
    expect(applyLeadTypeEvent(null, event)).toEqual({
      leadType: 'mortgage',
      routingMethod: 'weighted',
      active: true,
      lastEventId: event.eventId,
    });
  });

  it('follows a change of method, and of whether the type is active', () => {
    expect(fold([defined(), changed({ routingMethod: 'weighted', active: false })])).toMatchObject({
      routingMethod: 'weighted',
      active: false,
    });
    expect(
      fold([defined({ routingMethod: 'weighted' }), changed({ routingMethod: 'round-robin' })]),
    ).toMatchObject({ routingMethod: 'round-robin', active: true });
  });

  it('reads events from before routing methods: a definition is round-robin, a change keeps the method', () => {
    expect(fold([defined()])).toMatchObject({ routingMethod: 'round-robin' });
    expect(
      fold([defined({ routingMethod: 'weighted' }), changed({ name: 'Home loans' })]),
    ).toMatchObject({ routingMethod: 'weighted' });
    // A type first heard of through such a change (its definition consumed before routing had this view).
    expect(fold([changed({ active: false })])).toMatchObject({
      routingMethod: 'round-robin',
      active: false,
    });
  });

  it("gives the lead type's strategy: exclusive, by its method", () => {
    const record = fold([defined({ routingMethod: 'weighted' })]);
    expect(leadTypeStrategy(record?.routingMethod ?? null)).toEqual({
      method: 'weighted',
      maxPartners: 1,
    });
    expect(leadTypeStrategy(null)).toEqual({ method: 'round-robin', maxPartners: 1 });
  });
});
