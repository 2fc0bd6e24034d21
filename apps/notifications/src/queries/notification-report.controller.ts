import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock, OperatorAuthGuard, toCsv } from '@leadrail/nest-kit';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

export class ReportQuery {
  @ApiPropertyOptional({ description: 'From (inclusive), ISO 8601; default: the beginning' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'To (exclusive), ISO 8601; default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export interface NotificationReportRow {
  partnerId: string;
  name: string | null;
  channel: string;
  sent: number;
  failed: number;
  skipped: number;
  pending: number;
  /** What the texts sent cost at the operator's SMS rate (one currency: the rate's). */
  spend: number;
  currency: string | null;
}

const COLUMNS = [
  'partnerId',
  'name',
  'channel',
  'sent',
  'failed',
  'skipped',
  'pending',
  'spend',
  'currency',
] as const satisfies readonly (keyof NotificationReportRow)[];

/** Notifications and SMS spend per partner and channel over a period, as JSON or CSV. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/report')
@UseGuards(OperatorAuthGuard)
export class NotificationReportController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Per partner and channel: sent, failed, skipped, pending and SMS spend',
  })
  async report(
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ from: string; to: string; rows: NotificationReportRow[] } | string> {
    const from = query.from === undefined ? new Date(0) : new Date(query.from);
    const to = query.to === undefined ? this.clock.now() : new Date(query.to);
    const rows = await this.dataSource.query<Record<string, string | null>[]>(
      `SELECT l.partner_id, p.record->>'name' AS name, l.channel, max(l.cost_currency) AS currency,
              count(*) FILTER (WHERE outcome = 'sent') AS sent,
              count(*) FILTER (WHERE outcome = 'failed') AS failed,
              count(*) FILTER (WHERE outcome = 'skipped') AS skipped,
              count(*) FILTER (WHERE outcome = 'pending') AS pending,
              coalesce(sum(cost_amount) FILTER (WHERE outcome = 'sent'), 0) AS spend
         FROM notification_log l LEFT JOIN notification_partners p USING (partner_id)
        WHERE l.updated_at >= $1 AND l.updated_at < $2
        GROUP BY l.partner_id, p.record->>'name', l.channel
        ORDER BY l.partner_id, l.channel`,
      [from, to],
    );
    const report = rows.map((row): NotificationReportRow => ({
      partnerId: row.partner_id!,
      name: row.name ?? null,
      channel: row.channel!,
      sent: Number(row.sent),
      failed: Number(row.failed),
      skipped: Number(row.skipped),
      pending: Number(row.pending),
      spend: Number(row.spend),
      currency: row.currency ?? null,
    }));
    if (query.format !== 'csv') {
      return { from: from.toISOString(), to: to.toISOString(), rows: report };
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="notifications-report.csv"');
    return toCsv(COLUMNS, report);
  }
}
