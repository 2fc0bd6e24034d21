import { integrationEventJsonSchema, parseIntegrationEvent } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { billingRegistry } from './billing-registry';
import { partnerChargedV1 } from './partner-charged.v1';

const examples = billingRegistry.definitions.flatMap((definition) =>
  definition.examples.map((example) => [example.name, example.payload] as const),
);

function reparsed(mutate: (data: Record<string, unknown>) => void): string {
  const [example] = partnerChargedV1.examples;
  const payload = structuredClone(example!.payload) as unknown as { data: Record<string, unknown> };
  mutate(payload.data);
  const result = parseIntegrationEvent(JSON.stringify(payload), billingRegistry);
  return result.ok ? '' : result.message;
}

describe('billingRegistry', () => {
  it('holds v1 of the account movements, funds alerts and introducer payables, on the billing topic, keyed by partner', () => {
    expect(billingRegistry.definitions.map((definition) => definition.type)).toEqual([
      'PartnerAccountCredited',
      'PartnerAccountDebited',
      'PartnerCharged',
      'PartnerFundsLow',
      'PartnerFundsRestored',
      'IntroducerPayableRecorded',
      'IntroducerPayableReversed',
    ]);
    expect(billingRegistry.topics()).toEqual([Topics.billing]);
  });

  it.each(examples)('accepts the example %s', (_name, payload) => {
    const result = parseIntegrationEvent(JSON.stringify(payload), billingRegistry);
    expect(result.ok ? '' : result.message).toBe('');
  });

  it('refuses a fractional or missing balance, and a version before the first', () => {
    expect(reparsed((data) => (data.balanceAfter = { amount: 12.5, currency: 'GBP' }))).toContain(
      'balanceAfter',
    );
    expect(reparsed((data) => delete data.balanceAfter)).toContain('balanceAfter');
    expect(reparsed((data) => (data.accountVersion = 0))).toContain('accountVersion');
  });

  it('accepts a balance below zero (post-pay credit in use), not a charge below zero', () => {
    expect(reparsed((data) => (data.balanceAfter = { amount: -4000, currency: 'GBP' }))).toBe('');
    expect(reparsed((data) => (data.amount = { amount: -1, currency: 'GBP' }))).toContain('amount');
  });

  it('documents the inherited account fields in the JSON Schema', () => {
    const schema = integrationEventJsonSchema(partnerChargedV1) as {
      definitions: Record<string, { required?: string[] }>;
    };
    expect(schema.definitions.PartnerChargedV1Data?.required).toEqual(
      expect.arrayContaining([
        'partnerId',
        'accountVersion',
        'balanceAfter',
        'recordedAt',
        'leadId',
      ]),
    );
  });
});
