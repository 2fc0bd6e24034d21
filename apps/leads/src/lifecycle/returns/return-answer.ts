import { ApiProperty } from '@nestjs/swagger';
import type { LeadCommandOutcome } from '../../lead/lead-commands';
import { LeadChangeAnswer, leadChangeAnswer } from '../lead-change-answer';

/** A return's answer: where the request stands now. */
export class ReturnAnswer extends LeadChangeAnswer {
  @ApiProperty({ enum: ['pending', 'accepted', 'declined'], nullable: true })
  returnOutcome!: 'pending' | 'accepted' | 'declined' | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When returns of this lead close (UTC)',
  })
  windowEndsAt!: string | null;
}

export function returnAnswer(leadId: string, outcome: LeadCommandOutcome): ReturnAnswer {
  const state = outcome.state;
  const request =
    state.stage === 'delivered' || state.stage === 'returned' ? state.returnRequest : null;
  return {
    ...leadChangeAnswer(leadId, outcome),
    returnOutcome: request?.outcome ?? null,
    windowEndsAt: request?.windowEndsAt ?? null,
  };
}
