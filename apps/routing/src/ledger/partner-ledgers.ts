import { Inject, Injectable } from '@nestjs/common';
import {
  type CommandHandler,
  type EventStore,
  type IdGenerator,
  type LoadedAggregate,
  commandHandler,
} from '@leadrail/event-store';
import { EVENT_STORE, IDS } from '@leadrail/nest-kit';
import {
  type LedgerCommand,
  type LedgerEvent,
  type PartnerLedgerState,
  isLedgerEvent,
  partnerAllocationsStream,
  partnerLedgerAggregate,
} from '@leadrail/routing-domain';

/**
 * The partner allocation ledgers (`partnerAllocations-<partnerId>`) through the
 * shared command handler: each command reads the stream, folds, decides and
 * appends with the revision read, deciding again when another routing
 * instance appended first. The ledger's decider re-checks limits and funds, so
 * what it accepts never passes them.
 */
@Injectable()
export class PartnerLedgers {
  readonly handler: CommandHandler<LedgerCommand, LedgerEvent, PartnerLedgerState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDS) ids: IdGenerator,
  ) {
    // More attempts than the default: a partner popular under load is raced by every instance.
    this.handler = commandHandler(store, partnerLedgerAggregate, { ids, maxAttempts: 12 });
  }

  load(partnerId: string): Promise<LoadedAggregate<PartnerLedgerState>> {
    return this.handler.load(partnerId);
  }

  /** The ledger event appended with this id, if any: what an earlier attempt of a step decided. */
  async recorded(partnerId: string, eventId: string): Promise<LedgerEvent | undefined> {
    const events = await this.store.readStream(partnerAllocationsStream(partnerId));
    const found = events.find((event) => event.id === eventId);
    return found === undefined || !isLedgerEvent(found) ? undefined : found;
  }
}
