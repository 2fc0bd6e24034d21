import type { EventFilter, RecordedEvent } from '@leadrail/event-store';
import type { EntityManager } from 'typeorm';

/**
 * A read model built from the log. `apply` and `reset` run inside the runner's
 * transaction, together with the checkpoint: they must write only through
 * the given manager.
 */
export interface Projection {
  /** Unique among projections: the checkpoint's key. */
  readonly name: string;
  /** The events it needs; others are never read. */
  readonly filter?: EventFilter;
  apply(event: RecordedEvent, manager: EntityManager): Promise<void>;
  /** Where a whole batch is cheaper at once (a relay publishing to Kafka); else apply is called per event. */
  applyBatch?(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
  /** Empties the read model, for a rebuild from position zero. */
  reset(manager: EntityManager): Promise<void>;
}
