import { Inject, Injectable } from '@nestjs/common';
import {
  type Amount,
  type BillingActor,
  type PayableCommand,
  type PayableEvent,
  type PayableState,
  isPayableEvent,
  payableAggregate,
  payableStream,
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
import { type BillingCause, billingMetadata } from '../accounts/billing-cause';

type Handled = HandledCommand<PayableEvent, PayableState>;

/**
 * What introducers are owed (`payable-<introducerId>`): an entry per lead
 * taken, its event id derived from the introducer and the lead so it is
 * recorded once, and a reversal likewise.
 */
@Injectable()
export class IntroducerPayables {
  private readonly handler: CommandHandler<PayableCommand, PayableEvent, PayableState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDS) ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handler = commandHandler(store, payableAggregate, { ids, maxAttempts: 12 });
  }

  record(
    introducerId: string,
    leadId: string,
    amount: Amount,
    cause: BillingCause,
  ): Promise<Handled> {
    const at = this.clock.now().toISOString();
    return this.handler.handle(
      introducerId,
      { type: 'RecordPayable', data: { introducerId, leadId, amount }, at },
      {
        metadata: billingMetadata(cause, at),
        eventId: (index) => derivedEventId(`payable/${introducerId}/${leadId}`, index),
      },
    );
  }

  async reverse(
    introducerId: string,
    reversal: { leadId: string; reason: string; actor: BillingActor },
    cause: BillingCause,
  ): Promise<Handled> {
    const events = await this.events(introducerId);
    const entry = events.find(
      (event) =>
        event.type === 'IntroducerPayableRecorded' && event.data.leadId === reversal.leadId,
    );
    const at = this.clock.now().toISOString();
    return this.handler.handle(
      introducerId,
      {
        type: 'ReversePayable',
        data: {
          introducerId,
          ...reversal,
          payable: entry === undefined ? null : { amount: entry.data.amount },
        },
        at,
      },
      {
        metadata: billingMetadata(cause, at),
        eventId: (index) =>
          derivedEventId(`payable-reversal/${introducerId}/${reversal.leadId}`, index),
      },
    );
  }

  async events(introducerId: string): Promise<PayableEvent[]> {
    const recorded = await this.store.readStream(payableStream(introducerId));
    return recorded
      .filter(isPayableEvent)
      .map(({ type, data }) => ({ type, data }) as PayableEvent);
  }
}
