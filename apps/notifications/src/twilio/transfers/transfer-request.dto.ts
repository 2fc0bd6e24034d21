import { ApiProperty } from '@nestjs/swagger';
import { IsPhoneNumber, IsUUID, Matches } from 'class-validator';

/** An operator's hot-key transfer: the lead on the line, to the partner. */
export class TransferRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  leadId!: string;

  @ApiProperty({ format: 'uuid', description: 'The partner to put the lead through to' })
  @IsUUID()
  partnerId!: string;

  @ApiProperty({
    example: '+447700900123',
    description: "The lead's number, E.164: the caller the agent is speaking to",
  })
  // E.164 as written (Twilio dials exactly this), and a number that exists (libphonenumber-js).
  @Matches(/^\+[1-9]\d{1,14}$/, {
    message: 'leadPhone must be a phone number in E.164 form, like +447700900123',
  })
  @IsPhoneNumber(undefined, { message: 'leadPhone is not a valid phone number' })
  leadPhone!: string;
}

export class TransferIdParams {
  @IsUUID()
  id!: string;
}
