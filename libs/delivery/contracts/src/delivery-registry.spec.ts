import { parseIntegrationEvent } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { deliveryAttemptedV1 } from './delivery-attempted.v1';
import { deliveryRegistry } from './delivery-registry';

const examples = deliveryRegistry.definitions.flatMap((definition) =>
  definition.examples.map((example) => [example.name, example.payload] as const),
);

function attempted(mutate: (data: Record<string, unknown>) => void): string {
  const payload = structuredClone(deliveryAttemptedV1.examples[0]!.payload) as unknown as {
    data: Record<string, unknown>;
  };
  mutate(payload.data);
  const result = parseIntegrationEvent(JSON.stringify(payload), deliveryRegistry);
  return result.ok ? '' : result.message;
}

describe('deliveryRegistry', () => {
  it('holds v1 of the attempt and the three final outcomes, on the delivery topic', () => {
    expect(deliveryRegistry.definitions.map((definition) => definition.type)).toEqual([
      'DeliveryAttempted',
      'DeliverySucceeded',
      'DeliveryRejected',
      'DeliveryFailed',
    ]);
    expect(deliveryRegistry.topics()).toEqual([Topics.delivery]);
  });

  it.each(examples)('accepts the example %s', (_name, payload) => {
    const result = parseIntegrationEvent(JSON.stringify(payload), deliveryRegistry);
    expect(result.ok ? '' : result.message).toBe('');
  });

  it('refuses an outcome, channel or status it does not know', () => {
    expect(attempted((data) => (data.outcome = 'maybe'))).toContain('outcome');
    expect(attempted((data) => (data.channel = 'fax'))).toContain('channel');
    expect(attempted((data) => (data.httpStatus = 99))).toContain('httpStatus');
    expect(attempted((data) => (data.attempt = 0))).toContain('attempt');
    expect(attempted((data) => (data.httpStatus = null))).toBe('');
  });
});
