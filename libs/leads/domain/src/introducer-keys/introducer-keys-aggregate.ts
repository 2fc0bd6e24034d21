import { decideIntroducerKeys } from './decide-introducer-keys';
import { evolveIntroducerKeys } from './evolve-introducer-keys';
import type { IntroducerKeysCommand } from './introducer-keys-commands';
import { type IntroducerKeysEvent, isIntroducerKeysEvent } from './introducer-keys-events';
import { type IntroducerKeysState, initialIntroducerKeysState } from './introducer-keys-state';
import { introducerKeysStream } from './introducer-keys-stream';

/**
 * One introducer's API keys as an aggregate: the stream is the serialisation
 * point of the active-key limit. It has the shape of the event store's
 * `Aggregate` without importing it, so `commandHandler(store,
 * introducerKeysAggregate)` runs its commands.
 */
export interface IntroducerKeysAggregate {
  initialState(): IntroducerKeysState;
  decide(command: IntroducerKeysCommand, state: IntroducerKeysState): IntroducerKeysEvent[];
  evolve(state: IntroducerKeysState, event: IntroducerKeysEvent): IntroducerKeysState;
  streamName(introducerId: string): string;
  isEvent(event: { type: string; data: unknown }): event is IntroducerKeysEvent;
}

/** The introducer keys aggregate (`introducerKeys-<introducer id>` streams). */
export const introducerKeysAggregate: IntroducerKeysAggregate = {
  initialState: initialIntroducerKeysState,
  decide: decideIntroducerKeys,
  evolve: evolveIntroducerKeys,
  streamName: introducerKeysStream,
  isEvent: isIntroducerKeysEvent,
};
