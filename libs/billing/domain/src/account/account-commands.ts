import type { BillingPoint } from '@leadrail/partners-contracts';
import type { AccountTerms, Amount } from './account-terms';

/** Who moved the money: auditors ask. */
export interface BillingActor {
  type: 'operator' | 'partner' | 'system';
  id: string;
}

interface AccountCommandBase<Type extends string, Data> {
  type: Type;
  data: Data & { partnerId: string; terms: AccountTerms };
  /** The decision instant (the adapter's clock): recorded as `recordedAt`. */
  at: string;
}

/** A lead reached the partner's billing point: take its Lead Value. */
export type ChargeLead = AccountCommandBase<
  'ChargeLead',
  { leadId: string; amount: Amount; billingPoint: BillingPoint }
>;

/** Money came in: a PayPal capture, a payment an operator recorded, or an operator's correction. */
export type CreditAccount = AccountCommandBase<
  'CreditAccount',
  {
    kind: 'payment' | 'adjustment';
    amount: Amount;
    reference: string | null;
    reason: string | null;
    actor: BillingActor;
  }
>;

/** Money went out other than for a lead: an operator's correction or a refund. */
export type DebitAccount = AccountCommandBase<
  'DebitAccount',
  {
    kind: 'adjustment' | 'refund';
    amount: Amount;
    reference: string | null;
    reason: string;
    actor: BillingActor;
  }
>;

/**
 * Give back a lead's charge (an accepted return, an operator's reversal).
 * `charge` is the lead's `PartnerCharged` as the stream holds it, or null
 * when it holds none: the adapter reads it from the same stream it appends to.
 */
export type ReverseCharge = AccountCommandBase<
  'ReverseCharge',
  {
    leadId: string;
    charge: { amount: Amount } | null;
    reason: string;
    actor: BillingActor;
  }
>;

/** The partner's terms changed: a new threshold or credit limit may cross it without a movement. */
export type ReviewFundsAlert = AccountCommandBase<'ReviewFundsAlert', Record<never, never>>;

export type AccountCommand =
  ChargeLead | CreditAccount | DebitAccount | ReverseCharge | ReviewFundsAlert;
