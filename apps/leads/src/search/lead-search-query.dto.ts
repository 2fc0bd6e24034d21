import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MAX_PAGE_SIZE, SEARCHABLE_STAGES } from './lead-search-filters';

/** A day (`2026-03-01`, midnight UTC) or an instant in UTC (`2026-03-01T09:30:00Z`). */
export const DAY_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/;
const DATE_MESSAGE = (field: string) =>
  `${field} must be a day (YYYY-MM-DD) or a UTC instant (YYYY-MM-DDTHH:MM:SSZ)`;

/**
 * The filters of a partner's lead search, from the query string. Every value
 * is checked: an unknown parameter or a wrong value is a 400 naming the
 * field, never ignored. (Status is checked against the catalogue afterwards.)
 */
export class PortalLeadSearchQuery {
  @ApiPropertyOptional({ description: "A status from the operator's catalogue" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  status?: string;

  @ApiPropertyOptional({ description: 'A lead type slug' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'leadType must be a lower-case slug' })
  @MaxLength(64)
  leadType?: string;

  @ApiPropertyOptional({ enum: SEARCHABLE_STAGES })
  @IsOptional()
  @IsIn(SEARCHABLE_STAGES)
  stage?: (typeof SEARCHABLE_STAGES)[number];

  @ApiPropertyOptional({ description: 'Recorded at or after: a day or a UTC instant' })
  @IsOptional()
  @IsString()
  @Matches(DAY_OR_INSTANT, { message: DATE_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ description: 'Recorded before: a day or a UTC instant' })
  @IsOptional()
  @IsString()
  @Matches(DAY_OR_INSTANT, { message: DATE_MESSAGE('to') })
  to?: string;

  @ApiPropertyOptional({
    description: 'Text in the name, email, phone, postcode or external reference (any case)',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `next` of the previous page' })
  @IsOptional()
  @IsString()
  after?: string;
}

/** An operator's lead search: a partner's filters, plus partner and introducer. */
export class OperatorLeadSearchQuery extends PortalLeadSearchQuery {
  @ApiPropertyOptional({ description: 'The partner the lead is allocated or delivered to' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  introducerId?: string;
}
