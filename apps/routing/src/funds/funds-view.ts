import { Injectable } from '@nestjs/common';
import type { PartnerFunds, RoutingPartner } from '@leadrail/routing-domain';

/**
 * Where routing learns a partner's funds: the one adapter billing's balance
 * events (`leadrail.billing.v1`, issue #13) will feed. Until billing
 * publishes accounts, routing assumes what it can prove:
 *
 * - a post-pay partner owes nothing yet: a balance of zero in its credit
 *   limit's currency, at account revision 0, so it may be allocated up to
 *   its credit limit less what its ledger holds reserved (every open
 *   reservation counts, so its credit is never overspent by routing);
 * - a pre-pay partner has no balance routing knows of: `null`, which the
 *   domain reads as `funds-unknown: no-account` wherever its billing point
 *   needs funds (delivery, acceptance). Partners billed at qualification or
 *   conversion need no funds at routing time and are routed anyway.
 */
@Injectable()
export class FundsView {
  fundsOf(partner: RoutingPartner): Promise<PartnerFunds | null> {
    return Promise.resolve(assumedFunds(partner));
  }
}

/** The funds assumed for a partner while billing publishes no accounts (see {@link FundsView}). */
export function assumedFunds(partner: RoutingPartner): PartnerFunds | null {
  if (partner.payment.mode === 'pre-pay') {
    return null;
  }
  return { balance: { amount: 0, currency: partner.payment.creditLimit.currency }, revision: 0 };
}
