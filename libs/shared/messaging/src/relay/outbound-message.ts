/** A message to publish: one integration event, keyed by its aggregate's id. */
export interface OutboundMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

/** Publishes messages, acknowledged durably, in order per key. */
export interface MessagePublisher {
  publish(messages: readonly OutboundMessage[]): Promise<void>;
  /** Releases its connections, once nothing publishes any more (shutdown). */
  close?(): Promise<void>;
}
