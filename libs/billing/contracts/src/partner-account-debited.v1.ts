import {
  IntegrationEventOf,
  IsText,
  Money,
  NestedObject,
  Nullable,
} from '@leadrail/integration-events';
import { IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  AccountMovementV1Data,
  BILLING_EXAMPLE_IDS,
  billingExample,
  defineBillingEventV1,
} from './billing-event';
import { BillingActorV1 } from './values/billing-actor.v1';

/** Why money left an account other than a lead's charge. */
export const DEBIT_KINDS_V1 = ['adjustment', 'refund'] as const;

/** The data of `PartnerAccountDebited` v1. */
export class PartnerAccountDebitedV1Data extends AccountMovementV1Data {
  @JSONSchema({
    description:
      "adjustment (an operator's correction) or refund (money paid back to the partner). Lead charges are PartnerCharged.",
  })
  @IsIn(DEBIT_KINDS_V1)
  kind!: (typeof DEBIT_KINDS_V1)[number];

  @JSONSchema({ description: 'The amount taken from the balance.' })
  @NestedObject(() => Money)
  amount!: Money;

  @Nullable('An outside reference for the movement, or null.')
  @IsText(200)
  reference!: string | null;

  @JSONSchema({ description: "Why, in the operator's words." })
  @IsText(500)
  reason!: string;

  @JSONSchema({ description: 'Who debited the account.' })
  @NestedObject(() => BillingActorV1)
  actor!: BillingActorV1;
}

/** `PartnerAccountDebited` v1. */
export const partnerAccountDebitedV1 = defineBillingEventV1({
  type: 'PartnerAccountDebited',
  data: PartnerAccountDebitedV1Data,
  description:
    "Money left a partner's account other than for a lead: an operator's adjustment or a refund. Routing reads the balance after it as the partner's funds.",
  examples: [
    billingExample(
      'PartnerAccountDebited',
      {
        name: 'adjustment',
        summary: 'An operator corrected a payment recorded twice.',
        eventId: '4e6a8c0b-3d5f-4a7c-9e1b-2f4d6b8a0c57',
        occurredAt: '2026-11-25T10:00:00.000Z',
        causationId: '4e6a8c0b-3d5f-4a7c-9e1b-2f4d6b8a0c57',
      },
      {
        partnerId: BILLING_EXAMPLE_IDS.partner,
        accountVersion: 3,
        balanceAfter: { amount: -2500, currency: 'GBP' },
        recordedAt: '2026-11-25T10:00:00.000Z',
        kind: 'adjustment',
        amount: { amount: 20_000, currency: 'GBP' },
        reference: null,
        reason: 'The bank transfer of 24 November was recorded twice.',
        actor: { type: 'operator', id: BILLING_EXAMPLE_IDS.operator },
      },
    ),
  ],
});

/** A parsed `PartnerAccountDebited` v1 event. */
export type PartnerAccountDebitedV1 = IntegrationEventOf<typeof partnerAccountDebitedV1>;
