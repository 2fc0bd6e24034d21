import { parseIntegrationEvent } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { partnersRegistry } from './partners-registry';

const examples = partnersRegistry.definitions.flatMap((definition) =>
  definition.examples.map((example) => ({ definition, example })),
);

describe('partnersRegistry', () => {
  it('holds v1 of all 19 partner events, on the partners topic, keyed by partner id', () => {
    expect(partnersRegistry.definitions).toHaveLength(19);
    expect(partnersRegistry.topics()).toEqual([Topics.partners]);
    for (const { definition, example } of examples) {
      // The union of definitions only takes the intersection of their data; each takes its own.
      const key = definition.key as { of(data: object): string };
      expect(key.of(example.payload.data)).toBe(example.payload.data.partnerId);
    }
  });

  // What the relay writes for each domain event must parse: the examples are
  // shaped as the partners service emits them, nulls included.
  it.each(examples.map(({ example }) => [example.name, example] as const))(
    'accepts the example %s',
    (_name, example) => {
      const result = parseIntegrationEvent(JSON.stringify(example.payload), partnersRegistry);
      expect(result.ok ? '' : result.message).toBe('');
    },
  );

  it('refuses a nullable field that is missing instead of null', () => {
    const [example] = partnersRegistry.find('DeliveryConfigured', 1)?.examples ?? [];
    const payload = structuredClone(example?.payload) as { data: { delivery: object } };
    payload.data.delivery = { email: true };
    const result = parseIntegrationEvent(JSON.stringify(payload), partnersRegistry);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain('data.delivery.internet');
  });

  it('refuses a null where the domain never writes one', () => {
    const [example] = partnersRegistry.find('LeadCostSet', 1)?.examples ?? [];
    const payload = structuredClone(example?.payload) as { data: { leadCost: unknown } };
    payload.data.leadCost = null;
    expect(parseIntegrationEvent(JSON.stringify(payload), partnersRegistry).ok).toBe(false);
  });
});
