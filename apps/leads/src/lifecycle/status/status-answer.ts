import { ApiProperty } from '@nestjs/swagger';
import type { LeadCommandOutcome } from '../../lead/lead-commands';
import { LeadChangeAnswer, leadChangeAnswer } from '../lead-change-answer';

/** A status change's answer: the status the lead has now. */
export class StatusAnswer extends LeadChangeAnswer {
  @ApiProperty({ type: String, nullable: true, example: 'contacted' })
  status!: string | null;
}

export function statusAnswer(leadId: string, outcome: LeadCommandOutcome): StatusAnswer {
  const state = outcome.state;
  return {
    ...leadChangeAnswer(leadId, outcome),
    status: state.stage === 'delivered' || state.stage === 'returned' ? state.status : null,
  };
}
