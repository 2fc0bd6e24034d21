import {
  NOTIFICATION_STREAM_CATEGORY,
  type NotificationEvent,
} from '@leadrail/notifications-domain';
import type { RecordedEvent } from '@leadrail/event-store';
import type { Projection } from '@leadrail/projections';
import type { EntityManager } from 'typeorm';

/**
 * `notification_log`: one row per notification with its outcome, provider
 * status and cost, from the notifications log (reports read it; a rebuild
 * gives the same rows).
 */
export class NotificationLogProjection implements Projection {
  readonly name = 'notification-log';
  readonly filter = {
    streamNamePrefixes: [`${NOTIFICATION_STREAM_CATEGORY}-`],
    eventTypes: [
      'NotificationRequested',
      'NotificationAttemptFailed',
      'NotificationSent',
      'NotificationFailed',
      'NotificationSkipped',
      'NotificationStatusChanged',
    ],
  };

  async apply(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as NotificationEvent;
    const { notificationId, partnerId, channel, purpose, causeEventId, at } = event.data;
    const outcome =
      event.type === 'NotificationSent'
        ? 'sent'
        : event.type === 'NotificationFailed'
          ? 'failed'
          : event.type === 'NotificationSkipped'
            ? 'skipped'
            : null;
    await manager.query(
      `INSERT INTO notification_log
         (notification_id, partner_id, channel, purpose, cause_event_id, outcome, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6)
       ON CONFLICT (notification_id) DO NOTHING`,
      [notificationId, partnerId, channel, purpose, causeEventId, at],
    );
    const set: Record<string, unknown> = { updated_at: at };
    if (outcome !== null) {
      set.outcome = outcome;
    }
    switch (event.type) {
      case 'NotificationRequested':
        set.recipient = event.data.to;
        break;
      case 'NotificationAttemptFailed':
        Object.assign(set, { attempts: event.data.attempt, reason: event.data.reason });
        break;
      case 'NotificationSent':
        Object.assign(set, {
          recipient: event.data.to,
          provider_id: event.data.providerId,
          cost_amount: event.data.cost?.amount ?? null,
          cost_currency: event.data.cost?.currency ?? null,
          attempts: event.data.attempts,
        });
        break;
      case 'NotificationFailed':
        Object.assign(set, { reason: event.data.reason, attempts: event.data.attempts });
        break;
      case 'NotificationSkipped':
        set.reason = event.data.reason;
        break;
      case 'NotificationStatusChanged':
        Object.assign(set, {
          provider_id: event.data.providerId,
          provider_status: event.data.status,
        });
        break;
    }
    const columns = Object.keys(set);
    await manager.query(
      `UPDATE notification_log SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')}
        WHERE notification_id = $1`,
      [notificationId, ...columns.map((column) => set[column])],
    );
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE notification_log');
  }
}
