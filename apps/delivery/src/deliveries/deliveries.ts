import { Inject, Injectable } from '@nestjs/common';
import {
  type DeliveryCommand,
  type DeliveryEvent,
  type DeliveryState,
  type RecordAttempt,
  type RequestDelivery,
  deliveryAggregate,
  dueChannels,
} from '@leadrail/delivery-domain';
import {
  type CommandHandler,
  type EventStore,
  type IdGenerator,
  type LoadedAggregate,
  commandHandler,
  derivedEventId,
} from '@leadrail/event-store';
import { CLOCK, type Clock, EVENT_STORE, IDS } from '@leadrail/nest-kit';
import type { EntityManager } from 'typeorm';

/** What caused a step: its id derives every id the step appends. */
export interface DeliveryCause {
  eventId: string;
  correlationId: string;
  /** Who asked, when not the delivery service itself (an operator's redelivery). */
  actor?: { type: 'operator'; id: string };
}

const DELIVERY_ACTOR = { type: 'system', id: 'delivery' } as const;

/**
 * The delivery streams (`delivery-<deliveryId>`) through the shared command
 * handler, and the schedule rows that say which attempt is due when. Every
 * id appended derives from its cause, so a repeated step appends nothing.
 */
@Injectable()
export class Deliveries {
  private readonly handler: CommandHandler<DeliveryCommand, DeliveryEvent, DeliveryState>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(IDS) ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handler = commandHandler(store, deliveryAggregate, { ids });
  }

  load(deliveryId: string): Promise<LoadedAggregate<DeliveryState>> {
    return this.handler.load(deliveryId);
  }

  /** Records the request and schedules each channel's next attempt (in `manager`'s transaction). */
  async request(
    data: RequestDelivery['data'],
    cause: DeliveryCause,
    manager: EntityManager,
  ): Promise<void> {
    const at = this.clock.now().toISOString();
    const result = await this.handler.handle(
      data.deliveryId,
      { type: 'RequestDelivery', data, at },
      {
        metadata: this.metadata(cause, at),
        eventId: (index) => derivedEventId(`${cause.eventId}/request/${data.deliveryId}`, index),
      },
    );
    await this.schedule(manager, result.state, cause.correlationId);
  }

  /** Records one attempt (and the final outcome it brings); returns the delivery after it. */
  async recordAttempt(
    deliveryId: string,
    round: number,
    data: RecordAttempt['data'],
    cause: DeliveryCause,
  ): Promise<DeliveryState> {
    const at = this.clock.now().toISOString();
    const result = await this.handler.handle(
      deliveryId,
      { type: 'RecordAttempt', data, at },
      {
        metadata: this.metadata(cause, at),
        eventId: (index) =>
          derivedEventId(`${deliveryId}/${round}/${data.channel}/${data.attempt}`, index),
      },
    );
    return result.state;
  }

  /**
   * Makes the schedule say what the delivery has left to try, one row per
   * pending channel (or only `channel`'s: an attempt touches its own row,
   * never the one another worker holds for the other channel).
   */
  async schedule(
    manager: EntityManager,
    state: DeliveryState,
    correlationId: string,
    channel?: 'email' | 'internet',
  ): Promise<void> {
    if (state.deliveryId === null) {
      return;
    }
    const channels = channel === undefined ? state.channels : [channel];
    const due = dueChannels(state).filter((entry) => channels.includes(entry.channel));
    const done = channels.filter((name) => !due.some((entry) => entry.channel === name));
    await manager.query(
      'DELETE FROM delivery_schedule WHERE delivery_id = $1 AND channel = ANY($2::text[])',
      [state.deliveryId, done],
    );
    for (const entry of due) {
      await manager.query(
        `INSERT INTO delivery_schedule
           (delivery_id, channel, lead_id, partner_id, attempt, due_at, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (delivery_id, channel) DO UPDATE
           SET attempt = EXCLUDED.attempt, due_at = EXCLUDED.due_at, waiting_since = NULL`,
        [
          state.deliveryId,
          entry.channel,
          state.leadId,
          state.partnerId,
          entry.attempt,
          entry.dueAt ?? this.clock.now(),
          correlationId,
        ],
      );
    }
  }

  private metadata(cause: DeliveryCause, occurredAt: string) {
    return {
      correlationId: cause.correlationId,
      causationId: cause.eventId,
      occurredAt,
      actor: cause.actor ?? DELIVERY_ACTOR,
    };
  }
}
