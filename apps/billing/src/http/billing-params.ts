import { ApiPropertyOptional } from '@nestjs/swagger';
import { BillingError, BillingErrorCode } from '@leadrail/billing-domain';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class PartnerIdParams {
  @IsUUID()
  partnerId!: string;
}

export class LeadIdParams {
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
  const from = query.from === undefined ? new Date(0) : new Date(query.from);
  const to = query.to === undefined ? now : new Date(query.to);
  if (from.getTime() > to.getTime()) {
    throw new BillingError(BillingErrorCode.INVALID_COMMAND, 'must not be after to', 'from');
  }
  return { from, to };
}
