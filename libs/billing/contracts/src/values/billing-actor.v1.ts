import { IsText } from '@leadrail/integration-events';
import { IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** Who may move money on an account. */
export const BILLING_ACTOR_TYPES = ['operator', 'partner', 'system'] as const;

/** The person or process behind a movement: auditors ask who did it. */
export class BillingActorV1 {
  @JSONSchema({
    description:
      'operator (a LeadRail operator user), partner (the partner itself, e.g. a PayPal top-up from its portal) or system (a LeadRail process).',
  })
  @IsIn(BILLING_ACTOR_TYPES)
  type!: (typeof BILLING_ACTOR_TYPES)[number];

  @JSONSchema({ description: "The operator's or partner's id, or the process's name." })
  @IsText(200)
  id!: string;
}
