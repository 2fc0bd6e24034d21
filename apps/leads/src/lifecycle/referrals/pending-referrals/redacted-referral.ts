import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LeadAnswers } from '@leadrail/leads-contracts';

/** Where the person is, coarsely: country, town and (UK) postcode district. */
export class ReferralArea {
  @ApiProperty({ type: String, nullable: true, example: 'GB' })
  country!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Manchester' })
  city!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'M14' })
  postcodeDistrict!: string | null;
}

/**
 * A lead offered to a partner, as it may see it before accepting: the kind of
 * lead, the area and the form's answers. Never the person: no name, email,
 * phone or street (the full lead comes with delivery, after acceptance).
 */
export class RedactedReferral {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({ example: 'mortgage' })
  leadType!: string;

  @ApiProperty({ type: ReferralArea })
  area!: ReferralArea;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "The answers from the introducer's form",
  })
  answers!: LeadAnswers;

  @ApiProperty({ description: 'When the lead was offered (UTC)' })
  referredAt!: string;

  @ApiProperty({ description: 'Accept or decline before this instant (UTC)' })
  expiresAt!: string;
}
