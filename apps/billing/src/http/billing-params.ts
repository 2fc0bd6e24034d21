import { ApiPropertyOptional } from '@nestjs/swagger';
import { BillingError, BillingErrorCode } from '@leadrail/billing-domain';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class PartnerIdParams {
  // Ids are kept in lower case, as every service writes them.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  )
  @IsUUID()
  partnerId!: string;
}

export class LeadIdParams {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  )
  @IsUUID()
  leadId!: string;
}

/** A date range, each end an ISO 8601 instant or date; CSV on request. */
export class RangeQuery {
  @ApiPropertyOptional({
    description: 'From this instant (inclusive), ISO 8601; default: the beginning',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this instant (exclusive), ISO 8601; default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'json (default) or csv' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/** The instants a range query names, checked to run forwards. */
export function rangeOf(query: RangeQuery, now: Date): { from: Date; to: Date } {
  const from = query.from === undefined ? new Date(0) : instantOf(query.from, 'from');
  const to = query.to === undefined ? now : instantOf(query.to, 'to');
  if (from.getTime() > to.getTime()) {
    throw new BillingError(BillingErrorCode.INVALID_COMMAND, 'must not be after to', 'from');
  }
  return { from, to };
}

/**
 * An instant from a query: an ISO 8601 date-time with Z or an offset (a date
 * alone is its midnight UTC). Forms ISO allows but JavaScript cannot read
 * (week dates, basic format) and local times (whose zone would be the
 * server's) are refused naming the field.
 */
export function instantOf(value: string, field: string): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(
    value,
  );
  const time = Date.parse(value);
  if ((!dateOnly && !zoned) || Number.isNaN(time)) {
    throw new BillingError(
      BillingErrorCode.INVALID_COMMAND,
      'must be a date (2026-11-25) or a date-time with Z or an offset (2026-11-25T09:00:00Z)',
      field,
    );
  }
  return new Date(time);
}
