import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock, OperatorAuthGuard, toCsv } from '@leadrail/nest-kit';
import type { Response } from 'express';
import { RangeQuery, rangeOf } from '../../http/billing-params';
import {
  INTRODUCER_REPORT_COLUMNS,
  type IntroducerReportRow,
  PARTNER_REPORT_COLUMNS,
  type PartnerReportRow,
  ReportsQuery,
} from './reports.query';

interface Report<Row> {
  from: string;
  to: string;
  rows: Row[];
}

/** Totals of leads, revenue, cost and margin per partner and per introducer over a range. */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('billing/reports')
@UseGuards(OperatorAuthGuard)
export class ReportsController {
  constructor(
    @Inject(ReportsQuery) private readonly query: ReportsQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('partners')
  @ApiOperation({
    summary: 'Per partner: leads charged, revenue, cost and margin in a range (JSON or CSV)',
  })
  async partners(
    @Query() range: RangeQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report<PartnerReportRow> | string> {
    const { from, to } = rangeOf(range, this.clock.now());
    const rows = await this.query.partners(from, to);
    return this.answer(range, response, 'partners', { from, to }, rows, PARTNER_REPORT_COLUMNS);
  }

  @Get('introducers')
  @ApiOperation({
    summary: 'Per introducer: leads bought, cost, revenue and margin in a range (JSON or CSV)',
  })
  async introducers(
    @Query() range: RangeQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report<IntroducerReportRow> | string> {
    const { from, to } = rangeOf(range, this.clock.now());
    const rows = await this.query.introducers(from, to);
    return this.answer(
      range,
      response,
      'introducers',
      { from, to },
      rows,
      INTRODUCER_REPORT_COLUMNS,
    );
  }

  private answer<Row extends object>(
    range: RangeQuery,
    response: Response,
    name: string,
    span: { from: Date; to: Date },
    rows: Row[],
    columns: readonly (keyof Row & string)[],
  ): Report<Row> | string {
    if (range.format !== 'csv') {
      return { from: span.from.toISOString(), to: span.to.toISOString(), rows };
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${name}-report.csv"`);
    return toCsv(columns, rows);
  }
}
