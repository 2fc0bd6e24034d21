import { IntegrationEventOf, IsUtcTimestamp, NestedObject } from '@leadrail/integration-events';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsNonBlankText } from '../rules/non-blank';
import { IsPartnerId } from '../rules/is-partner-id';
import { ContactDetails } from '../values/contact-details';
import { DeliveryPause } from '../values/delivery-pause';
import { TextAlerts } from '../values/text-alerts';
import { EXAMPLE_PARTNER_ID, definePartnerEventV1, partnerExample } from './partner-event';

// How to reach the partner, and whether it receives leads at all.

/** The data of `ContactDetailsChanged` v1. */
export class ContactDetailsChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'The new contact details, whole; unset fields are null.' })
  @NestedObject(() => ContactDetails)
  contact!: ContactDetails;
}

/** `ContactDetailsChanged` v1. */
export const contactDetailsChangedV1 = definePartnerEventV1({
  type: 'ContactDetailsChanged',
  data: ContactDetailsChangedV1Data,
  description: 'The contact details changed.',
  examples: [
    partnerExample(
      'ContactDetailsChanged',
      {
        name: 'transfer-phone-added',
        summary: 'Hot Key Transfers now ring the sales desk; the SMS phone is removed.',
        eventId: '0a95b41b-5ad6-4a0e-81f0-c602d04a80c4',
        occurredAt: '2026-11-28T09:00:00.000Z',
      },
      {
        partnerId: EXAMPLE_PARTNER_ID,
        contact: { phone: null, email: 'leads@northway.example', transferPhone: '+442079460000' },
      },
    ),
  ],
});

/** The data of `TextAlertsChanged` v1. */
export class TextAlertsChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'Which SMS alerts are on.' })
  @NestedObject(() => TextAlerts)
  textAlerts!: TextAlerts;
}

/** `TextAlertsChanged` v1. */
export const textAlertsChangedV1 = definePartnerEventV1({
  type: 'TextAlertsChanged',
  data: TextAlertsChangedV1Data,
  description: 'The SMS alerts were turned on or off.',
  examples: [
    partnerExample(
      'TextAlertsChanged',
      {
        name: 'referral-texts-off',
        summary: 'No more texts per referral; low-funds texts stay on.',
        eventId: '4728b766-2cee-4909-a70c-9d6f378e9071',
        occurredAt: '2026-11-28T09:05:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, textAlerts: { onReferral: false, onLowFunds: true } },
    ),
  ],
});

/** The data of `DeliveriesPaused` v1. */
export class DeliveriesPausedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'Who paused deliveries, and when.' })
  @NestedObject(() => DeliveryPause)
  pause!: DeliveryPause;
}

/** `DeliveriesPaused` v1. */
export const deliveriesPausedV1 = definePartnerEventV1({
  type: 'DeliveriesPaused',
  data: DeliveriesPausedV1Data,
  description:
    'Deliveries to the partner stopped until DeliveriesResumed; nothing else about the partner changed.',
  examples: [
    partnerExample(
      'DeliveriesPaused',
      {
        name: 'paused-by-partner',
        summary: 'The partner pauses its own deliveries from the portal.',
        eventId: 'e421ead5-3f98-4d8b-948f-c8533ac4ad0f',
        occurredAt: '2026-11-28T12:00:00.000Z',
      },
      {
        partnerId: EXAMPLE_PARTNER_ID,
        pause: {
          by: { type: 'partner', id: EXAMPLE_PARTNER_ID },
          at: '2026-11-28T12:00:00.000Z',
        },
      },
    ),
  ],
});

/** The data of `DeliveriesResumed` v1: the partner id alone. */
export class DeliveriesResumedV1Data {
  @IsPartnerId()
  partnerId!: string;
}

/** `DeliveriesResumed` v1. */
export const deliveriesResumedV1 = definePartnerEventV1({
  type: 'DeliveriesResumed',
  data: DeliveriesResumedV1Data,
  description: 'Deliveries to the partner started again.',
  examples: [
    partnerExample(
      'DeliveriesResumed',
      {
        name: 'deliveries-resumed',
        summary: 'The partner takes leads again.',
        eventId: '950fecad-e1dc-45cb-9225-46c13781ff02',
        occurredAt: '2026-11-29T08:00:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID },
    ),
  ],
});

/** The data of `PartnerDeactivated` v1. */
export class PartnerDeactivatedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: "The operator's reason, for the audit trail (not blank)." })
  @IsNonBlankText()
  reason!: string;

  @JSONSchema({ description: 'When the partner was deactivated: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  deactivatedAt!: string;
}

/** `PartnerDeactivated` v1. */
export const partnerDeactivatedV1 = definePartnerEventV1({
  type: 'PartnerDeactivated',
  data: PartnerDeactivatedV1Data,
  description:
    'The partner was deactivated: it receives no leads and accepts no changes until PartnerReactivated.',
  examples: [
    partnerExample(
      'PartnerDeactivated',
      {
        name: 'deactivated-contract-ended',
        summary: 'The operator deactivates the partner when its contract ends.',
        eventId: '58fa8d45-212c-43e8-b342-8f26f1766397',
        occurredAt: '2026-12-31T17:00:00.000Z',
      },
      {
        partnerId: EXAMPLE_PARTNER_ID,
        reason: 'Contract ended on 31 December 2026.',
        deactivatedAt: '2026-12-31T17:00:00.000Z',
      },
    ),
  ],
});

/** The data of `PartnerReactivated` v1: the partner id alone. */
export class PartnerReactivatedV1Data {
  @IsPartnerId()
  partnerId!: string;
}

/** `PartnerReactivated` v1. */
export const partnerReactivatedV1 = definePartnerEventV1({
  type: 'PartnerReactivated',
  data: PartnerReactivatedV1Data,
  description: 'The partner was made active again, with the settings it had.',
  examples: [
    partnerExample(
      'PartnerReactivated',
      {
        name: 'reactivated',
        summary: 'The contract is renewed and the partner is active again.',
        eventId: '04fba489-6582-46f5-bfc4-62345e2cf5c3',
        occurredAt: '2027-01-15T09:00:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID },
    ),
  ],
});

/** A parsed `ContactDetailsChanged` v1 event. */
export type ContactDetailsChangedV1 = IntegrationEventOf<typeof contactDetailsChangedV1>;
/** A parsed `TextAlertsChanged` v1 event. */
export type TextAlertsChangedV1 = IntegrationEventOf<typeof textAlertsChangedV1>;
/** A parsed `DeliveriesPaused` v1 event. */
export type DeliveriesPausedV1 = IntegrationEventOf<typeof deliveriesPausedV1>;
/** A parsed `DeliveriesResumed` v1 event. */
export type DeliveriesResumedV1 = IntegrationEventOf<typeof deliveriesResumedV1>;
/** A parsed `PartnerDeactivated` v1 event. */
export type PartnerDeactivatedV1 = IntegrationEventOf<typeof partnerDeactivatedV1>;
/** A parsed `PartnerReactivated` v1 event. */
export type PartnerReactivatedV1 = IntegrationEventOf<typeof partnerReactivatedV1>;
