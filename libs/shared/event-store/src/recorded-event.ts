/** Who caused a change: auditors ask this of every event. */
export interface Actor {
  type: 'operator' | 'partner' | 'introducer' | 'service' | 'system';
  id: string;
}

/** What every event carries besides its data (ARCHITECTURE.md, "Event sourcing"). */
export interface EventMetadata {
  /** The request or message that started the whole chain. */
  correlationId: string;
  /** The command or event that directly caused this one. */
  causationId: string;
  /** When it happened in the domain (ISO 8601, UTC), as the command said; not when it was stored. */
  occurredAt: string;
  actor: Actor;
  /** Why, where the actor gave a reason (deactivations, manual corrections). */
  reason?: string;
  [extra: string]: unknown;
}

/** An event to append. Its id makes a retried append idempotent. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event as the log recorded it. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<
  Type,
  Data
> {
  streamName: string;
  /** 0 for a stream's first event, then +1 per event. */
  revision: bigint;
  /**
   * Place in the global log: strictly increasing in the order subscribers see
   * events. Opaque otherwise (not contiguous; adapters encode it differently).
   */
  position: bigint;
  recordedAt: Date;
}
