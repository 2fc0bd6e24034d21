import { IntegrationEventOf, Money, NestedObject } from '@leadrail/integration-events';
import { IsBillingPoint, type BillingPoint } from '@leadrail/partners-contracts';
import { IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  AccountMovementV1Data,
  BILLING_EXAMPLE_IDS,
  billingExample,
  defineBillingEventV1,
} from './billing-event';

/** The data of `PartnerCharged` v1. */
export class PartnerChargedV1Data extends AccountMovementV1Data {
  @JSONSchema({ description: 'The lead charged for (UUID): a partner is charged once per lead.' })
  @IsUUID()
  leadId!: string;

  @JSONSchema({
    description: "The partner's Lead Value for the lead's type, taken from the balance.",
  })
  @NestedObject(() => Money)
  amount!: Money;

  @JSONSchema({
    description:
      'The billing point the lead reached that made it chargeable: delivery, acceptance, qualification or conversion.',
  })
  @IsBillingPoint()
  billingPoint!: BillingPoint;
}

/** `PartnerCharged` v1. */
export const partnerChargedV1 = defineBillingEventV1({
  type: 'PartnerCharged',
  data: PartnerChargedV1Data,
  description:
    "The partner was charged its Lead Value for a lead that reached its billing point, exactly once per lead and partner. Routing settles the lead's reservation with it.",
  examples: [
    billingExample(
      'PartnerCharged',
      {
        name: 'charged-on-delivery',
        summary:
          'A lead delivered to a pre-pay partner billed on delivery; 25.00 taken from 200.00.',
        eventId: '0c7e5a3b-2d9f-4b1e-a6c8-3f5d7b9e1a24',
        occurredAt: '2026-11-25T09:06:00.000Z',
        causationId: '7d3f9b1e-5a2c-4e8d-b6f0-2c4e6a8d0f13',
      },
      {
        partnerId: BILLING_EXAMPLE_IDS.partner,
        accountVersion: 2,
        balanceAfter: { amount: 17_500, currency: 'GBP' },
        recordedAt: '2026-11-25T09:06:00.000Z',
        leadId: BILLING_EXAMPLE_IDS.lead,
        amount: { amount: 2500, currency: 'GBP' },
        billingPoint: 'delivery',
      },
    ),
  ],
});

/** A parsed `PartnerCharged` v1 event. */
export type PartnerChargedV1 = IntegrationEventOf<typeof partnerChargedV1>;
