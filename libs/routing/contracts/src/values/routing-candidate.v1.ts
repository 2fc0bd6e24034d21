import { Money, NestedObject, Nullable } from '@leadrail/integration-events';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IneligibleReasonV1 } from './ineligible-reason.v1';

/** One partner weighed for the lead, and what was found. */
export class RoutingCandidateV1 {
  @JSONSchema({ description: "The partner's id (UUID)." })
  @IsUUID()
  partnerId!: string;

  @JSONSchema({ description: 'Its selection priority when weighed (higher first).' })
  @IsInt()
  priority!: number;

  @JSONSchema({ description: 'Whether it could take the lead now.' })
  @IsBoolean()
  eligible!: boolean;

  @Nullable('What it would pay for the lead when eligible; null when not.')
  @NestedObject(() => Money)
  leadValue!: Money | null;

  @JSONSchema({ description: 'Every reason it could not take the lead; empty when eligible.' })
  @IsArray()
  @ArrayMaxSize(50)
  @NestedObject(() => IneligibleReasonV1, { each: true })
  reasons!: readonly IneligibleReasonV1[];
}

/** How partners of equal priority were chosen between. */
export class RoutingStrategyV1 {
  @JSONSchema({ description: 'round-robin or weighted.' })
  @IsIn(['round-robin', 'weighted'])
  method!: 'round-robin' | 'weighted';

  @JSONSchema({ description: 'How many partners may hold the lead at once (1: exclusive).' })
  @IsInt()
  @Min(1)
  @Max(100)
  maxPartners!: number;
}

/** Where the state the decision read about one partner stood. */
export class DecidedFromV1 {
  @JSONSchema({ description: "The partner's id (UUID)." })
  @IsUUID()
  partnerId!: string;

  @Nullable(
    "The id of the last leadrail.partners.v1 event routing's view of the partner had applied, or null when unknown.",
  )
  @IsUUID()
  partnerEventId!: string | null;

  @Nullable(
    "The revision of the partner's allocation ledger (partnerAllocations-<id>) the decision read, or null when the ledger was empty.",
  )
  @IsInt()
  @Min(0)
  ledgerRevision!: number | null;
}
