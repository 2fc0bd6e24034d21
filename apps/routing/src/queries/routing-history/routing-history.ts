import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EventStore } from '@leadrail/event-store';
import { EVENT_STORE } from '@leadrail/nest-kit';
import { leadRoutingStream, leadRoutingAggregate } from '../../lead-routing/lead-routing-aggregate';

/** One entry of a lead's routing history, as the why endpoint answers it. */
export interface RoutingHistoryEntry {
  type: string;
  /** The event's global position in the log: where it sits among every other decision. */
  position: string;
  revision: number;
  occurredAt: string;
  /** The consumed event that caused it (LeadRecorded, ReferralDeclined, ...). */
  causationId: string;
  data: unknown;
}

/** A lead's routing history: the answer to "why did lead L go to partner P, not to Q". */
export interface RoutingHistory {
  leadId: string;
  /** Partners tried so far, in order; and those holding the lead now. */
  tried: string[];
  holding: string[];
  history: RoutingHistoryEntry[];
}

/** Reads a lead's routing stream (`leadRouting-<leadId>`) from the log. */
@Injectable()
export class RoutingHistoryQuery {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(leadId: string): Promise<RoutingHistory> {
    const events = await this.store.readStream(leadRoutingStream(leadId));
    if (events.length === 0) {
      throw new NotFoundException(`routing has decided nothing for lead ${leadId}`);
    }
    let state = leadRoutingAggregate.initialState();
    for (const { type, data } of events) {
      const event = { type, data };
      if (leadRoutingAggregate.isEvent(event)) {
        state = leadRoutingAggregate.evolve(state, event);
      }
    }
    return {
      leadId,
      tried: state.tried,
      holding: state.holding,
      history: events.map((event) => ({
        type: event.type,
        position: event.position.toString(),
        revision: Number(event.revision),
        occurredAt: event.metadata.occurredAt,
        causationId: event.metadata.causationId,
        data: event.data,
      })),
    };
  }
}
