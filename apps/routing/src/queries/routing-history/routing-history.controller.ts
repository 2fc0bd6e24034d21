import { Controller, Get, Inject, Param, ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuthGuard } from '@leadrail/nest-kit';
import { type RoutingHistory, RoutingHistoryQuery } from './routing-history';

/** "Why did lead L go to partner P": every decision with its candidates and reasons, and releases. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing/leads')
@UseGuards(OperatorAuthGuard)
export class RoutingHistoryController {
  constructor(@Inject(RoutingHistoryQuery) private readonly query: RoutingHistoryQuery) {}

  @Get(':leadId')
  @ApiOperation({
    summary:
      "A lead's routing history: each decision with every partner weighed and why, the chosen partner, releases",
  })
  history(@Param('leadId', new ParseUUIDPipe()) leadId: string): Promise<RoutingHistory> {
    return this.query.of(leadId.toLowerCase());
  }
}
