import { IntegrationEventExample } from '@leadrail/integration-events';
import { LeadReceivedV1Data } from './lead-received-data';

/** A complete `LeadReceived` v1 message used by the docs, the schemas and the tests. */
export type LeadReceivedV1Example = IntegrationEventExample<'LeadReceived', 1, LeadReceivedV1Data>;

/** A CRM forwarding a mortgage enquiry with every optional field filled in. */
export const mortgageLeadFromCrm: LeadReceivedV1Example = {
  name: 'mortgage-lead-from-crm',
  summary:
    'A CRM forwards a mortgage enquiry with email, phone, address, its own reference and form answers.',
  payload: {
    eventId: '8d4e2f1a-6b3c-4d9e-a7f0-2c5b8e1d4f93',
    type: 'LeadReceived',
    version: 1,
    occurredAt: '2026-11-25T09:00:00.000Z',
    correlationId: '8d4e2f1a-6b3c-4d9e-a7f0-2c5b8e1d4f93',
    causationId: '8d4e2f1a-6b3c-4d9e-a7f0-2c5b8e1d4f93',
    source: 'acme.crm',
    data: {
      leadId: '3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10',
      introducerId: 'c2a7e4d1-9b3f-4a6c-8e5d-1f0b7a9c3e62',
      leadType: 'mortgage',
      externalReference: 'ACME-2026-000123',
      contact: {
        firstName: 'Priya',
        lastName: 'Shah',
        email: 'priya.shah@example.com',
        phone: '+447700900123',
        address: {
          line1: '14 Albert Road',
          line2: 'Flat 2',
          city: 'Manchester',
          postcode: 'M14 5RL',
          country: 'GB',
        },
      },
      answers: {
        property_value: 350000,
        deposit: 52500,
        first_time_buyer: true,
        employment_status: 'employed',
        preferred_call_time: 'weekday evenings',
      },
      consent: {
        contactByPhone: true,
        contactByEmail: true,
        capturedAt: '2026-11-25T08:59:38.000Z',
      },
      receivedAt: '2026-11-25T08:59:41.220Z',
    },
  },
};

/** A web form sending a phone-only home-insurance enquiry with only the required fields. */
export const phoneOnlyLeadFromWebForm: LeadReceivedV1Example = {
  name: 'phone-only-lead-from-web-form',
  summary:
    'A web form sends a home-insurance enquiry with a phone number only, no address and no reference.',
  payload: {
    eventId: '1c7f9b3e-4a2d-4f6b-8e1c-9d5a3f7b2e46',
    type: 'LeadReceived',
    version: 1,
    occurredAt: '2026-11-25T09:15:02.513Z',
    correlationId: 'b4d8f2a6-3e1c-4a9b-8d7f-6c2e0a4b9d31',
    causationId: 'b4d8f2a6-3e1c-4a9b-8d7f-6c2e0a4b9d31',
    source: 'brightpath.web-forms',
    data: {
      leadId: '5a9e3c7b-1d4f-4b2a-9c6e-8f3d1a7b5e24',
      introducerId: 'e7b1d5a3-2c9f-4e8b-a6d4-3b0f9c2e7a15',
      leadType: 'home-insurance',
      contact: {
        firstName: 'Tom',
        lastName: "O'Connor",
        phone: '+447700900456',
      },
      consent: {
        contactByPhone: true,
        contactByEmail: false,
        capturedAt: '2026-11-25T09:14:55.000Z',
      },
      receivedAt: '2026-11-25T09:15:01.870Z',
    },
  },
};

/** Both examples, in the order the docs show them. */
export const leadReceivedV1Examples: readonly LeadReceivedV1Example[] = [
  mortgageLeadFromCrm,
  phoneOnlyLeadFromWebForm,
];
