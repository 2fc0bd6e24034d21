import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type Amount, accountAt, availableFunds, termsCurrency } from '@leadrail/billing-domain';
import { DataSource } from 'typeorm';
import { PartnerAccounts } from '../../accounts/partner-accounts';
import { instantOf } from '../../http/billing-params';
import { BillingPartners } from '../../partner-view/billing-partners';

/** A partner's account as an operator (or the partner's portal) sees it. */
export interface AccountAnswer {
  partnerId: string;
  name: string;
  paymentMode: 'pre-pay' | 'post-pay';
  creditLimit: Amount | null;
  lowFundsThreshold: Amount;
  billingPoint: string;
  balance: Amount;
  /** The balance, plus the credit limit for post-pay: what the partner may still spend. */
  available: Amount;
  accountVersion: number;
  fundsLow: boolean;
}

/** The balance of an account as of an instant, folded from its stream. */
export interface BalanceAtAnswer {
  partnerId: string;
  at: string;
  balance: Amount;
  accountVersion: number;
}

@Injectable()
export class AccountQuery {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BillingPartners) private readonly partners: BillingPartners,
    @Inject(PartnerAccounts) private readonly accounts: PartnerAccounts,
  ) {}

  /** The account from the read model (the ledger projection), with the partner's terms. */
  async of(partnerId: string): Promise<AccountAnswer> {
    const partner = await this.partners.find(this.dataSource.manager, partnerId);
    if (partner === null) {
      throw new NotFoundException(`partner ${partnerId} is unknown to billing`);
    }
    const rows = await this.dataSource.query<
      { currency: string; balance: string; account_version: number; funds_low: boolean }[]
    >(
      'SELECT currency, balance, account_version, funds_low FROM billing_accounts WHERE partner_id = $1',
      [partnerId],
    );
    const row = rows[0];
    const currency = row?.currency ?? termsCurrency(partner.terms);
    const balance = Number(row?.balance ?? 0);
    return {
      partnerId,
      name: partner.name,
      paymentMode: partner.terms.mode,
      creditLimit: partner.terms.creditLimit,
      lowFundsThreshold: partner.terms.lowFundsThreshold,
      billingPoint: partner.billingPoint,
      balance: { amount: balance, currency },
      available: { amount: availableFunds(balance, currency, partner.terms), currency },
      accountVersion: row?.account_version ?? 0,
      fundsLow: row?.funds_low ?? false,
    };
  }

  /** The balance as of `at`, from the log itself (not the read model): what an auditor asks. */
  async at(partnerId: string, at: string): Promise<BalanceAtAnswer> {
    const partner = await this.partners.find(this.dataSource.manager, partnerId);
    if (partner === null) {
      throw new NotFoundException(`partner ${partnerId} is unknown to billing`);
    }
    const instant = instantOf(at, 'at').toISOString();
    const state = accountAt(await this.accounts.events(partnerId), instant);
    return {
      partnerId,
      at: instant,
      balance: { amount: state.balance, currency: state.currency ?? termsCurrency(partner.terms) },
      accountVersion: state.version,
    };
  }
}
