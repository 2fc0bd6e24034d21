import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuthGuard } from '@leadrail/nest-kit';
import { IsUUID, Matches } from 'class-validator';
import { type PartnerCounts, PartnerCountsQuery } from './partner-counts';

export class PartnerCountsParams {
  @IsUUID()
  partnerId!: string;
}

export class PartnerCountsQueryDto {
  /** The partner's local day, YYYY-MM-DD; its month is counted too. */
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'day must be a local day YYYY-MM-DD',
  })
  day!: string;
}

/** Cap counters as auditors see them: a partner's count for a local day and month, from its ledger. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing/partners')
@UseGuards(OperatorAuthGuard)
export class PartnerCountsController {
  constructor(@Inject(PartnerCountsQuery) private readonly query: PartnerCountsQuery) {}

  @Get(':partnerId/counts')
  @ApiOperation({
    summary: "A partner's lead count for a local day and its month, and the leads making it up",
  })
  counts(
    @Param() { partnerId }: PartnerCountsParams,
    @Query() { day }: PartnerCountsQueryDto,
  ): Promise<PartnerCounts> {
    return this.query.of(partnerId, day);
  }
}
