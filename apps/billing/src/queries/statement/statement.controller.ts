import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BillingPartners } from '../../partner-view/billing-partners';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock, OperatorAuthGuard, toCsv } from '@leadrail/nest-kit';
import type { Response } from 'express';
import { PartnerIdParams, RangeQuery, rangeOf } from '../../http/billing-params';
import { STATEMENT_CSV_COLUMNS, type Statement, StatementQuery } from './statement.query';

/** Statements: a partner's account, or what an introducer is owed, line by line with running balance. */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('billing')
@UseGuards(OperatorAuthGuard)
export class StatementController {
  constructor(
    @Inject(StatementQuery) private readonly query: StatementQuery,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BillingPartners) private readonly partners: BillingPartners,
  ) {}

  @Get('partners/:partnerId/statement')
  @ApiOperation({
    summary: "A partner's account movements in a range, with the running balance (JSON or CSV)",
  })
  partner(
    @Param() { partnerId }: PartnerIdParams,
    @Query() range: RangeQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Statement | string> {
    return this.statement('account', partnerId, range, response);
  }

  @Get('introducers/:partnerId/statement')
  @ApiOperation({
    summary: 'What an introducer is owed, lead by lead, with the running total (JSON or CSV)',
  })
  introducer(
    @Param() { partnerId }: PartnerIdParams,
    @Query() range: RangeQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Statement | string> {
    return this.statement('payable', partnerId, range, response);
  }

  private async statement(
    book: 'account' | 'payable',
    partnerId: string,
    range: RangeQuery,
    response: Response,
  ): Promise<Statement | string> {
    if ((await this.partners.find(this.dataSource.manager, partnerId)) === null) {
      throw new NotFoundException(`partner ${partnerId} is unknown to billing`);
    }
    const { from, to } = rangeOf(range, this.clock.now());
    const statement = await this.query.of(book, partnerId, from, to);
    if (range.format !== 'csv') {
      return statement;
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${book}-${partnerId}-${statement.from.slice(0, 10)}-${statement.to.slice(0, 10)}.csv"`,
    );
    return toCsv(STATEMENT_CSV_COLUMNS, statement.lines);
  }
}
