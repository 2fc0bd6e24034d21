import { Inject, Injectable } from '@nestjs/common';
import {
  type NotificationCommand,
  type NotificationEvent,
  type NotificationHeader,
  type NotificationState,
  notificationAggregate,
} from '@leadrail/notifications-domain';
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

const SYSTEM = { type: 'system', id: 'notifications' } as const;

/**
 * The notification streams (`notification-<id>`) and the schedule of sends
 * due. The request is recorded and its first send scheduled in the cause's
 * inbox transaction; every id appended derives from the notification and
 * the step, so a repeated step appends nothing.
 */
@Injectable()
export class Notifications {
  private readonly handler: CommandHandler<
    NotificationCommand,
    NotificationEvent,
    NotificationState
  >;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(IDS) ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handler = commandHandler(store, notificationAggregate, { ids });
  }

  load(notificationId: string): Promise<LoadedAggregate<NotificationState>> {
    return this.handler.load(notificationId);
  }

  /** Records the request (or the skip) and schedules the first send, in `manager`'s transaction. */
  async request(
    header: NotificationHeader,
    message: { to: string | null; subject: string | null; body: string; skipReason: string | null },
    correlationId: string,
    manager: EntityManager,
  ): Promise<void> {
    const result = await this.run(
      header.notificationId,
      { type: 'RequestNotification', data: { ...header, ...message }, at: this.now() },
      'request',
      correlationId,
      header.causeEventId,
    );
    if (result.status === 'pending' && result.attempts === 0) {
      await manager.query(
        `INSERT INTO notification_schedule
           (notification_id, channel, partner_id, due_at, correlation_id)
         VALUES ($1, $2, $3, now(), $4) ON CONFLICT (notification_id) DO NOTHING`,
        [header.notificationId, header.channel, header.partnerId, correlationId],
      );
    }
  }

  recordSent(
    notificationId: string,
    attempt: number,
    data: { providerId: string | null; cost: { amount: number; currency: string } | null },
    correlationId: string,
  ): Promise<NotificationState> {
    return this.run(
      notificationId,
      { type: 'RecordSent', data, at: this.now() },
      `outcome/${attempt}`,
      correlationId,
    );
  }

  recordAttemptFailed(
    notificationId: string,
    attempt: number,
    data: { reason: string; retryAt: string | null },
    correlationId: string,
  ): Promise<NotificationState> {
    return this.run(
      notificationId,
      { type: 'RecordAttemptFailed', data, at: this.now() },
      `outcome/${attempt}`,
      correlationId,
    );
  }

  recordProviderStatus(
    notificationId: string,
    data: { providerId: string; status: string; errorCode: string | null },
    at: string,
  ): Promise<NotificationState> {
    return this.run(
      notificationId,
      { type: 'RecordProviderStatus', data, at },
      `status/${data.status}`,
      notificationId,
    );
  }

  private async run(
    notificationId: string,
    command: NotificationCommand,
    step: string,
    correlationId: string,
    causationId = notificationId,
  ): Promise<NotificationState> {
    const at = this.now();
    const result = await this.handler.handle(notificationId, command, {
      metadata: { correlationId, causationId, occurredAt: at, actor: SYSTEM },
      eventId: (index) => derivedEventId(`${notificationId}/${step}`, index),
    });
    return result.state;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
