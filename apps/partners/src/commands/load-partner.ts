import type { EventStore } from '@leadrail/event-store';
import {
  type PartnerEvent,
  type PartnerState,
  evolvePartner,
  initialPartnerState,
  partnerStream,
} from '@leadrail/partners-domain';

/**
 * A partner as its stream says now, folded by the domain's own evolve, with the
 * revision an If-Match must name (undefined when the partner does not exist).
 */
export async function loadPartner(
  store: EventStore,
  partnerId: string,
): Promise<{ state: PartnerState; revision: bigint | undefined }> {
  const events = await store.readStream(partnerStream(partnerId));
  const state = events.reduce(
    (current, event) =>
      evolvePartner(current, { type: event.type, data: event.data } as PartnerEvent),
    initialPartnerState(),
  );
  return { state, revision: events.at(-1)?.revision };
}
