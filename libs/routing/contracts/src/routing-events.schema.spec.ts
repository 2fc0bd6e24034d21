import { integrationEventJsonSchema, JsonObject } from '@leadrail/integration-events';
import { leadRoutedV1 } from './lead-routed.v1';

function at(value: unknown, ...path: string[]): JsonObject {
  return path.reduce<unknown>((node, key) => (node as JsonObject)[key], value) as JsonObject;
}

describe(`${leadRoutedV1.type} JSON Schema`, () => {
  const definitions = at(integrationEventJsonSchema(leadRoutedV1), 'definitions');

  it('defines the data and every nested object, each closed to unknown properties', () => {
    expect(Object.keys(definitions).sort()).toEqual([
      'DecidedFromV1',
      'IneligibleReasonV1',
      'LeadRoutedV1Data',
      'Money',
      'RoutingCandidateV1',
      'RoutingDecisionV1',
      'RoutingStrategyV1',
      'SignedMoney',
    ]);
    for (const definition of Object.values(definitions)) {
      expect(definition).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('requires a reason only to have its code', () => {
    expect(at(definitions, 'IneligibleReasonV1', 'required')).toEqual(['code']);
    expect(at(definitions, 'RoutingCandidateV1', 'required')).toEqual([
      'partnerId',
      'priority',
      'eligible',
      'leadValue',
      'reasons',
    ]);
  });
});
