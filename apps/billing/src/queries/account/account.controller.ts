import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuthGuard } from '@leadrail/nest-kit';
import { IsString, MaxLength } from 'class-validator';
import { PartnerIdParams } from '../../http/billing-params';
import { type AccountAnswer, AccountQuery, type BalanceAtAnswer } from './account.query';

export class BalanceAtQuery {
  /** Read by instantOf (a date-time with Z or an offset). */
  @IsString()
  @MaxLength(40)
  at!: string;
}

/** A partner's account: where it stands now, and where it stood at any instant. */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('billing/partners')
@UseGuards(OperatorAuthGuard)
export class AccountController {
  constructor(@Inject(AccountQuery) private readonly query: AccountQuery) {}

  @Get(':partnerId/account')
  @ApiOperation({
    summary:
      "A partner's balance, available funds (with post-pay credit), terms and whether a low-funds alert is out",
  })
  account(@Param() { partnerId }: PartnerIdParams): Promise<AccountAnswer> {
    return this.query.of(partnerId);
  }

  @Get(':partnerId/balance')
  @ApiOperation({
    summary: "A partner's balance as of an instant (?at=ISO 8601), folded from the log itself",
  })
  balanceAt(
    @Param() { partnerId }: PartnerIdParams,
    @Query() { at }: BalanceAtQuery,
  ): Promise<BalanceAtAnswer> {
    return this.query.at(partnerId, at);
  }
}
