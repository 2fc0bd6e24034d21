/** A message as it came off a topic, before anything was decoded. */
export interface InboundMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** What decoding a message against its contracts yields. */
export type DecodeResult<Event> =
  { ok: true; event: Event } | { ok: false; reason: string; message: string };

/** The fields every integration event has, which the consumer relies on. */
export interface DecodedEvent {
  eventId: string;
  type: string;
  version: number;
}
