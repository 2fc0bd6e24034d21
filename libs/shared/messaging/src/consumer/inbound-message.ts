/** A message as it came off a topic, before anything was decoded. */
export interface InboundMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/**
 * What decoding a message against its contracts yields: an event, a rejection
 * (a dead letter), or `ignored` for a well-formed event of a type this service
 * does not consume (topics carry many types; newer producers add more).
 */
export type DecodeResult<Event> =
  | { ok: true; event: Event }
  | { ok: false; ignored?: false; reason: string; message: string }
  | { ok: false; ignored: true; reason: string; message: string };

/** The fields every integration event has, which the consumer relies on. */
export interface DecodedEvent {
  eventId: string;
  type: string;
  version: number;
}
