import { integrationEventJsonSchema, JsonObject } from '@leadrail/integration-events';
import { leadReceivedV1 } from './lead-received.v1';

function at(value: unknown, ...path: string[]): JsonObject {
  return path.reduce<unknown>((node, key) => (node as JsonObject)[key], value) as JsonObject;
}

describe(`${leadReceivedV1.type} JSON Schema`, () => {
  const schema = integrationEventJsonSchema(leadReceivedV1);
  const definitions = at(schema, 'definitions');

  it('defines the data and every nested object, each closed to unknown properties', () => {
    expect(Object.keys(definitions).sort()).toEqual([
      'LeadAddress',
      'LeadConsent',
      'LeadContact',
      'LeadReceivedV1Data',
    ]);
    for (const definition of Object.values(definitions)) {
      expect(definition).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('requires exactly the mandatory fields', () => {
    expect(at(definitions, 'LeadReceivedV1Data', 'required')).toEqual([
      'leadId',
      'introducerId',
      'leadType',
      'contact',
      'consent',
      'receivedAt',
    ]);
    expect(at(definitions, 'LeadContact', 'required')).toEqual(['firstName', 'lastName']);
    expect(at(definitions, 'LeadAddress', 'required')).toEqual([
      'line1',
      'city',
      'postcode',
      'country',
    ]);
    expect(at(definitions, 'LeadConsent', 'required')).toEqual([
      'contactByPhone',
      'contactByEmail',
      'capturedAt',
    ]);
  });

  it('says that a contact needs an email or a phone', () => {
    expect(at(definitions, 'LeadReceivedV1Data', 'properties', 'contact')).toMatchObject({
      anyOf: [{ required: ['email'] }, { required: ['phone'] }],
      allOf: [{ $ref: '#/definitions/LeadContact' }],
    });
  });

  it('states the formats and limits of the fields', () => {
    const data = at(definitions, 'LeadReceivedV1Data', 'properties');
    expect(data.leadId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(data.receivedAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(data.answers).toMatchObject({
      type: 'object',
      maxProperties: 50,
      propertyNames: { maxLength: 64 },
    });
    const contact = at(definitions, 'LeadContact', 'properties');
    expect(contact.email).toMatchObject({ type: 'string', format: 'email', maxLength: 254 });
    expect(contact.phone).toMatchObject({ pattern: '^\\+[1-9]\\d{6,14}$' });
  });
});
