import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsText } from '@leadrail/integration-events';
import { IsOptional } from 'class-validator';

export class DeclineReferralDto {
  @ApiPropertyOptional({
    description: 'Why the partner turns the lead down (at most 500 characters)',
  })
  @IsOptional()
  @IsText(500)
  reason?: string;
}
