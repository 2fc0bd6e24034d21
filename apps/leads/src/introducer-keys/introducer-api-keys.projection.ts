import type { RecordedEvent } from '@leadrail/event-store';
import { INTRODUCER_KEYS_STREAM_CATEGORY, isIntroducerKeysEvent } from '@leadrail/leads-domain';
import type { Projection } from '@leadrail/projections';
import type { EntityManager } from 'typeorm';
import { applyApiKeyEvent } from './introducer-api-keys';

/**
 * `introducer_api_keys` from the log: the source of truth for the table, so
 * a rebuild from position zero (or a write-through lost to a crash) restores
 * every key and every revocation.
 */
export class IntroducerApiKeysProjection implements Projection {
  readonly name = 'introducer-api-keys';
  readonly filter = { streamNamePrefixes: [`${INTRODUCER_KEYS_STREAM_CATEGORY}-`] };

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    const domainEvent = { type: event.type, data: event.data };
    // An unknown type in these streams means the log is newer than this code: stop, never skip.
    if (!isIntroducerKeysEvent(domainEvent)) {
      throw new Error(`introducer-api-keys cannot apply ${event.type} of ${event.streamName}`);
    }
    await applyApiKeyEvent(manager, domainEvent);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE introducer_api_keys');
  }
}
