import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@leadrail/integration-events';

/** Why a return is asked for, or refused. */
export class ReturnReasonDto {
  @ApiProperty({
    example: 'The phone number does not exist',
    description: 'At most 500 characters',
  })
  @IsText(500)
  reason!: string;
}
