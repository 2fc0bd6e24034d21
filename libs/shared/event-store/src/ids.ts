import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

/** Where new ids come from: a port, so tests choose them and nothing calls randomUUID directly. */
export interface IdGenerator {
  next(): string;
}

/** Random v4 UUIDs, the production id generator. */
export const randomIds: IdGenerator = { next: () => randomUUID() };

// A fixed namespace for LeadRail's derived event ids (a random v4 UUID, chosen once).
const DERIVED_EVENT_NAMESPACE = '3b1f9a52-8a0e-4c53-9a57-0f3c2f6e7d41';

/**
 * The id of the `index`-th event a cause leads to: the same cause always
 * yields the same ids (a name-based UUID, RFC 9562 v5), so an append made
 * again for a redelivered message is recognised as already done.
 */
export function derivedEventId(causeEventId: string, index: number): string {
  return uuidv5(`${causeEventId}/${index}`, DERIVED_EVENT_NAMESPACE);
}
