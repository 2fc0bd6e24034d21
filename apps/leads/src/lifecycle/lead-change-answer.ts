import { ApiProperty } from '@nestjs/swagger';
import type { LeadCommandOutcome } from '../lead/lead-commands';

/**
 * What every lifecycle command answers: where the lead is now and whether
 * this request changed anything (a repeated request answers `changed: false`
 * with the same stage, so clients may retry safely). Nothing of the person.
 */
export class LeadChangeAnswer {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({
    enum: ['received', 'referred', 'allocated', 'delivered', 'returned'],
    description: "The lead's stage after the request",
  })
  stage!: string;

  @ApiProperty({ description: 'false when the request repeated one already done' })
  changed!: boolean;

  @ApiProperty({ type: [String], description: 'The events this request recorded' })
  events!: string[];
}

export function leadChangeAnswer(leadId: string, outcome: LeadCommandOutcome): LeadChangeAnswer {
  return {
    leadId: leadId.toLowerCase(),
    stage: outcome.state.stage,
    changed: outcome.events.length > 0,
    events: outcome.events,
  };
}
