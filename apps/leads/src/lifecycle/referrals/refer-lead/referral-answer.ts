import { ApiProperty } from '@nestjs/swagger';
import { LeadChangeAnswer } from '../../lead-change-answer';

/** What a referral answers: the lead's stage and when the offer runs out. */
export class ReferralAnswer extends LeadChangeAnswer {
  @ApiProperty({ type: String, nullable: true, description: 'When the offer runs out (UTC)' })
  expiresAt!: string | null;
}
