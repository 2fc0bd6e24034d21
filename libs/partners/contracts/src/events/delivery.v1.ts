import { IntegrationEventOf, NestedObject } from '@leadrail/integration-events';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsPartnerId } from '../rules/is-partner-id';
import { DeliveryChannels } from '../values/delivery-channels';
import { DeliveryLimits } from '../values/delivery-limits';
import { DeliverySchedule } from '../values/delivery-schedule';
import { EXAMPLE_PARTNER_ID, definePartnerEventV1, partnerExample } from './partner-event';

// How, how many and when leads reach the partner.

/** The data of `DeliveryConfigured` v1. */
export class DeliveryConfiguredV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'The new delivery channels, whole.' })
  @NestedObject(() => DeliveryChannels)
  delivery!: DeliveryChannels;
}

/** `DeliveryConfigured` v1. */
export const deliveryConfiguredV1 = definePartnerEventV1({
  type: 'DeliveryConfigured',
  data: DeliveryConfiguredV1Data,
  description:
    "The delivery channels or the internet delivery changed. The internet delivery's soapAction, timeoutSeconds and outcome are optional: absent means no SOAP action, 10 seconds and the default outcome rules (events from before they existed have none).",
  examples: [
    partnerExample(
      'DeliveryConfigured',
      {
        name: 'email-only-delivery',
        summary: 'The partner stops taking leads over its API; email only.',
        eventId: 'd7f6d240-061f-4156-b842-8c1a145c8b1a',
        occurredAt: '2026-11-27T09:00:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, delivery: { email: true, internet: null } },
    ),
    partnerExample(
      'DeliveryConfigured',
      {
        name: 'soap-delivery-with-outcome-rules',
        summary:
          "Leads go to the partner's SOAP 1.1 service with its SOAP action and a 20-second timeout; an answer whose Status is Rejected is a rejection even with HTTP 200, and the partner's reference and rejection reason are taken from the answer.",
        eventId: '0f4f3f0e-4d2a-4c55-9a61-3c1d2b7e9a10',
        occurredAt: '2026-11-30T09:00:00.000Z',
      },
      {
        partnerId: EXAMPLE_PARTNER_ID,
        delivery: {
          email: false,
          internet: {
            method: 'soap-1.1',
            url: 'https://leads.partner.example/LeadService.asmx',
            bodyTemplate:
              '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><SubmitLead xmlns="http://leads.partner.example/"><Id>{{ lead.id }}</Id><Name>{{ lead.full_name }}</Name></SubmitLead></soap:Body></soap:Envelope>',
            headers: { 'X-Api-Key': 'k-123' },
            soapAction: 'http://leads.partner.example/SubmitLead',
            timeoutSeconds: 20,
            outcome: {
              rules: [
                {
                  test: 'xpath',
                  pattern: '//SubmitLeadResult/Status',
                  equals: 'Rejected',
                  means: 'rejected',
                },
                { test: 'status', pattern: '2xx', equals: null, means: 'accepted' },
              ],
              partnerReference: { from: 'xpath', expression: '//SubmitLeadResult/Reference' },
              rejectionReason: { from: 'xpath', expression: '//SubmitLeadResult/Message' },
            },
          },
        },
      },
    ),
  ],
});

/** The data of `DeliveryLimitsChanged` v1. */
export class DeliveryLimitsChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'The new daily and monthly caps; 0 for no cap.' })
  @NestedObject(() => DeliveryLimits)
  limits!: DeliveryLimits;
}

/** `DeliveryLimitsChanged` v1. */
export const deliveryLimitsChangedV1 = definePartnerEventV1({
  type: 'DeliveryLimitsChanged',
  data: DeliveryLimitsChangedV1Data,
  description: 'The daily or monthly lead limit changed.',
  examples: [
    partnerExample(
      'DeliveryLimitsChanged',
      {
        name: 'daily-cap-without-monthly-cap',
        summary: 'The partner takes at most 30 leads a day and no longer has a monthly cap.',
        eventId: '6531463d-43ad-49e9-aa6f-af81dddb7aae',
        occurredAt: '2026-11-27T09:05:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, limits: { daily: 30, monthly: 0 } },
    ),
  ],
});

/** The data of `DeliveryScheduleChanged` v1. */
export class DeliveryScheduleChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'The new weekly schedule, whole.' })
  @NestedObject(() => DeliverySchedule)
  schedule!: DeliverySchedule;
}

/** `DeliveryScheduleChanged` v1. */
export const deliveryScheduleChangedV1 = definePartnerEventV1({
  type: 'DeliveryScheduleChanged',
  data: DeliveryScheduleChangedV1Data,
  description: 'The weekly delivery schedule changed.',
  examples: [
    partnerExample(
      'DeliveryScheduleChanged',
      {
        name: 'evening-shift-schedule',
        summary:
          'Leads every day from 18:00 to 02:00 (crossing midnight), Saturday all day, Sunday off.',
        eventId: 'd64ac46d-ccdc-4317-898e-2426ded9ffd5',
        occurredAt: '2026-11-27T09:10:00.000Z',
      },
      {
        partnerId: EXAMPLE_PARTNER_ID,
        schedule: {
          timeZone: 'Europe/London',
          days: {
            mon: { enabled: true, from: '18:00', to: '02:00' },
            tue: { enabled: true, from: '18:00', to: '02:00' },
            wed: { enabled: true, from: '18:00', to: '02:00' },
            thu: { enabled: true, from: '18:00', to: '02:00' },
            fri: { enabled: true, from: '18:00', to: '02:00' },
            sat: { enabled: true, from: '00:00', to: '00:00' },
            sun: { enabled: false, from: '00:00', to: '00:00' },
          },
        },
      },
    ),
  ],
});

/** A parsed `DeliveryConfigured` v1 event. */
export type DeliveryConfiguredV1 = IntegrationEventOf<typeof deliveryConfiguredV1>;
/** A parsed `DeliveryLimitsChanged` v1 event. */
export type DeliveryLimitsChangedV1 = IntegrationEventOf<typeof deliveryLimitsChangedV1>;
/** A parsed `DeliveryScheduleChanged` v1 event. */
export type DeliveryScheduleChangedV1 = IntegrationEventOf<typeof deliveryScheduleChangedV1>;
