import {
  IntegrationEventOf,
  IsText,
  IsUtcTimestamp,
  Money,
  NestedObject,
  SignedMoney,
} from '@leadrail/integration-events';
import { IsInt, IsUUID, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { BILLING_EXAMPLE_IDS, billingExample, defineBillingEventV1 } from './billing-event';
import { BillingActorV1 } from './values/billing-actor.v1';

const INTRODUCER = 'c2a7e4d1-9b3f-4a6c-8e5d-1f0b7a9c3e62';

/**
 * The data of `IntroducerPayableRecorded` v1, and what every entry of an
 * introducer's payables says.
 */
export class IntroducerPayableRecordedV1Data {
  @JSONSchema({
    description:
      "The introducer's partner id (UUID): the partner set as an Introducer that sold us the lead. Also the Kafka message key.",
  })
  @IsUUID()
  partnerId!: string;

  @JSONSchema({ description: 'The lead (UUID): an introducer is owed once per lead.' })
  @IsUUID()
  leadId!: string;

  @JSONSchema({ description: "The introducer's Lead Cost for the lead." })
  @NestedObject(() => Money)
  amount!: Money;

  @JSONSchema({
    description:
      "How many entries the introducer's payables hold including this one (1 for its first).",
  })
  @IsInt()
  @Min(1)
  payableVersion!: number;

  @JSONSchema({ description: 'What LeadRail owes the introducer in all after this entry.' })
  @NestedObject(() => SignedMoney)
  owedAfter!: SignedMoney;

  @JSONSchema({ description: 'When billing recorded the entry: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  recordedAt!: string;
}

/** The data of `IntroducerPayableReversed` v1: an entry taking back what a lead was owed. */
export class IntroducerPayableReversedV1Data extends IntroducerPayableRecordedV1Data {
  @JSONSchema({ description: "Why, in the actor's words (an accepted return says so)." })
  @IsText(500)
  reason!: string;

  @JSONSchema({ description: 'Who reversed it: an operator, or the system on an accepted return.' })
  @NestedObject(() => BillingActorV1)
  actor!: BillingActorV1;
}

/** `IntroducerPayableRecorded` v1. */
export const introducerPayableRecordedV1 = defineBillingEventV1({
  type: 'IntroducerPayableRecorded',
  data: IntroducerPayableRecordedV1Data,
  description:
    "LeadRail took a lead from an introducer (the leads service recorded it: valid and not refused as a duplicate) and owes it the introducer's Lead Cost, once per lead.",
  examples: [
    billingExample(
      'IntroducerPayableRecorded',
      {
        name: 'lead-taken',
        summary: 'A lead recorded from an introducer whose Lead Cost is 8.00.',
        eventId: '6d8f0b2c-4e6a-4c8e-a0b2-8e0a2c4e6f95',
        occurredAt: '2026-11-25T09:00:00.500Z',
        causationId: '7b9d1f3a-5c7e-4a9c-b1d3-5e7a9c1e3f06',
      },
      {
        partnerId: INTRODUCER,
        leadId: BILLING_EXAMPLE_IDS.lead,
        amount: { amount: 800, currency: 'GBP' },
        payableVersion: 12,
        owedAfter: { amount: 9600, currency: 'GBP' },
        recordedAt: '2026-11-25T09:00:00.500Z',
      },
    ),
  ],
});

/** `IntroducerPayableReversed` v1. */
export const introducerPayableReversedV1 = defineBillingEventV1({
  type: 'IntroducerPayableReversed',
  data: IntroducerPayableReversedV1Data,
  description:
    "What an introducer was owed for a lead is taken back: the partner's return of the lead was accepted, or an operator reversed it.",
  examples: [
    billingExample(
      'IntroducerPayableReversed',
      {
        name: 'return-accepted',
        summary: 'The partner returned the lead and an operator accepted the return.',
        eventId: '8f0b2d4e-6a8c-4e0a-b2d4-0a2c4e6a8b17',
        occurredAt: '2026-11-27T15:30:01.000Z',
        causationId: '8c4e1a7d-6f2b-4e9c-a3d8-5f7b9d1e3a52',
      },
      {
        partnerId: INTRODUCER,
        leadId: BILLING_EXAMPLE_IDS.lead,
        amount: { amount: 800, currency: 'GBP' },
        payableVersion: 13,
        owedAfter: { amount: 8800, currency: 'GBP' },
        recordedAt: '2026-11-27T15:30:01.000Z',
        reason: 'return accepted',
        actor: { type: 'operator', id: BILLING_EXAMPLE_IDS.operator },
      },
    ),
  ],
});

export type IntroducerPayableRecordedV1 = IntegrationEventOf<typeof introducerPayableRecordedV1>;
export type IntroducerPayableReversedV1 = IntegrationEventOf<typeof introducerPayableReversedV1>;
