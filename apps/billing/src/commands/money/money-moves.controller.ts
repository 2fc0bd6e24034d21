import { randomUUID } from 'node:crypto';
import {
  ConflictException,
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountEvent, AccountState, BillingActor } from '@leadrail/billing-domain';
import { type HandledCommand, derivedEventId } from '@leadrail/event-store';
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
    @Res({ passthrough: true }) response: Response,
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
      cause(actor, partnerId, undefined),
    );
    if (result.events.length === 0) {
      // The reference names the payment: the same payment again is answered as recorded (a
      // client's retry); another amount under the same reference is a mistake to look at.
      const recorded = await this.accounts.payment(partnerId, body.reference);
      if (recorded?.amount !== body.amount.amount || recorded.currency !== body.amount.currency) {
        throw new ConflictException(
          `a payment with reference ${JSON.stringify(body.reference)} is recorded already, of another amount: see the statement`,
        );
      }
      response.status(200);
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
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<MoneyMoveAnswer> {
    const partner = await this.partner(partnerId);
    const actor = actorOf(operator);
    const moved = cause(actor, partnerId, idempotencyKey);
    const data = {
      kind: 'adjustment' as const,
      amount: plain(body.amount),
      reference: body.reference ?? null,
      reason: body.reason,
      actor,
    };
    const result =
      body.direction === 'credit'
        ? await this.accounts.credit(partner, data, moved)
        : await this.accounts.debit(partner, data, moved);
    return answer(partnerId, result);
  }

  @Post(':partnerId/refunds')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record money paid back to the partner' })
  async refund(
    @Param() { partnerId }: PartnerIdParams,
    @Body() body: RefundDto,
    @CurrentOperator() operator: Operator,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
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
      cause(actor, partnerId, idempotencyKey),
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

/**
 * The request as a cause. With an Idempotency-Key the cause's id derives
 * from it (per partner), so a client's retry of an adjustment or a refund
 * moves the money once; without one every request is a new move.
 */
function cause(
  actor: BillingActor,
  partnerId: string,
  idempotencyKey: string | undefined,
): BillingCause {
  const key = idempotencyKey?.trim().slice(0, 200);
  const id =
    key === undefined || key === ''
      ? randomUUID()
      : derivedEventId(`idempotency/${partnerId}/${key}`, 0);
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
