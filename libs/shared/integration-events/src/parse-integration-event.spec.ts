import { billingRegistry, ChargeRecordedData, validCharge } from './__fixtures__/charge-recorded';
import { IntegrationEventEnvelope } from './envelope';
import { Money } from './money';
import {
  IntegrationEventRejection,
  parseIntegrationEvent,
  validateIntegrationEvent,
} from './parse-integration-event';

function rejectionOf(message: unknown): IntegrationEventRejection {
  const result = parseIntegrationEvent(JSON.stringify(message), billingRegistry);
  if (result.ok) {
    throw new Error('expected a rejection');
  }
  return result;
}

function changed(change: (event: ReturnType<typeof validCharge>) => void): unknown {
  const event = validCharge();
  change(event);
  return event;
}

describe(parseIntegrationEvent.name, () => {
  it('returns the event as class instances, data and nested objects included', () => {
    const result = parseIntegrationEvent(
      Buffer.from(JSON.stringify(validCharge())),
      billingRegistry,
    );
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(result.event).toBeInstanceOf(IntegrationEventEnvelope);
    expect(result.event.type).toBe('ChargeRecorded');
    expect(result.event.data).toBeInstanceOf(ChargeRecordedData);
    expect(result.event.data.price).toBeInstanceOf(Money);
    expect(JSON.parse(JSON.stringify(result.event))).toEqual(validCharge());
  });

  it('refuses bytes that are not JSON', () => {
    const result = parseIntegrationEvent('{"eventId": ', billingRegistry);
    expect(result).toMatchObject({ ok: false, reason: 'invalid-json' });
    expect(!result.ok && result.problems[0]?.path).toBe('');
    expect(!result.ok && result.message).toMatch(/^Not valid JSON: /);
  });

  it('refuses JSON that is not an object', () => {
    expect(rejectionOf([validCharge()])).toMatchObject({
      reason: 'invalid-envelope',
      problems: [{ path: '', message: 'the message must be a JSON object (the event envelope)' }],
    });
  });

  it('refuses a fractional amount of money', () => {
    const rejection = rejectionOf(changed((event) => ((event.data.price as Money).amount = 37.5)));
    expect(rejection.reason).toBe('invalid-data');
    expect(rejection.problems).toEqual([
      {
        path: 'data.price.amount',
        message:
          'must be a whole, non-negative number of minor units (1250 for 12.50), never a fraction',
      },
    ]);
  });

  it('refuses a lower-case currency', () => {
    const rejection = rejectionOf(
      changed((event) => ((event.data.price as Money).currency = 'gbp')),
    );
    expect(rejection.problems.map((p) => p.path)).toEqual(['data.price.currency']);
  });

  it('does not convert the string "12" where a number is expected', () => {
    const rejection = rejectionOf(
      changed((event) => ((event.data.lines as { quantity: unknown }[])[1]!.quantity = '12')),
    );
    expect(rejection).toMatchObject({
      reason: 'invalid-data',
      problems: [{ path: 'data.lines[1].quantity', message: 'must be an integer number' }],
    });
  });

  it('does not convert the string "1" where the version is expected', () => {
    expect(rejectionOf(changed((event) => (event.version = '1')))).toMatchObject({
      reason: 'invalid-envelope',
      problems: [{ path: 'version', message: 'must be an integer number' }],
    });
  });

  it('refuses an unknown property at the top level by its path', () => {
    const rejection = rejectionOf(
      changed((event) => {
        event.eventID = event.eventId;
        delete event.eventId;
      }),
    );
    expect(rejection.reason).toBe('invalid-envelope');
    expect(rejection.problems).toEqual([
      {
        path: 'eventID',
        message: 'is not a known property (check its spelling against the contract)',
      },
      { path: 'eventId', message: 'is required' },
    ]);
  });

  it('refuses an unknown property inside the data, in arrays too', () => {
    const rejection = rejectionOf(
      changed((event) => {
        (event.data.price as Record<string, unknown>).pence = 1;
        (event.data.lines as Record<string, unknown>[])[0]!.colour = 'red';
      }),
    );
    expect(rejection.reason).toBe('invalid-data');
    expect(rejection.problems.map((p) => p.path)).toEqual([
      'data.price.pence',
      'data.lines[0].colour',
    ]);
  });

  it('refuses an occurredAt with an offset other than Z', () => {
    const rejection = rejectionOf(
      changed((event) => (event.occurredAt = '2026-11-25T10:00:00.000+01:00')),
    );
    expect(rejection).toMatchObject({
      reason: 'invalid-envelope',
      problems: [
        {
          path: 'occurredAt',
          message: 'must be an ISO 8601 UTC timestamp ending in Z, e.g. 2026-11-25T09:00:00.000Z',
        },
      ],
    });
  });

  it('names an unknown type and what the registry accepts', () => {
    expect(rejectionOf(changed((event) => (event.type = 'ChargeRecorderd')))).toMatchObject({
      reason: 'unknown-event-type',
      problems: [
        {
          path: 'type',
          message: 'ChargeRecorderd is not accepted here (accepted: ChargeRecorded v1)',
        },
      ],
      message:
        'Unknown event type: type ChargeRecorderd is not accepted here (accepted: ChargeRecorded v1)',
    });
  });

  it('names an unknown version of a known type', () => {
    expect(rejectionOf(changed((event) => (event.version = 2)))).toMatchObject({
      reason: 'unknown-event-type',
      problems: [
        {
          path: 'version',
          message:
            'ChargeRecorded v2 is not accepted here (accepted versions of ChargeRecorded: 1)',
        },
      ],
    });
  });

  it('reports envelope and data problems together, as an invalid envelope', () => {
    const rejection = rejectionOf(
      changed((event) => {
        event.causationId = 'not-a-uuid';
        event.data.chargeId = 42;
      }),
    );
    expect(rejection.reason).toBe('invalid-envelope');
    expect(rejection.problems).toEqual([
      { path: 'causationId', message: 'must be a UUID' },
      { path: 'data.chargeId', message: 'must be a UUID' },
    ]);
  });

  it('refuses null for an optional property: absent is the only way to leave it out', () => {
    expect(rejectionOf(changed((event) => (event.data.note = null))).problems).toEqual([
      { path: 'data.note', message: 'must be a string' },
    ]);
  });

  it('reports a wrong type once, without problems inside the wrong value', () => {
    const rejection = rejectionOf(
      changed((event) => (event.data.price = [{ amount: 1.5, currency: 'GBP' }])),
    );
    expect(rejection.problems).toEqual([{ path: 'data.price', message: 'must be an object' }]);
  });

  it('refuses the property names class-transformer would drop silently', () => {
    const raw = JSON.stringify(validCharge()).replace('"price":', '"__proto__":{},"price":');
    const result = parseIntegrationEvent(raw, billingRegistry);
    expect(!result.ok && result.problems).toEqual([
      { path: 'data.__proto__', message: 'is not a known property (reserved name)' },
    ]);
  });

  it('summarises many problems in one line of at most 1000 characters', () => {
    const rejection = rejectionOf(
      changed((event) => {
        event.data.lines = Array.from({ length: 60 }, () => ({ sku: '', quantity: 0 }));
      }),
    );
    expect(rejection.problems).toHaveLength(120);
    expect(rejection.message.length).toBeLessThanOrEqual(1000);
    expect(rejection.message).not.toContain('\n');
    expect(rejection.message).toMatch(/^Invalid ChargeRecorded v1 data: data\.lines\[0\]\.sku /);
    expect(rejection.message).toMatch(/ \(and \d+ more\)$/);
  });
});

describe(validateIntegrationEvent.name, () => {
  it('validates an already-decoded message like a parsed one', () => {
    expect(validateIntegrationEvent(validCharge(), billingRegistry).ok).toBe(true);
    expect(validateIntegrationEvent('text', billingRegistry)).toMatchObject({
      ok: false,
      reason: 'invalid-envelope',
    });
  });
});
