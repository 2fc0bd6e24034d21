import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  type Money,
  type PartnerLedgerState,
  availableFunds,
  committedFunds,
} from '@leadrail/routing-domain';
import { FundsView } from '../../funds/funds-view';
import { PartnerLedgers } from '../../ledger/partner-ledgers';
import { RoutingPartners } from '../../partner-view/routing-partners';
import { toRoutingPartner } from '../../partner-view/to-routing-partner';

/** Signed minor units with a currency. */
type Amount = Money;

/** What routing may still reserve for a partner, and what it is made of. */
export interface PartnerFundsAnswer {
  partnerId: string;
  payment: { mode: 'pre-pay' | 'post-pay'; creditLimit: Amount | null };
  /** The balance routing read, at the account version (0: the account has not moved yet); null when unknown. */
  account: { balance: Amount; accountVersion: number } | null;
  /** The balance, plus the credit limit when post-pay: everything the partner may still be charged. */
  available: Amount | null;
  /** Lead Values reserved by allocations not yet charged nor released. */
  reserved: { amount: number; leadIds: string[] };
  /** Charges settled on the ledger that the balance read does not include yet. */
  unseenCharges: { amount: number; leadIds: string[] };
  /** `available` less both: what the next allocation may reserve. */
  left: Amount | null;
  /** The partner allocation ledger's revision read (null: no allocation yet). */
  ledgerRevision: number | null;
}

/**
 * A partner's funds as routing decides with them: the balance from billing's
 * events (`routing_funds`) and the reservations and unseen charges of its
 * allocation ledger, the same sums `decideRouting` and the ledger use.
 */
@Injectable()
export class PartnerFundsQuery {
  constructor(
    @Inject(RoutingPartners) private readonly partners: RoutingPartners,
    @Inject(FundsView) private readonly funds: FundsView,
    @Inject(PartnerLedgers) private readonly ledgers: PartnerLedgers,
  ) {}

  async of(partnerId: string): Promise<PartnerFundsAnswer> {
    const record = await this.partners.one(partnerId);
    if (record === null) {
      throw new NotFoundException(`routing knows no partner ${partnerId}`);
    }
    const partner = toRoutingPartner(record);
    const funds = await this.funds.fundsOf(partner);
    const ledger = await this.ledgers.load(partnerId);
    const revision = funds?.revision ?? 0;
    const available = funds === null ? null : availableFunds(partner.payment, funds);
    const committed = committedFunds(ledger.state, revision);
    return {
      partnerId,
      payment: {
        mode: partner.payment.mode,
        creditLimit: partner.payment.mode === 'post-pay' ? partner.payment.creditLimit : null,
      },
      account: funds === null ? null : { balance: funds.balance, accountVersion: funds.revision },
      available,
      reserved: sumOf(ledger.state, (allocation) => allocation.status === 'open'),
      unseenCharges: sumOf(
        ledger.state,
        (allocation) =>
          allocation.status === 'settled' && (allocation.settledAtRevision ?? 0) > revision,
      ),
      left:
        available === null
          ? null
          : { amount: available.amount - committed, currency: available.currency },
      ledgerRevision: ledger.revision === undefined ? null : Number(ledger.revision),
    };
  }
}

function sumOf(
  state: PartnerLedgerState,
  counts: (allocation: PartnerLedgerState['allocations'][string]) => boolean,
): { amount: number; leadIds: string[] } {
  const held = Object.values(state.allocations).filter(
    (allocation) => allocation.reserved !== null && counts(allocation),
  );
  return {
    amount: held.reduce((sum, allocation) => sum + (allocation.reserved?.amount ?? 0), 0),
    leadIds: held.map((allocation) => allocation.leadId),
  };
}
