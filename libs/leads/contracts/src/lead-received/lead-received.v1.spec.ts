import {
  IntegrationEventEnvelope,
  IntegrationEventRejection,
  parseIntegrationEvent,
} from '@leadrail/integration-events';
import { leadsIntakeRegistry } from '../leads-intake-registry';
import { LeadContact } from './lead-contact';
import { LeadReceivedV1Data } from './lead-received-data';
import { leadReceivedV1Examples, mortgageLeadFromCrm } from './lead-received.examples';
import { leadReceivedV1 } from './lead-received.v1';

type Plain = Record<string, unknown>;
interface PlainLead extends Plain {
  data: Plain & { contact: Plain & { address: Plain }; consent: Plain };
}

function lead(change: (message: PlainLead) => void = () => undefined): string {
  const message = structuredClone(mortgageLeadFromCrm.payload) as unknown as PlainLead;
  change(message);
  return JSON.stringify(message);
}

function rejectionOf(raw: string): IntegrationEventRejection {
  const result = parseIntegrationEvent(raw, leadsIntakeRegistry);
  if (result.ok) {
    throw new Error('expected a rejection');
  }
  return result;
}

describe(leadReceivedV1.type, () => {
  it.each(leadReceivedV1Examples.map((example) => [example.name, example] as const))(
    'accepts the example %s, keyed by its leadId',
    (_name, example) => {
      const result = parseIntegrationEvent(JSON.stringify(example.payload), leadsIntakeRegistry);
      if (!result.ok) {
        throw new Error(result.message);
      }
      expect(result.event).toBeInstanceOf(IntegrationEventEnvelope);
      expect(result.event.data).toBeInstanceOf(LeadReceivedV1Data);
      expect(result.event.data.contact).toBeInstanceOf(LeadContact);
      expect(leadReceivedV1.key.of(result.event.data)).toBe(example.payload.data.leadId);
      expect(JSON.parse(JSON.stringify(result.event))).toEqual(example.payload);
    },
  );

  it('travels on leadrail.leads.intake.v1', () => {
    expect(leadReceivedV1.topic).toBe('leadrail.leads.intake.v1');
    expect(leadsIntakeRegistry.find('LeadReceived', 1)).toBe(leadReceivedV1);
  });

  it('refuses a leadId that is not a UUID, with a message fit for a dead-letter header', () => {
    expect(rejectionOf(lead((m) => (m.data.leadId = 'ACME-123')))).toEqual({
      ok: false,
      reason: 'invalid-data',
      problems: [{ path: 'data.leadId', message: 'must be a UUID' }],
      message: 'Invalid LeadReceived v1 data: data.leadId must be a UUID',
    });
  });

  it('refuses a contact with neither email nor phone, on the contact', () => {
    const rejection = rejectionOf(
      lead((m) => {
        delete m.data.contact.email;
        delete m.data.contact.phone;
      }),
    );
    expect(rejection.reason).toBe('invalid-data');
    expect(rejection.problems).toEqual([
      {
        path: 'data.contact',
        message: 'must have an email or a phone (at least one), or the lead cannot be contacted',
      },
    ]);
  });

  it('accepts a contact with only an email', () => {
    const raw = lead((m) => delete m.data.contact.phone);
    expect(parseIntegrationEvent(raw, leadsIntakeRegistry).ok).toBe(true);
  });

  it.each(['07700 900123', '+44 7700 900123', '+4407700900123x', '447700900123'])(
    'refuses the phone %s, which is not E.164',
    (phone) => {
      expect(rejectionOf(lead((m) => (m.data.contact.phone = phone))).problems).toEqual([
        {
          path: 'data.contact.phone',
          message:
            'must be an E.164 phone number: +, country code and number, digits only, e.g. +447700900123',
        },
      ]);
    },
  );

  it('refuses an unknown property inside the contact by its path', () => {
    const rejection = rejectionOf(
      lead((m) => {
        m.data.contact.emial = m.data.contact.email;
        delete m.data.contact.email;
      }),
    );
    expect(rejection).toMatchObject({
      reason: 'invalid-data',
      problems: [
        {
          path: 'data.contact.emial',
          message: 'is not a known property (check its spelling against the contract)',
        },
      ],
    });
  });

  it('refuses an unknown property at the top level as an invalid envelope', () => {
    const rejection = rejectionOf(lead((m) => (m.leadId = m.data.leadId)));
    expect(rejection.reason).toBe('invalid-envelope');
    expect(rejection.problems).toEqual([
      {
        path: 'leadId',
        message: 'is not a known property (check its spelling against the contract)',
      },
    ]);
  });

  it('refuses timestamps with an offset other than Z, wherever they are', () => {
    const rejection = rejectionOf(
      lead((m) => {
        m.occurredAt = '2026-11-25T10:00:00+01:00';
        m.data.receivedAt = '2026-11-25T09:59:41+01:00';
        m.data.consent.capturedAt = '2026-11-25';
      }),
    );
    expect(rejection.reason).toBe('invalid-envelope');
    expect(rejection.problems.map((problem) => problem.path)).toEqual([
      'occurredAt',
      'data.consent.capturedAt',
      'data.receivedAt',
    ]);
  });

  it('does not take the string "true" for a boolean', () => {
    expect(rejectionOf(lead((m) => (m.data.consent.contactByPhone = 'true'))).problems).toEqual([
      { path: 'data.consent.contactByPhone', message: 'must be a boolean value' },
    ]);
  });

  it('reports every problem of the contact and its address at once', () => {
    const rejection = rejectionOf(
      lead((m) => {
        m.data.leadType = 'Mortgage';
        m.data.contact.firstName = '   ';
        m.data.contact.lastName = 'x'.repeat(101);
        m.data.contact.email = 'priya.shah@';
        m.data.contact.address.country = 'gb';
        delete m.data.contact.address.city;
      }),
    );
    expect(rejection.problems).toEqual([
      {
        path: 'data.leadType',
        message:
          'must be a lower-case slug of at most 50 characters (a-z, 0-9 and single hyphens), e.g. home-insurance',
      },
      { path: 'data.contact.firstName', message: 'must not be blank' },
      { path: 'data.contact.lastName', message: 'must be 1 to 100 characters' },
      { path: 'data.contact.email', message: 'must be an email address, e.g. jane@example.com' },
      { path: 'data.contact.address.city', message: 'is required' },
      {
        path: 'data.contact.address.country',
        message: 'must be an ISO 3166-1 alpha-2 country code in upper case, e.g. GB',
      },
    ]);
  });

  it('reports bad answers on the answers, naming each key', () => {
    const rejection = rejectionOf(
      lead((m) => (m.data.answers = { 'Property Value': 350000, smoker: { daily: 3 } })),
    );
    expect(rejection.problems).toEqual([
      {
        path: 'data.answers',
        message:
          'key "Property Value" must be lower_snake_case (a-z, 0-9 and single underscores, starting with a letter), at most 64 characters; answer "smoker" must be text of at most 1000 characters, a number or true/false',
      },
    ]);
  });

  it('names an unknown version of LeadReceived and an unknown type', () => {
    expect(rejectionOf(lead((m) => (m.version = 2)))).toMatchObject({
      reason: 'unknown-event-type',
      problems: [
        {
          path: 'version',
          message: 'LeadReceived v2 is not accepted here (accepted versions of LeadReceived: 1)',
        },
      ],
    });
    expect(rejectionOf(lead((m) => (m.type = 'LeadRecieved')))).toMatchObject({
      reason: 'unknown-event-type',
      problems: [
        { path: 'type', message: 'LeadRecieved is not accepted here (accepted: LeadReceived v1)' },
      ],
    });
  });

  it('refuses a message that is not JSON', () => {
    expect(rejectionOf(lead().slice(0, -1))).toMatchObject({
      reason: 'invalid-json',
      problems: [{ path: '' }],
    });
  });
});
