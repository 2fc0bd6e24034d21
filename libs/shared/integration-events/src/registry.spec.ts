import { Topics } from '@leadrail/topics';
import { chargeRecordedV1 } from './__fixtures__/charge-recorded';
import { defineIntegrationEvent } from './definition';
import { IntegrationEventRegistry } from './registry';

const chargeRecordedV2 = defineIntegrationEvent({
  ...chargeRecordedV1,
  version: 2,
  topic: Topics.notifications,
  examples: chargeRecordedV1.examples.map((example) => ({
    ...example,
    payload: { ...example.payload, version: 2 as const },
  })),
});

describe(IntegrationEventRegistry.name, () => {
  const registry = new IntegrationEventRegistry([chargeRecordedV2, chargeRecordedV1]);

  it('finds a definition by type and version', () => {
    expect(registry.find('ChargeRecorded', 1)).toBe(chargeRecordedV1);
    expect(registry.find('ChargeRecorded', 2)).toBe(chargeRecordedV2);
    expect(registry.find('ChargeRecorded', 3)).toBeUndefined();
    expect(registry.find('LeadReceived', 1)).toBeUndefined();
  });

  it('lists the versions of a type and the topics, sorted', () => {
    expect(registry.versionsOf('ChargeRecorded')).toEqual([1, 2]);
    expect(registry.versionsOf('LeadReceived')).toEqual([]);
    expect(registry.topics()).toEqual([Topics.billing, Topics.notifications]);
    expect(registry.describe()).toBe('ChargeRecorded v2, ChargeRecorded v1');
  });

  it('refuses two definitions of the same type and version', () => {
    expect(() => new IntegrationEventRegistry([chargeRecordedV1, chargeRecordedV1])).toThrow(
      'ChargeRecorded v1 is registered twice',
    );
  });
});

describe(defineIntegrationEvent.name, () => {
  it('refuses a type that is not PascalCase, a version below 1 and a contract without examples', () => {
    expect(() =>
      defineIntegrationEvent({ ...chargeRecordedV1, type: 'charge_recorded', examples: [] }),
    ).toThrow('the event type must be PascalCase');
    expect(() => defineIntegrationEvent({ ...chargeRecordedV1, version: 0, examples: [] })).toThrow(
      'the version must be an integer from 1',
    );
    expect(() => defineIntegrationEvent({ ...chargeRecordedV1, examples: [] })).toThrow(
      'needs a description and at least one example',
    );
  });
});
