import { Inject, Injectable } from '@nestjs/common';
import {
  type AccountCommand,
  type AccountEvent,
  type AccountState,
  type Amount,
  type BillingActor,
  accountAggregate,
  accountStream,
  isAccountEvent,
} from '@leadrail/billing-domain';
import {
  type CommandHandler,
  type EventStore,
  type HandledCommand,
  type IdGenerator,
  commandHandler,
  derivedEventId,
} from '@leadrail/event-store';
import { CLOCK, type Clock, EVENT_STORE, IDS } from '@leadrail/nest-kit';
import type { BillingPoint } from '@leadrail/partners-contracts';
import type { BillingPartnerRecord } from '../partner-view/billing-partner-record';
import { type BillingCause, billingMetadata } from './billing-cause';

type Handled = HandledCommand<AccountEvent, AccountState>;

/** Distributive omit: keeps each command's own data. */
type CommandData<T extends AccountCommand['type']> = Omit<
  Extract<AccountCommand, { type: T }>['data'],
  'partnerId' | 'terms'
>;

/**
 * The partner account streams (`account-<partnerId>`) through the shared
 * command handler. Once-only is the log's doing: a charge's event id derives
 * from the partner and the lead, a reversal's likewise, a payment's from its
 * reference; the handler finds the id in the stream and appends nothing, on
 * any instance and after any redelivery (docs/billing-service.md).
 */
@Injectable()
export class PartnerAccounts {
  private readonly handler: CommandHandler<AccountCommand, AccountEvent, AccountState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDS) ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Every instance charges the same popular accounts: more attempts than the default.
    this.handler = commandHandler(store, accountAggregate, { ids, maxAttempts: 12 });
  }

  charge(
    partner: BillingPartnerRecord,
    sale: { leadId: string; amount: Amount; billingPoint: BillingPoint },
    cause: BillingCause,
  ): Promise<Handled> {
    return this.run(
      partner,
      { type: 'ChargeLead', data: sale },
      cause,
      `charge/${partner.partnerId}/${sale.leadId}`,
    );
  }

  credit(
    partner: BillingPartnerRecord,
    data: CommandData<'CreditAccount'>,
    cause: BillingCause,
  ): Promise<Handled> {
    // A payment's reference names it: the same capture or bank reference credits once.
    const key =
      data.kind === 'payment' && data.reference !== null
        ? `payment/${partner.partnerId}/${data.reference}`
        : `${cause.eventId}/credit/${partner.partnerId}`;
    return this.run(partner, { type: 'CreditAccount', data }, cause, key);
  }

  debit(
    partner: BillingPartnerRecord,
    data: CommandData<'DebitAccount'>,
    cause: BillingCause,
  ): Promise<Handled> {
    return this.run(
      partner,
      { type: 'DebitAccount', data },
      cause,
      `${cause.eventId}/debit/${partner.partnerId}`,
    );
  }

  /** Gives back a lead's charge, once: the charge is read from the stream the credit goes to. */
  async reverseCharge(
    partner: BillingPartnerRecord,
    reversal: { leadId: string; reason: string; actor: BillingActor },
    cause: BillingCause,
  ): Promise<Handled> {
    const charge = await this.chargeOf(partner.partnerId, reversal.leadId);
    return this.run(
      partner,
      { type: 'ReverseCharge', data: { ...reversal, charge } },
      cause,
      `reversal/${partner.partnerId}/${reversal.leadId}`,
    );
  }

  /** The partner's terms changed: raise or re-arm the low-funds alert if they cross it. */
  reviewFundsAlert(partner: BillingPartnerRecord, cause: BillingCause): Promise<Handled> {
    return this.run(
      partner,
      { type: 'ReviewFundsAlert', data: {} },
      cause,
      `${cause.eventId}/review/${partner.partnerId}`,
    );
  }

  async state(partnerId: string): Promise<AccountState> {
    return (await this.handler.load(partnerId)).state;
  }

  /** Every event of the account, in order (for the balance as of an instant). */
  async events(partnerId: string): Promise<AccountEvent[]> {
    const recorded = await this.store.readStream(accountStream(partnerId));
    return recorded
      .filter(isAccountEvent)
      .map(({ type, data }) => ({ type, data }) as AccountEvent);
  }

  /** The payment recorded under a reference, if any: its amount. */
  async payment(partnerId: string, reference: string): Promise<Amount | null> {
    const events = await this.events(partnerId);
    const found = events.find(
      (event): event is Extract<AccountEvent, { type: 'PartnerAccountCredited' }> =>
        event.type === 'PartnerAccountCredited' &&
        event.data.kind === 'payment' &&
        event.data.reference === reference,
    );
    return found === undefined ? null : found.data.amount;
  }

  private async chargeOf(partnerId: string, leadId: string): Promise<{ amount: Amount } | null> {
    const events = await this.events(partnerId);
    const charge = events.find(
      (event): event is Extract<AccountEvent, { type: 'PartnerCharged' }> =>
        event.type === 'PartnerCharged' && event.data.leadId === leadId,
    );
    return charge === undefined ? null : { amount: charge.data.amount };
  }

  private run(
    partner: BillingPartnerRecord,
    command: { type: AccountCommand['type']; data: object },
    cause: BillingCause,
    key: string,
  ): Promise<Handled> {
    const at = this.clock.now().toISOString();
    return this.handler.handle(
      partner.partnerId,
      {
        type: command.type,
        data: { ...command.data, partnerId: partner.partnerId, terms: partner.terms },
        at,
      } as AccountCommand,
      { metadata: billingMetadata(cause, at), eventId: (index) => derivedEventId(key, index) },
    );
  }
}
