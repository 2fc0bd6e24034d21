import { IntegrationEventExample } from '@leadrail/integration-events';
import { EXAMPLE_IDS, leadExample } from './lead-event';
import { LeadRecordedV1Data } from './lead-recorded-data';

/** A complete `LeadRecorded` v1 message used by the docs, the schemas and the tests. */
export type LeadRecordedV1Example = IntegrationEventExample<'LeadRecorded', 1, LeadRecordedV1Data>;

/** The CRM's mortgage lead of the intake examples, as recorded: contact sealed, area readable. */
export const mortgageLeadRecorded: LeadRecordedV1Example = leadExample(
  'LeadRecorded',
  {
    name: 'mortgage-lead-recorded',
    summary:
      'The mortgage lead a CRM published on the intake topic, recorded: every field but the contact as sent, the contact sealed.',
    eventId: '0c9e4b7a-2f31-4d8e-9a6b-5e1c3f7d2a84',
    occurredAt: '2026-11-25T09:00:00.412Z',
    // The intake message that caused it (LeadReceived v1 example mortgage-lead-from-crm).
    causationId: '8d4e2f1a-6b3c-4d9e-a7f0-2c5b8e1d4f93',
  },
  {
    leadId: EXAMPLE_IDS.lead,
    introducerId: EXAMPLE_IDS.introducer,
    leadType: 'mortgage',
    externalReference: 'ACME-2026-000123',
    answers: {
      property_value: 350000,
      deposit: 52500,
      first_time_buyer: true,
      employment_status: 'employed',
      preferred_call_time: 'weekday evenings',
    },
    consent: { contactByPhone: true, contactByEmail: true, capturedAt: '2026-11-25T08:59:38.000Z' },
    receivedAt: '2026-11-25T08:59:41.220Z',
    recordedAt: '2026-11-25T09:00:00.412Z',
    source: { channel: 'internal', publisher: 'acme.crm' },
    area: { country: 'GB', city: 'Manchester', postcodeDistrict: 'M14' },
    personal: {
      v: 1,
      alg: 'A256GCM',
      keyId: EXAMPLE_IDS.lead,
      iv: 'Y3_V6XO9anGexq7s',
      tag: 'ZEJfdSv5CQhxXCDFPQIkyg',
      ciphertext:
        '1mLpm_K6HsnL0WsR3Rp5TJ2WMQEPC3tb1ts_kHa76gig2W2cJp9dONJJHnE75jv51X2NL1tuk8qomxDwQgF7yR3_YAuyUf98vmFAbLIazhvPobJf8lMiYWM64HDAzYpQNH6WI6bdClwvBn9QnD3bRqKEglzNYWgIQe5YuX273LUfRREYvP6uwmAaH6KBz__1Qc7R40x7wKKBki9fiv-s1NPYiBJjBXf_KABYTDGU5NdSx8t_kwXLHB6YYFwBDfwFYyL-OC1lem4zu6obWFc',
    },
  },
);

/** The same person again, posted by the introducer over HTTP without reference or answers. */
export const repeatedLeadRecordedOverHttp: LeadRecordedV1Example = leadExample(
  'LeadRecorded',
  {
    name: 'repeated-lead-recorded-over-http',
    summary:
      'An introducer posts the same person again over HTTP, with no reference and no answers: both are null.',
    eventId: '6a2d8f4c-1b7e-4c9a-8d3f-2e5b7a9c1d46',
    occurredAt: '2026-11-27T14:12:05.031Z',
  },
  {
    leadId: EXAMPLE_IDS.repeatedLead,
    introducerId: EXAMPLE_IDS.introducer,
    leadType: 'mortgage',
    externalReference: null,
    answers: null,
    consent: {
      contactByPhone: false,
      contactByEmail: true,
      capturedAt: '2026-11-27T14:11:50.000Z',
    },
    receivedAt: '2026-11-27T14:12:04.900Z',
    recordedAt: '2026-11-27T14:12:05.031Z',
    source: { channel: 'http' },
    area: { country: 'GB', city: 'Manchester', postcodeDistrict: 'M14' },
    personal: {
      v: 1,
      alg: 'A256GCM',
      keyId: EXAMPLE_IDS.repeatedLead,
      iv: 'U4Mmr-xBnkxj0RFI',
      tag: '2pHQI4pI_ZKIEXQxHNNTog',
      ciphertext:
        'cTussmJdKOHfo1c7AG4DVrfLsceRgWLJCiCZJvczk0hN_J7Fi1eTfbdPmlO3-yEkIHjyaPaminu7FIix2NUTHf3Jw4uBetZWF5VezL3LICwweWWPjFy-8DeiqlDw40beXIPLXTNKfyy1twiQznCbb4OAWM_CuthQL_nqfFjFpSFpmScBWy57IMT8ohE1H7E_tuvIVTYAzE4kyfXdZpSmZjSHI5rq',
    },
  },
);
