import { Inject, Injectable } from '@nestjs/common';
import type { PartnerFunds, RoutingPartner } from '@leadrail/routing-domain';
import { DataSource } from 'typeorm';

interface FundsRow {
  balance_amount: string;
  currency: string;
  account_version: number;
}

/**
 * A partner's funds as routing knows them: the balance of the newest account
 * movement billing published (`routing_funds`, kept by
 * BillingAccountsHandler), at that account version. An account that has not
 * moved yet is empty, which {@link fundsBefore} spells out.
 */
@Injectable()
export class FundsView {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async fundsOf(partner: RoutingPartner): Promise<PartnerFunds | null> {
    const rows = await this.dataSource.query<FundsRow[]>(
      'SELECT balance_amount, currency, account_version FROM routing_funds WHERE partner_id = $1',
      [partner.partnerId],
    );
    const row = rows[0];
    if (row === undefined) {
      return fundsBefore(partner);
    }
    return {
      balance: { amount: Number(row.balance_amount), currency: row.currency },
      revision: row.account_version,
    };
  }
}

/**
 * The funds of a partner whose account has not moved yet (version 0):
 *
 * - post-pay: it owes nothing, a balance of zero in its credit limit's
 *   currency, so it may be allocated up to its credit limit less what its
 *   ledger holds reserved;
 * - pre-pay: nothing has been paid in, and routing does not guess the
 *   account's currency: `null`, which the domain reads as
 *   `funds-unknown: no-account` wherever the billing point needs funds
 *   (delivery, acceptance). Partners billed at qualification or conversion
 *   need no funds at routing time and are routed anyway.
 */
export function fundsBefore(partner: RoutingPartner): PartnerFunds | null {
  if (partner.payment.mode === 'pre-pay') {
    return null;
  }
  return { balance: { amount: 0, currency: partner.payment.creditLimit.currency }, revision: 0 };
}
