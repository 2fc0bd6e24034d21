import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from './inbound-message';

/**
 * One effect of a consumed integration event. It runs in a transaction with the
 * inbox record of (name, eventId): the effect and the fact that it happened
 * commit together, so a redelivered event is skipped, never applied twice.
 */
export interface IntegrationEventHandler<Event extends DecodedEvent = DecodedEvent> {
  /** Unique within the service: the inbox key. Renaming it re-applies history. */
  readonly name: string;
  /** Event types (`type`, any version) this handler applies. */
  readonly eventTypes: readonly string[];
  handle(event: Event, manager: EntityManager): Promise<void>;
}
