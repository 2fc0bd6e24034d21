import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@leadrail/integration-events';

export class ChangeStatusDto {
  @ApiProperty({
    example: 'contacted',
    description: "A status of the operators' catalogue (GET /lead-settings, `statuses`)",
  })
  @IsText(50)
  status!: string;
}
