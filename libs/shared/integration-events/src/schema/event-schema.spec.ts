import { Topics } from '@leadrail/topics';
import { billingRegistry, chargeRecordedV1 } from '../__fixtures__/charge-recorded';
import { JsonObject } from '../json';
import { integrationEventsAsyncApi } from './asyncapi';
import { integrationEventJsonSchema, integrationEventSchemaName } from './event-schema';

function at(value: unknown, ...path: string[]): JsonObject {
  return path.reduce<unknown>((node, key) => (node as JsonObject)[key], value) as JsonObject;
}

describe(integrationEventJsonSchema.name, () => {
  const schema = integrationEventJsonSchema(chargeRecordedV1);

  it('requires every envelope field, fixes type and version, and refuses unknown properties', () => {
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'ChargeRecorded v1',
      type: 'object',
      additionalProperties: false,
      required: [
        'eventId',
        'type',
        'version',
        'occurredAt',
        'correlationId',
        'causationId',
        'source',
        'data',
      ],
    });
    expect(at(schema, 'properties', 'type')).toMatchObject({ const: 'ChargeRecorded' });
    expect(at(schema, 'properties', 'version')).toMatchObject({ type: 'integer', const: 1 });
    expect(at(schema, 'properties', 'eventId')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(at(schema, 'properties', 'data', 'allOf')).toEqual([
      { $ref: '#/definitions/ChargeRecordedData' },
    ]);
  });

  it('defines every class the data reaches, each closed to unknown properties', () => {
    const definitions = at(schema, 'definitions');
    expect(Object.keys(definitions).sort()).toEqual(['ChargeLine', 'ChargeRecordedData', 'Money']);
    for (const definition of Object.values(definitions)) {
      expect(definition).toMatchObject({ type: 'object', additionalProperties: false });
    }
    expect(at(definitions, 'ChargeRecordedData', 'required')).toEqual([
      'chargeId',
      'price',
      'lines',
    ]);
    expect(at(definitions, 'ChargeRecordedData', 'properties', 'lines')).toEqual({
      type: 'array',
      items: { $ref: '#/definitions/ChargeLine' },
    });
  });

  it('describes money as whole, non-negative minor units and an upper-case code', () => {
    expect(at(schema, 'definitions', 'Money', 'properties', 'amount')).toMatchObject({
      type: 'integer',
      minimum: 0,
    });
    expect(at(schema, 'definitions', 'Money', 'properties', 'currency')).toMatchObject({
      type: 'string',
      pattern: '^[A-Z]{3}$',
    });
  });

  it('carries the examples', () => {
    expect(schema.examples).toEqual(chargeRecordedV1.examples.map((example) => example.payload));
  });
});

describe(integrationEventsAsyncApi.name, () => {
  const document = integrationEventsAsyncApi(billingRegistry, {
    title: 'Test',
    version: '1.0.0',
    description: 'Test events',
  });
  const name = integrationEventSchemaName(chargeRecordedV1);

  it('lists each topic as a channel with its messages', () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(at(document, 'channels', Topics.billing)).toMatchObject({
      address: Topics.billing,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    });
  });

  it("gives each message the event's schema as payload and describes the key", () => {
    expect(at(document, 'components', 'messages', name)).toMatchObject({
      name: 'ChargeRecorded',
      payload: { $ref: `#/components/schemas/${name}` },
      bindings: { kafka: { key: { type: 'string', description: 'data.chargeId' } } },
    });
    expect(at(document, 'components', 'schemas', name, 'properties', 'data', 'allOf')).toEqual([
      { $ref: '#/components/schemas/ChargeRecordedData' },
    ]);
    expect(Object.keys(at(document, 'components', 'schemas')).sort()).toEqual([
      'ChargeLine',
      'ChargeRecorded.v1',
      'ChargeRecordedData',
      'Money',
    ]);
  });
});
