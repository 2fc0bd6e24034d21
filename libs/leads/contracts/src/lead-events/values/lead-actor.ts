import { IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsNonBlankText } from '../rules/non-blank';

/** Who may act on a lead, as the lead aggregate names them. */
export const LEAD_ACTOR_TYPES = ['operator', 'partner', 'introducer', 'system'] as const;

/** The kind of actor behind a lead event. */
export type LeadActorType = (typeof LEAD_ACTOR_TYPES)[number];

/** The person or process that caused a lead event: auditors and partners ask who did it. */
export class LeadActor {
  @JSONSchema({
    description:
      'operator (a LeadRail operator user), partner (the partner itself, from its portal or API), introducer, or system (a LeadRail process: intake, routing, delivery, timers).',
  })
  @IsIn(LEAD_ACTOR_TYPES)
  type!: LeadActorType;

  @JSONSchema({
    description:
      "The actor's id: the operator's id, the partner's or introducer's id, or the process's name for system (not blank).",
  })
  @IsNonBlankText()
  id!: string;
}
