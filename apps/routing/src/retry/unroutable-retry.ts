import { Inject, Injectable } from '@nestjs/common';
import {
  type CommandHandler,
  type EventStore,
  type IdGenerator,
  commandHandler,
  derivedEventId,
  loadAggregateWithIds,
} from '@leadrail/event-store';
import { CLOCK, type Clock, EVENT_STORE, IDS } from '@leadrail/nest-kit';
import { LeadRouter, type RoutingCause } from '../lead-routing/lead-router';
import {
  type LeadRoutingCommand,
  type LeadRoutingState,
  leadRoutingAggregate,
} from '../lead-routing/lead-routing-aggregate';
import type { LeadRoutingEvent } from '../lead-routing/lead-routing-events';

/** What one retry of an unroutable lead came to. */
export type RetryOutcome =
  | 'routed'
  | 'unroutable'
  | 'abandoned'
  /** Routed, abandoned or given to a partner since it was listed: nothing to retry. */
  | 'nothing-to-retry';

const RETRY_ACTOR = { type: 'system', id: 'routing.retry' } as const;

/**
 * One retry of a lead nobody could take: abandoned when it is older than the
 * retry age, else decided again from fresh state, recorded only if a partner
 * takes it (LeadRouter with `recordUnroutable: false`).
 */
@Injectable()
export class UnroutableRetry {
  private readonly routing: CommandHandler<LeadRoutingCommand, LeadRoutingEvent, LeadRoutingState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDS) ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LeadRouter) private readonly router: LeadRouter,
  ) {
    this.routing = commandHandler(store, leadRoutingAggregate, { ids });
  }

  async retry(leadId: string, cause: RoutingCause, maxAgeMinutes: number): Promise<RetryOutcome> {
    const { state } = await loadAggregateWithIds(this.store, leadRoutingAggregate, leadId);
    if (!state.unroutable || state.abandoned || state.lead === null) {
      return 'nothing-to-retry';
    }
    const now = this.clock.now();
    if (now.getTime() - Date.parse(state.lead.recordedAt) > maxAgeMinutes * 60_000) {
      const abandonedAt = now.toISOString();
      await this.routing.handle(
        leadId,
        {
          type: 'RecordAbandonment',
          event: {
            type: 'LeadRoutingAbandoned',
            data: {
              leadId,
              reason: 'max-age-reached',
              leadRecordedAt: state.lead.recordedAt,
              maxAgeMinutes,
              abandonedAt,
            },
          },
        },
        {
          metadata: {
            correlationId: cause.correlationId,
            causationId: cause.eventId,
            occurredAt: abandonedAt,
            actor: RETRY_ACTOR,
          },
          eventId: (index) => derivedEventId(`${cause.eventId}/abandon`, index),
        },
      );
      return 'abandoned';
    }
    const outcome = await this.router.route(leadId, null, cause, { recordUnroutable: false });
    return outcome === 'routed' || outcome === 'unroutable' ? outcome : 'nothing-to-retry';
  }
}
