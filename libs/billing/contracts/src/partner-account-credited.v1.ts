import {
  IntegrationEventOf,
  IsText,
  Money,
  NestedObject,
  Nullable,
} from '@leadrail/integration-events';
import { IsIn, IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  AccountMovementV1Data,
  BILLING_EXAMPLE_IDS,
  billingExample,
  defineBillingEventV1,
} from './billing-event';
import { BillingActorV1 } from './values/billing-actor.v1';

/** Why money came into an account. */
export const CREDIT_KINDS_V1 = ['payment', 'adjustment', 'charge-reversal'] as const;

/** The data of `PartnerAccountCredited` v1. */
export class PartnerAccountCreditedV1Data extends AccountMovementV1Data {
  @JSONSchema({
    description:
      "payment (a PayPal top-up or a payment an operator recorded), adjustment (an operator's correction) or charge-reversal (a lead's charge given back: an accepted return or an operator's reversal).",
  })
  @IsIn(CREDIT_KINDS_V1)
  kind!: (typeof CREDIT_KINDS_V1)[number];

  @JSONSchema({ description: 'The amount added to the balance.' })
  @NestedObject(() => Money)
  amount!: Money;

  @Nullable('The lead whose charge is reversed (charge-reversal only), else null.')
  @IsUUID()
  leadId!: string | null;

  @Nullable("The payment's outside reference (a PayPal capture id, a bank reference), or null.")
  @IsText(200)
  reference!: string | null;

  @Nullable("Why, in the actor's words (adjustments and reversals carry one), or null.")
  @IsText(500)
  reason!: string | null;

  @JSONSchema({ description: 'Who credited the account.' })
  @NestedObject(() => BillingActorV1)
  actor!: BillingActorV1;
}

/** `PartnerAccountCredited` v1. */
export const partnerAccountCreditedV1 = defineBillingEventV1({
  type: 'PartnerAccountCredited',
  data: PartnerAccountCreditedV1Data,
  description:
    "Money came into a partner's account: a payment, an adjustment or a reversed charge. Routing reads the balance after it as the partner's funds.",
  examples: [
    billingExample(
      'PartnerAccountCredited',
      {
        name: 'manual-payment',
        summary: 'An operator recorded a bank transfer of 200.00 into a new pre-pay account.',
        eventId: '2a4c6e8f-1b3d-4f5a-9c7e-8d0f2b4d6e35',
        occurredAt: '2026-11-25T08:00:00.000Z',
        causationId: '2a4c6e8f-1b3d-4f5a-9c7e-8d0f2b4d6e35',
      },
      {
        partnerId: BILLING_EXAMPLE_IDS.partner,
        accountVersion: 1,
        balanceAfter: { amount: 20_000, currency: 'GBP' },
        recordedAt: '2026-11-25T08:00:00.000Z',
        kind: 'payment',
        amount: { amount: 20_000, currency: 'GBP' },
        leadId: null,
        reference: 'BACS 2026-11-24 ACME',
        reason: null,
        actor: { type: 'operator', id: BILLING_EXAMPLE_IDS.operator },
      },
    ),
  ],
});

/** A parsed `PartnerAccountCredited` v1 event. */
export type PartnerAccountCreditedV1 = IntegrationEventOf<typeof partnerAccountCreditedV1>;
