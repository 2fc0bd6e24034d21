import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/**
 * `:leadId` of every lifecycle route: a UUID (lead ids are), so a malformed id
 * is a 400 naming `leadId` before any lead is looked up.
 */
export class LeadIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID(undefined, { message: '$property must be a UUID' })
  leadId!: string;
}
