import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** Partner ids as lead events carry them (the lead aggregate's alphabet for ids it does not mint). */
const PARTNER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The partner an operator routes a lead to (referral or allocation). */
export class PartnerChoiceDto {
  @ApiProperty({ format: 'uuid', description: "The partner's id in the partners service" })
  @Matches(PARTNER_ID, {
    message:
      '$property must be a partner id: 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
  })
  partnerId!: string;
}
