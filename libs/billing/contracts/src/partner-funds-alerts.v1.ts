import {
  IntegrationEventOf,
  IsUtcTimestamp,
  Money,
  NestedObject,
  SignedMoney,
} from '@leadrail/integration-events';
import { IsIn, IsInt, IsUUID, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { BILLING_EXAMPLE_IDS, billingExample, defineBillingEventV1 } from './billing-event';
import { BillingActorV1 } from './values/billing-actor.v1';

/** Where a partner's funds stood against its Low Funds Threshold. */
export abstract class FundsAgainstThresholdV1Data {
  @JSONSchema({ description: 'The partner (UUID); also the Kafka message key.' })
  @IsUUID()
  partnerId!: string;

  @JSONSchema({
    description:
      'The account version the funds were read at (the movement that crossed, or the last one).',
  })
  @IsInt()
  @Min(1)
  accountVersion!: number;

  @JSONSchema({ description: 'The balance at that version.' })
  @NestedObject(() => SignedMoney)
  balance!: SignedMoney;

  @JSONSchema({
    description:
      'What the partner may still spend: the balance, plus the credit limit for a post-pay partner.',
  })
  @NestedObject(() => SignedMoney)
  available!: SignedMoney;

  @JSONSchema({ description: "The partner's Low Funds Threshold the funds were compared with." })
  @NestedObject(() => Money)
  threshold!: Money;

  @JSONSchema({ description: 'pre-pay or post-pay, when the funds were read.' })
  @IsIn(['pre-pay', 'post-pay'])
  paymentMode!: 'pre-pay' | 'post-pay';

  @JSONSchema({ description: 'Who noticed: the billing service.' })
  @NestedObject(() => BillingActorV1)
  actor!: BillingActorV1;
}

/** The data of `PartnerFundsLow` v1. */
export class PartnerFundsLowV1Data extends FundsAgainstThresholdV1Data {
  @JSONSchema({
    description: 'When the funds dropped to or below the threshold: ISO 8601 UTC with Z.',
  })
  @IsUtcTimestamp()
  detectedAt!: string;
}

/** The data of `PartnerFundsRestored` v1. */
export class PartnerFundsRestoredV1Data extends FundsAgainstThresholdV1Data {
  @JSONSchema({ description: 'When the funds went back above the threshold: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  restoredAt!: string;
}

const alertIds = {
  partnerId: BILLING_EXAMPLE_IDS.partner,
  accountVersion: 9,
  balance: { amount: 1500, currency: 'GBP' },
  available: { amount: 1500, currency: 'GBP' },
  threshold: { amount: 2500, currency: 'GBP' },
  paymentMode: 'pre-pay' as const,
  actor: { type: 'system' as const, id: 'billing' },
};

/** `PartnerFundsLow` v1. */
export const partnerFundsLowV1 = defineBillingEventV1({
  type: 'PartnerFundsLow',
  data: PartnerFundsLowV1Data,
  description:
    "A partner's available funds dropped to or below its Low Funds Threshold. Raised once per crossing: not again while the funds stay below, until a PartnerFundsRestored re-arms it. Notifications tells the partner (SMS where its text alerts are on, and email).",
  examples: [
    billingExample(
      'PartnerFundsLow',
      {
        name: 'crossed-by-a-charge',
        summary:
          'A 25.00 charge took a pre-pay balance from 40.00 to 15.00, under the 25.00 threshold.',
        eventId: '9b1d3f5a-7c9e-4b2d-8f4a-6c8e0a2b4d61',
        occurredAt: '2026-11-25T11:00:00.000Z',
        causationId: '1f3b5d7a-9c1e-4f3b-a5d7-9f1b3d5f7a92',
      },
      { ...alertIds, detectedAt: '2026-11-25T11:00:00.000Z' },
    ),
  ],
});

/** `PartnerFundsRestored` v1. */
export const partnerFundsRestoredV1 = defineBillingEventV1({
  type: 'PartnerFundsRestored',
  data: PartnerFundsRestoredV1Data,
  description:
    "A partner's available funds went back above its Low Funds Threshold (a payment, an adjustment, a reversal, or a lower threshold): the next drop raises a new PartnerFundsLow.",
  examples: [
    billingExample(
      'PartnerFundsRestored',
      {
        name: 'topped-up',
        summary: 'A 100.00 PayPal top-up lifted the funds to 115.00.',
        eventId: '2c4e6a8b-0d2f-4a6c-9e0b-4d6f8a0c2e73',
        occurredAt: '2026-11-25T12:00:00.000Z',
        causationId: '5a7c9e1b-3d5f-4b7d-9f1a-3c5e7a9b1d84',
      },
      {
        ...alertIds,
        accountVersion: 10,
        balance: { amount: 11_500, currency: 'GBP' },
        available: { amount: 11_500, currency: 'GBP' },
        restoredAt: '2026-11-25T12:00:00.000Z',
      },
    ),
  ],
});

export type PartnerFundsLowV1 = IntegrationEventOf<typeof partnerFundsLowV1>;
export type PartnerFundsRestoredV1 = IntegrationEventOf<typeof partnerFundsRestoredV1>;
