import { leadReceivedV1Examples } from '@leadrail/leads-contracts';
import { LEAD_EVENT_TYPES } from './events/lead-events';
import { leadAggregate } from './lead-aggregate';
import { received } from './testing/lead-scenario';
import { leadProblems } from './validation/lead-problems';

describe('leadAggregate', () => {
  it('names one stream per lead, whatever the case of its id', () => {
    expect(leadAggregate.streamName('3F6C1B9A-7D42-4E8F-B1A3-5C9D2E7F4A10')).toBe(
      'lead-3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10',
    );
  });

  it('knows its own events and no others', () => {
    for (const type of LEAD_EVENT_TYPES) {
      expect(leadAggregate.isEvent({ type, data: {} })).toBe(true);
    }
    expect(leadAggregate.isEvent({ type: 'PartnerRegistered', data: {} })).toBe(false);
  });

  it('folds a received lead into the received stage', () => {
    expect(leadAggregate.evolve(leadAggregate.initialState(), received())).toMatchObject({
      stage: 'received',
      billingProgress: null,
    });
  });
});

describe(leadProblems.name, () => {
  it.each(leadReceivedV1Examples.map((example) => [example.name, example.payload.data]))(
    'finds nothing wrong with the contract example %s',
    (_name, data) => {
      expect(leadProblems(data)).toEqual([]);
    },
  );

  it('holds a lead to the contract: contact, consent and optional fields', () => {
    const data = leadReceivedV1Examples[0]!.payload.data;
    expect(
      leadProblems({
        ...data,
        leadType: 'Mortgage',
        externalReference: null,
        contact: {
          firstName: ' ',
          lastName: 'Shah',
          address: { ...data.contact.address, country: 'gb' },
        },
        consent: {
          contactByPhone: 'yes',
          contactByEmail: true,
          capturedAt: '2026-11-25T08:59:38+00:00',
        },
      }),
    ).toEqual([
      {
        field: 'leadType',
        message: 'must be a lower-case slug of at most 50 characters, e.g. home-insurance',
      },
      { field: 'externalReference', message: 'must be 1-100 characters, not blank' },
      { field: 'contact.firstName', message: 'must be 1-100 characters, not blank' },
      {
        field: 'contact',
        message: 'must have an email or a phone (at least one), or the lead cannot be contacted',
      },
      {
        field: 'contact.address.country',
        message: 'must be an ISO 3166-1 alpha-2 country code in upper case, e.g. GB',
      },
      { field: 'consent.contactByPhone', message: 'must be true or false' },
      { field: 'consent.capturedAt', message: 'must be an ISO 8601 UTC timestamp ending in Z' },
    ]);
  });
});
