/** Who issues a command to a partner. */
export type ActorType = 'operator' | 'partner' | 'system';

/** The person or process behind a command; for a partner, `id` is its partner id. */
export interface Actor {
  type: ActorType;
  id: string;
}

/**
 * What every partner command carries besides its data. The domain never reads a
 * clock or makes up ids: time and actor come in here, so decisions can be replayed.
 */
export interface CommandMetadata {
  actor: Actor;
  /** When the command was issued: an ISO 8601 instant with a zone (`Z` or `±HH:MM`). */
  occurredAt: string;
  /** Why, where the actor gave a reason. */
  reason?: string;
}
