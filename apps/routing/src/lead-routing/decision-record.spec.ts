import { decideRouting, initialLedgerState, INITIAL_ROTATION } from '@leadrail/routing-domain';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { routingRegistry } from '@leadrail/routing-contracts';
import { fundsBefore } from '../funds/funds-view';
import { NOW, leadToRoute, routingPartner } from '../testing/routing-fixtures';
import { decisionRecord, reasonRecord } from './decision-record';

const ACME = '11111111-1111-4111-8111-111111111111';
const BOLT = '22222222-2222-4222-8222-222222222222';

describe(decisionRecord.name, () => {
  it('records every candidate with its reasons, in a shape the LeadRouted contract accepts', () => {
    const decision = decideRouting({
      lead: leadToRoute(),
      partners: [routingPartner(ACME, { paused: true }), routingPartner(BOLT)].map((partner) => ({
        partner,
        ledger: initialLedgerState(),
        funds: fundsBefore(partner),
      })),
      tried: [],
      strategy: { method: 'round-robin', maxPartners: 1 },
      rotation: INITIAL_ROTATION,
      now: NOW,
    });
    const record = decisionRecord(decision, [
      { partnerId: ACME, partnerEventId: null, ledgerRevision: null },
      { partnerId: BOLT, partnerEventId: null, ledgerRevision: 3 },
    ]);
    expect(record.candidates).toEqual([
      {
        partnerId: ACME,
        priority: 50,
        eligible: false,
        leadValue: null,
        reasons: [{ code: 'paused' }],
      },
      {
        partnerId: BOLT,
        priority: 50,
        eligible: true,
        leadValue: { amount: 2500, currency: 'GBP' },
        reasons: [],
      },
    ]);
    const payload = {
      eventId: '0f0e0d0c-0b0a-4009-8807-060504030201',
      type: 'LeadRouted',
      version: 1,
      occurredAt: NOW.toISOString(),
      correlationId: '0f0e0d0c-0b0a-4009-8807-060504030201',
      causationId: '0f0e0d0c-0b0a-4009-8807-060504030201',
      source: 'leadrail.routing',
      data: {
        leadId: decision.leadId,
        partnerId: BOLT,
        leadValue: { amount: 2500, currency: 'GBP' },
        decision: record,
      },
    };
    const parsed = parseIntegrationEvent(JSON.stringify(payload), routingRegistry);
    expect(parsed.ok ? '' : parsed.message).toBe('');
  });

  it('leaves out a postcode district the lead does not have', () => {
    expect(reasonRecord({ code: 'outside-area', postcodeDistrict: null })).toEqual({
      code: 'outside-area',
    });
    expect(reasonRecord({ code: 'outside-area', postcodeDistrict: 'SW1A' })).toEqual({
      code: 'outside-area',
      postcodeDistrict: 'SW1A',
    });
  });
});
