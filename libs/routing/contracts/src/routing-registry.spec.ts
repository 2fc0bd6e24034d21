import { parseIntegrationEvent } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { routingRegistry } from './routing-registry';

const examples: { name: string; payload: object }[] = routingRegistry.definitions.flatMap(
  (definition) =>
    definition.examples.map((example) => ({ name: example.name, payload: example.payload })),
);

describe('routingRegistry', () => {
  it('holds v1 of the four routing events, on the routing topic', () => {
    expect(routingRegistry.definitions.map((definition) => definition.type)).toEqual([
      'LeadRouted',
      'LeadUnroutable',
      'LeadAllocationReleased',
      'LeadRoutingAbandoned',
    ]);
    expect(routingRegistry.topics()).toEqual([Topics.routing]);
  });

  it.each(examples.map((example) => [example.name, example] as const))(
    'accepts the example %s',
    (_name, example) => {
      const result = parseIntegrationEvent(JSON.stringify(example.payload), routingRegistry);
      expect(result.ok ? '' : result.message).toBe('');
    },
  );

  it('refuses a reason code it does not know', () => {
    const [example] = routingRegistry.find('LeadUnroutable', 1)?.examples ?? [];
    const payload = structuredClone(example?.payload) as unknown as {
      data: { decision: { candidates: { reasons: { code: string }[] }[] } };
    };
    const [candidate] = payload.data.decision.candidates;
    candidate!.reasons = [{ code: 'too-tired' }];
    const result = parseIntegrationEvent(JSON.stringify(payload), routingRegistry);
    expect(result.ok ? '' : result.message).toContain('code');
  });
});
