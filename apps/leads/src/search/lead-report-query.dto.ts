import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A report's range: whole UTC days, both included. */
export class LeadReportQuery {
  @ApiProperty({ description: 'First day (YYYY-MM-DD, UTC), included', example: '2026-03-01' })
  @IsString()
  @Matches(DAY, { message: 'from must be a day (YYYY-MM-DD)' })
  from!: string;

  @ApiProperty({ description: 'Last day (YYYY-MM-DD, UTC), included', example: '2026-03-31' })
  @IsString()
  @Matches(DAY, { message: 'to must be a day (YYYY-MM-DD)' })
  to!: string;
}

/** At most a year and a day per report: one query, one page. */
export const MAX_REPORT_DAYS = 366;
