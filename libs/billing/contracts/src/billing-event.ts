import {
  IntegrationEventExample,
  IsUtcTimestamp,
  NestedObject,
  SignedMoney,
  v1EventsOn,
} from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { IsInt, IsUUID, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** The envelope `source` of every event the billing service publishes. */
export const BILLING_SOURCE = 'leadrail.billing';

/** The ids the examples share, so they read as one partner account's history. */
export const BILLING_EXAMPLE_IDS = {
  partner: '5d5b3ca9-467b-42e6-83f3-f0d8a37de243',
  lead: '3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10',
  operator: 'ops-jane',
} as const;

/** What every billing event's data has: the key. */
export interface BillingEventData {
  partnerId: string;
}

/**
 * Declares v1 of a billing event on `leadrail.billing.v1`, keyed by
 * `data.partnerId` so one account's events stay in order on one partition.
 */
export const defineBillingEventV1 = v1EventsOn<BillingEventData>(Topics.billing, {
  description:
    "data.partnerId, the partner's id (UUID): every event of one account goes to one partition, in order.",
  of: (data) => data.partnerId,
});

/**
 * What every event that moves a partner's account carries besides its own
 * data: where the account stands after it. `accountVersion` counts the
 * account's events including this one (1 for its first), so a consumer
 * keeps the balance of the highest version it has seen, and routing knows
 * which charges a balance already includes (docs/billing-and-routing.md).
 */
export abstract class AccountMovementV1Data {
  @JSONSchema({
    description: 'The partner whose account moved (UUID); also the Kafka message key.',
  })
  @IsUUID()
  partnerId!: string;

  @JSONSchema({
    description:
      "How many events the partner's account holds including this one (1 for its first): the balance below is the account at this version.",
  })
  @IsInt()
  @Min(1)
  accountVersion!: number;

  @JSONSchema({
    description:
      'The balance after this movement, in the account currency: what is left of payments for a pre-pay partner; below zero when a post-pay partner uses its credit.',
  })
  @NestedObject(() => SignedMoney)
  balanceAfter!: SignedMoney;

  @JSONSchema({ description: 'When billing recorded the movement: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  recordedAt!: string;
}

/** Where an example sits in the example account's history. */
export interface BillingExampleMeta {
  readonly name: string;
  readonly summary: string;
  readonly eventId: string;
  readonly occurredAt: string;
  /** The event or command that caused it. */
  readonly causationId: string;
}

/** An example message as the billing relay writes it. */
export function billingExample<const TType extends string, const TData extends BillingEventData>(
  type: TType,
  meta: BillingExampleMeta,
  data: TData,
): IntegrationEventExample<TType, 1, TData> {
  return {
    name: meta.name,
    summary: meta.summary,
    payload: {
      eventId: meta.eventId,
      type,
      version: 1,
      occurredAt: meta.occurredAt,
      correlationId: meta.causationId,
      causationId: meta.causationId,
      source: BILLING_SOURCE,
      data,
    },
  };
}
