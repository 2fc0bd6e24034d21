import {
  IntegrationEventOf,
  IsCurrencyCode,
  IsText,
  IsUtcTimestamp,
  Money,
  NestedObject,
} from '@leadrail/integration-events';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsPartnerId } from '../rules/is-partner-id';
import { PartnerSettings } from '../values/partner-settings';
import { PartnerType } from '../values/partner-type';
import { partnerRegisteredV1Examples } from './partner-registered.examples';
import { EXAMPLE_PARTNER_ID, definePartnerEventV1, partnerExample } from './partner-event';

// Who the partner is and what its leads cost: registration, name, roles, prices.

/** The data of `PartnerRegistered` v1. */
export class PartnerRegisteredV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: "The partner's name (1-200 characters)." })
  @IsText(200)
  name!: string;

  @JSONSchema({ description: "ISO 4217 code of all the partner's money, fixed for good." })
  @IsCurrencyCode()
  currency!: string;

  @JSONSchema({ description: 'When the partner was registered: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  registeredAt!: string;

  @JSONSchema({ description: 'Every initial setting, defaults applied.' })
  @NestedObject(() => PartnerSettings)
  settings!: PartnerSettings;
}

/** `PartnerRegistered` v1: a partner exists, with all its initial settings. */
export const partnerRegisteredV1 = definePartnerEventV1({
  type: 'PartnerRegistered',
  data: PartnerRegisteredV1Data,
  description:
    'A partner was registered. Carries every initial setting with defaults applied, so a later change of default never rewrites history. The first event of every partner.',
  examples: partnerRegisteredV1Examples,
});

/** The data of `PartnerRenamed` v1. */
export class PartnerRenamedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: "The partner's new name (1-200 characters)." })
  @IsText(200)
  name!: string;
}

/** `PartnerRenamed` v1. */
export const partnerRenamedV1 = definePartnerEventV1({
  type: 'PartnerRenamed',
  data: PartnerRenamedV1Data,
  description: "The partner's name changed.",
  examples: [
    partnerExample(
      'PartnerRenamed',
      {
        name: 'partner-renamed',
        summary: 'The broker trades under a new name.',
        eventId: 'ed61d178-38b5-49e4-a4d5-a4c5f9e34283',
        occurredAt: '2026-11-26T10:00:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, name: 'Northway Home Finance Ltd' },
    ),
  ],
});

/** The data of `PartnerTypeChanged` v1. */
export class PartnerTypeChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'The new roles with the price of each role that is on.' })
  @NestedObject(() => PartnerType)
  partnerType!: PartnerType;
}

/** `PartnerTypeChanged` v1. */
export const partnerTypeChangedV1 = definePartnerEventV1({
  type: 'PartnerTypeChanged',
  data: PartnerTypeChangedV1Data,
  description: 'The partner became an introducer, a partner or both, with the prices of its roles.',
  examples: [
    partnerExample(
      'PartnerTypeChanged',
      {
        name: 'partner-becomes-introducer-only',
        summary: 'The operator stops selling leads to the broker; it remains an introducer.',
        eventId: 'ffad8aeb-0649-4d1a-bc35-91ff673e0c4b',
        occurredAt: '2026-11-26T10:05:00.000Z',
      },
      {
        partnerId: EXAMPLE_PARTNER_ID,
        partnerType: {
          introducer: true,
          partner: false,
          leadCost: { amount: 1500, currency: 'GBP' },
          leadValue: null,
        },
      },
    ),
  ],
});

/** The data of `LeadCostSet` v1. */
export class LeadCostSetV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'What the operator now pays the introducer per lead.' })
  @NestedObject(() => Money)
  leadCost!: Money;
}

/** `LeadCostSet` v1. */
export const leadCostSetV1 = definePartnerEventV1({
  type: 'LeadCostSet',
  data: LeadCostSetV1Data,
  description: "The introducer's lead cost was set.",
  examples: [
    partnerExample(
      'LeadCostSet',
      {
        name: 'lead-cost-raised',
        summary: 'The lead cost goes up to GBP 18.00.',
        eventId: '6038074d-6ce7-4bed-bf63-256197afccf8',
        occurredAt: '2026-11-26T10:10:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, leadCost: { amount: 1800, currency: 'GBP' } },
    ),
  ],
});

/** The data of `LeadValueSet` v1. */
export class LeadValueSetV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'What the partner now pays per lead sold to it.' })
  @NestedObject(() => Money)
  leadValue!: Money;
}

/** `LeadValueSet` v1. */
export const leadValueSetV1 = definePartnerEventV1({
  type: 'LeadValueSet',
  data: LeadValueSetV1Data,
  description: "The partner's lead value was set.",
  examples: [
    partnerExample(
      'LeadValueSet',
      {
        name: 'lead-value-set',
        summary: 'The partner pays GBP 40.00 per lead.',
        eventId: 'da8bc5c2-6d54-4f1b-b1cb-698d71ef1ab3',
        occurredAt: '2026-11-26T10:15:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, leadValue: { amount: 4000, currency: 'GBP' } },
    ),
  ],
});

/** A parsed `PartnerRegistered` v1 event. */
export type PartnerRegisteredV1 = IntegrationEventOf<typeof partnerRegisteredV1>;
/** A parsed `PartnerRenamed` v1 event. */
export type PartnerRenamedV1 = IntegrationEventOf<typeof partnerRenamedV1>;
/** A parsed `PartnerTypeChanged` v1 event. */
export type PartnerTypeChangedV1 = IntegrationEventOf<typeof partnerTypeChangedV1>;
/** A parsed `LeadCostSet` v1 event. */
export type LeadCostSetV1 = IntegrationEventOf<typeof leadCostSetV1>;
/** A parsed `LeadValueSet` v1 event. */
export type LeadValueSetV1 = IntegrationEventOf<typeof leadValueSetV1>;
