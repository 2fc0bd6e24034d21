import { integrationEventJsonSchema, JsonObject } from '@leadrail/integration-events';
import { leadRejectedV1 } from './intake-outcomes.v1';
import { leadRecordedV1 } from './lead-recorded.v1';
import { leadPersonalDataErasedV1 } from './personal-data-erased.v1';

function at(value: unknown, ...path: string[]): JsonObject {
  return path.reduce<unknown>((node, key) => (node as JsonObject)[key], value) as JsonObject;
}

describe(`${leadRecordedV1.type} JSON Schema`, () => {
  const definitions = at(integrationEventJsonSchema(leadRecordedV1), 'definitions');

  it('defines the data and every nested object, each closed to unknown properties', () => {
    expect(Object.keys(definitions).sort()).toEqual([
      'LeadArea',
      'LeadConsent',
      'LeadRecordedV1Data',
      'LeadSource',
      'SealedPersonalData',
    ]);
    for (const definition of Object.values(definitions)) {
      expect(definition).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('requires every field, the nullable ones included, and has no contact in clear', () => {
    expect(at(definitions, 'LeadRecordedV1Data', 'required')).toEqual([
      'leadId',
      'introducerId',
      'leadType',
      'externalReference',
      'answers',
      'consent',
      'receivedAt',
      'recordedAt',
      'source',
      'area',
      'personal',
    ]);
    expect(at(definitions, 'LeadRecordedV1Data', 'properties', 'externalReference')).toMatchObject({
      anyOf: [{ type: 'string' }, { type: 'null' }],
    });
    expect(at(definitions, 'LeadArea', 'required')).toEqual([
      'country',
      'city',
      'postcodeDistrict',
    ]);
  });

  it('tells consumers how to open the sealed contact, and that erasure ends it', () => {
    const sealed = at(definitions, 'SealedPersonalData');
    expect(sealed.required).toEqual(['v', 'alg', 'keyId', 'iv', 'tag', 'ciphertext']);
    expect(sealed.description).toEqual(
      expect.stringContaining('GET /leads/{leadId}/personal-data-key'),
    );
    expect(sealed.description).toEqual(expect.stringContaining('410 Gone'));
    expect(sealed.description).toEqual(expect.stringContaining('AES-256-GCM'));
    expect(sealed.description).toEqual(
      expect.stringContaining('keyId as additional authenticated data'),
    );
    expect(at(sealed, 'properties', 'iv')).toMatchObject({ pattern: '^[A-Za-z0-9_-]{16}$' });
    expect(at(sealed, 'properties', 'tag')).toMatchObject({ pattern: '^[A-Za-z0-9_-]{22}$' });
  });
});

describe(`${leadRejectedV1.type} JSON Schema`, () => {
  const definitions = at(integrationEventJsonSchema(leadRejectedV1), 'definitions');

  it('lists the rejection codes and makes duplicateOf nullable but required', () => {
    expect(at(definitions, 'LeadRejection', 'properties', 'code', 'enum')).toEqual([
      'INVALID_LEAD',
      'DUPLICATE_LEAD',
      'UNKNOWN_LEAD_TYPE',
      'INTRODUCER_NOT_ACTIVE',
      'NO_CONSENT',
    ]);
    expect(at(definitions, 'LeadRejection', 'required')).toEqual([
      'code',
      'reasons',
      'duplicateOf',
    ]);
    expect(at(definitions, 'LeadRejection', 'properties', 'duplicateOf', 'anyOf')).toEqual([
      { $ref: '#/definitions/DuplicateLink' },
      { type: 'null' },
    ]);
  });
});

describe(`${leadPersonalDataErasedV1.type} JSON Schema`, () => {
  const definitions = at(integrationEventJsonSchema(leadPersonalDataErasedV1), 'definitions');

  it('carries the lead, when and who, and nothing else', () => {
    expect(at(definitions, 'LeadPersonalDataErasedV1Data', 'required')).toEqual([
      'leadId',
      'erasedAt',
      'erasedBy',
    ]);
    expect(at(definitions, 'LeadActor', 'properties', 'type', 'enum')).toEqual([
      'operator',
      'partner',
      'introducer',
      'system',
    ]);
  });
});
