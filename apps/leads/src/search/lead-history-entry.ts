import type { RecordedEvent } from '@leadrail/event-store';

/** One row of `lead_search_history`: what happened to a lead, when, by whom, for which partner. */
export interface LeadHistoryEntry {
  revision: string;
  type: string;
  occurredAt: string;
  actorType: string | null;
  actorId: string | null;
  partnerId: string | null;
  status: string | null;
}

/** The trail entry of a recorded lead event; it holds no personal data. */
export function historyEntryOf(event: RecordedEvent): LeadHistoryEntry {
  const data = event.data as { partnerId?: unknown; status?: unknown };
  const actor = event.metadata.actor as { type?: unknown; id?: unknown } | undefined;
  return {
    revision: event.revision.toString(),
    type: event.type,
    occurredAt: event.metadata.occurredAt ?? event.recordedAt.toISOString(),
    actorType: typeof actor?.type === 'string' ? actor.type : null,
    actorId: typeof actor?.id === 'string' ? actor.id : null,
    partnerId: typeof data.partnerId === 'string' ? data.partnerId : null,
    status:
      event.type === 'LeadStatusChanged' && typeof data.status === 'string' ? data.status : null,
  };
}
