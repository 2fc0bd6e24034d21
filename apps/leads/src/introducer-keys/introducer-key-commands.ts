import { Inject, Injectable } from '@nestjs/common';
import {
  type CommandHandler,
  type EventStore,
  type IdGenerator,
  type LoadedAggregate,
  commandHandler,
} from '@leadrail/event-store';
import {
  type IntroducerKeysCommand,
  type IntroducerKeysEvent,
  type IntroducerKeysState,
  type LeadActor,
  introducerKeysAggregate,
} from '@leadrail/leads-domain';
import { CLOCK, type Clock, EVENT_STORE, IDS } from '@leadrail/nest-kit';
import { IntroducerApiKeys } from './introducer-api-keys';

type CommandOf<Type extends IntroducerKeysCommand['type']> = Extract<
  IntroducerKeysCommand,
  { type: Type }
>;

/** What a command did: the events appended (none when it changed nothing) and the keys after it. */
export interface KeysOutcome {
  events: IntroducerKeysEvent[];
  state: IntroducerKeysState;
}

/**
 * The way into an introducer's keys: the shared command handler (load, fold,
 * decide, append, retry) with the service's clock and ids, then a
 * write-through of the appended events into `introducer_api_keys`.
 *
 * Why write-through: the table is a projection, so it lags the log, yet a
 * key must authenticate as soon as the 201 is sent, and stop as soon as the
 * 204 of its revocation is. The authenticator cannot fall back to the
 * stream instead: a key names its key id, not its introducer, so there is no
 * stream to read; and a fallback would not catch a revocation the table has
 * not seen. The projection still applies every event (idempotently), so a
 * write-through lost to a crash after the append is repaired by it.
 */
@Injectable()
export class IntroducerKeyCommands {
  private readonly handler: CommandHandler<
    IntroducerKeysCommand,
    IntroducerKeysEvent,
    IntroducerKeysState
  >;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDS) private readonly ids: IdGenerator,
    @Inject(IntroducerApiKeys) private readonly table: IntroducerApiKeys,
  ) {
    this.handler = commandHandler(store, introducerKeysAggregate, { ids });
  }

  async issue<Type extends IntroducerKeysCommand['type']>(
    type: Type,
    introducerId: string,
    data: Omit<CommandOf<Type>['data'], 'introducerId'>,
    actor: LeadActor,
  ): Promise<KeysOutcome> {
    const occurredAt = this.clock.now().toISOString();
    // The parameters tie data to type; TypeScript cannot relate the generic object back to its union member.
    const command = {
      type,
      data: { ...data, introducerId },
      metadata: { actor, occurredAt },
    } as unknown as CommandOf<Type>;
    const correlationId = this.ids.next();
    const result = await this.handler.handle(introducerId, command, {
      metadata: { correlationId, causationId: correlationId, occurredAt, actor },
    });
    const events = result.events.map(
      ({ type: eventType, data: eventData }) =>
        ({ type: eventType, data: eventData }) as IntroducerKeysEvent,
    );
    if (events.length > 0) {
      await this.table.record(events);
    }
    return { events, state: result.state };
  }

  /** The introducer's keys as its stream says now. */
  load(introducerId: string): Promise<LoadedAggregate<IntroducerKeysState>> {
    return this.handler.load(introducerId);
  }
}
