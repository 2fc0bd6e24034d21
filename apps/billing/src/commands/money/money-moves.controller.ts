import { randomUUID } from 'node:crypto';
import {
  ConflictException,
  Body,
  Controller,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountEvent, AccountState, BillingActor } from '@leadrail/billing-domain';
import type { HandledCommand } from '@leadrail/event-store';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import { DataSource } from 'typeorm';
import type { BillingCause } from '../../accounts/billing-cause';
import { PartnerAccounts } from '../../accounts/partner-accounts';
import { PartnerIdParams } from '../../http/billing-params';
import type { BillingPartnerRecord } from '../../partner-view/billing-partner-record';
import { BillingPartners } from '../../partner-view/billing-partners';
import { AdjustmentDto, AmountDto, RecordPaymentDto, RefundDto } from './money-moves.dto';

/** What a money move recorded: the events and where the account stands after them. */
export interface MoneyMoveAnswer {
  partnerId: string;
  recorded: string[];
  accountVersion: number;
  balance: { amount: number; currency: string | null };
}

/**
 * Operators' money moves on a partner's account: payments received outside
 * PayPal, adjustments either way and refunds, each with the reason and the
 * operator, all admin-only.
 */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('billing/partners')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class MoneyMovesController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BillingPartners) private readonly partners: BillingPartners,
    @Inject(PartnerAccounts) private readonly accounts: PartnerAccounts,
  ) {}

  @Post(':partnerId/payments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a payment received outside PayPal (once per reference)' })
  async payment(
    @Param() { partnerId }: PartnerIdParams,
    @Body() body: RecordPaymentDto,
    @CurrentOperator() operator: Operator,
  ): Promise<MoneyMoveAnswer> {
    const partner = await this.partner(partnerId);
    const actor = actorOf(operator);
    const result = await this.accounts.credit(
      partner,
      {
        kind: 'payment',
        amount: plain(body.amount),
        reference: body.reference,
        reason: body.reason ?? null,
        actor,
      },
      cause(actor),
    );
    if (result.events.length === 0) {
      throw new ConflictException(
        `a payment with reference ${JSON.stringify(body.reference)} is recorded already: see the statement`,
      );
    }
    return answer(partnerId, result);
  }

  @Post(':partnerId/adjustments')
  @HttpCode(201)
  @ApiOperation({ summary: "Correct a partner's balance either way, with a reason" })
  async adjustment(
    @Param() { partnerId }: PartnerIdParams,
    @Body() body: AdjustmentDto,
    @CurrentOperator() operator: Operator,
  ): Promise<MoneyMoveAnswer> {
    const partner = await this.partner(partnerId);
    const actor = actorOf(operator);
    const data = {
      kind: 'adjustment' as const,
      amount: plain(body.amount),
      reference: body.reference ?? null,
      reason: body.reason,
      actor,
    };
    const result =
      body.direction === 'credit'
        ? await this.accounts.credit(partner, data, cause(actor))
        : await this.accounts.debit(partner, data, cause(actor));
    return answer(partnerId, result);
  }

  @Post(':partnerId/refunds')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record money paid back to the partner' })
  async refund(
    @Param() { partnerId }: PartnerIdParams,
    @Body() body: RefundDto,
    @CurrentOperator() operator: Operator,
  ): Promise<MoneyMoveAnswer> {
    const partner = await this.partner(partnerId);
    const actor = actorOf(operator);
    const result = await this.accounts.debit(
      partner,
      {
        kind: 'refund',
        amount: plain(body.amount),
        reference: body.reference ?? null,
        reason: body.reason,
        actor,
      },
      cause(actor),
    );
    return answer(partnerId, result);
  }

  private async partner(partnerId: string): Promise<BillingPartnerRecord> {
    const partner = await this.partners.find(this.dataSource.manager, partnerId);
    if (partner === null) {
      throw new NotFoundException(`partner ${partnerId} is unknown to billing`);
    }
    return partner;
  }
}

/** The DTO's class instance as plain JSON: the log keeps data, not classes. */
function plain(amount: AmountDto): { amount: number; currency: string } {
  return { amount: amount.amount, currency: amount.currency };
}

function actorOf(operator: Operator): BillingActor {
  return { type: 'operator', id: operator.id };
}

function cause(actor: BillingActor): BillingCause {
  const id = randomUUID();
  return { eventId: id, correlationId: id, actor };
}

function answer(
  partnerId: string,
  result: HandledCommand<AccountEvent, AccountState>,
): MoneyMoveAnswer {
  return {
    partnerId,
    recorded: result.events.map((event) => event.type),
    accountVersion: result.state.version,
    balance: { amount: result.state.balance, currency: result.state.currency },
  };
}
