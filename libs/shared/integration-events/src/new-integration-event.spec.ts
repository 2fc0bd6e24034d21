import { chargeRecordedV1, ChargeRecordedData, validCharge } from './__fixtures__/charge-recorded';
import { IntegrationEventValidationError, newIntegrationEvent } from './new-integration-event';

const META = {
  eventId: '6f1c2a9e-3b7d-4c8e-9a15-2d4e6f8a0b1c',
  occurredAt: new Date('2026-11-25T09:00:00.000Z'),
  correlationId: '0e7b9c3d-5a2f-4b6e-8c1d-7f9a3e5b2c4d',
  causationId: '0e7b9c3d-5a2f-4b6e-8c1d-7f9a3e5b2c4d',
  source: 'leadrail.billing',
};

function exampleData(): ChargeRecordedData {
  return validCharge().data as unknown as ChargeRecordedData;
}

describe(newIntegrationEvent.name, () => {
  it('builds the envelope from the definition, the data and the given ids and time', () => {
    const event = newIntegrationEvent(chargeRecordedV1, exampleData(), META);
    expect(event.data).toBeInstanceOf(ChargeRecordedData);
    expect(JSON.parse(JSON.stringify(event))).toEqual(validCharge());
    expect(chargeRecordedV1.key.of(event.data)).toBe('a3c5e7f9-1b2d-4f6a-8c0e-2b4d6f8a0c1e');
  });

  it('refuses to build an event that breaks its contract, listing every problem', () => {
    const data = { ...exampleData(), chargeId: 'charge-1' };
    const build = () =>
      newIntegrationEvent(chargeRecordedV1, data, { ...META, occurredAt: 'yesterday' });
    expect(build).toThrow(IntegrationEventValidationError);
    expect(build).toThrow(
      'Invalid envelope: occurredAt must be an ISO 8601 UTC timestamp ending in Z, e.g. 2026-11-25T09:00:00.000Z; data.chargeId must be a UUID',
    );
  });

  it('reports an invalid Date instead of throwing a RangeError', () => {
    const build = () =>
      newIntegrationEvent(chargeRecordedV1, exampleData(), { ...META, occurredAt: new Date(NaN) });
    expect(build).toThrow(IntegrationEventValidationError);
  });
});
