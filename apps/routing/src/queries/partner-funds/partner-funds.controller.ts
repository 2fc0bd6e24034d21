import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuthGuard } from '@leadrail/nest-kit';
import { PartnerCountsParams } from '../partner-counts/partner-counts.controller';
import { type PartnerFundsAnswer, PartnerFundsQuery } from './partner-funds';

/** A partner's funds as routing decides with them: balance, reservations, unseen charges. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing/partners')
@UseGuards(OperatorAuthGuard)
export class PartnerFundsController {
  constructor(@Inject(PartnerFundsQuery) private readonly query: PartnerFundsQuery) {}

  @Get(':partnerId/funds')
  @ApiOperation({
    summary:
      "A partner's balance as routing read it, the Lead Values it holds reserved, the charges the balance does not include yet, and what is left",
  })
  funds(@Param() { partnerId }: PartnerCountsParams): Promise<PartnerFundsAnswer> {
    return this.query.of(partnerId);
  }
}
