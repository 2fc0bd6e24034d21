import { Inject, Injectable } from '@nestjs/common';
import {
  type CommandHandler,
  type EventStore,
  type IdGenerator,
  type LoadedAggregate,
  UnknownEventTypeError,
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
  /** Each ledger as last folded here (one small state per partner: the ledger keeps only what decisions need). */
  private readonly folded = new Map<string, { state: PartnerLedgerState; revision: bigint }>();
  readonly handler: CommandHandler<LedgerCommand, LedgerEvent, PartnerLedgerState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDS) ids: IdGenerator,
  ) {
    // More attempts than the default: a partner popular under load is raced by every instance.
    this.handler = commandHandler(store, partnerLedgerAggregate, { ids, maxAttempts: 12 });
  }

  /**
   * A ledger as decisions read it: folded from this instance's last read on,
   * so a busy partner's long stream is not read whole for every lead. Only
   * decisions read this; the append of an allocation still folds the stream
   * and checks the revision, so a copy behind the log costs a conflict and a
   * new decision, never an overshoot.
   */
  async load(partnerId: string): Promise<LoadedAggregate<PartnerLedgerState>> {
    const cached = this.folded.get(partnerId);
    const newer = await this.store.readStream(
      partnerAllocationsStream(partnerId),
      cached === undefined ? undefined : { fromRevision: cached.revision + 1n },
    );
    let state = cached?.state ?? partnerLedgerAggregate.initialState();
    let revision = cached?.revision;
    for (const recorded of newer) {
      const event = { type: recorded.type, data: recorded.data };
      if (!isLedgerEvent(event)) {
        throw new UnknownEventTypeError(partnerAllocationsStream(partnerId), recorded.type);
      }
      state = partnerLedgerAggregate.evolve(state, event);
      revision = recorded.revision;
    }
    if (revision !== undefined) {
      this.folded.set(partnerId, { state, revision });
    }
    return { state, revision };
  }

  /** The ledger event appended with this id, if any: what an earlier attempt of a step decided. */
  async recorded(partnerId: string, eventId: string): Promise<LedgerEvent | undefined> {
    const events = await this.store.readStream(partnerAllocationsStream(partnerId));
    const found = events.find((event) => event.id === eventId);
    return found === undefined || !isLedgerEvent(found) ? undefined : found;
  }
}
