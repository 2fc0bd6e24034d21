import { Inject, Injectable } from '@nestjs/common';
import {
  NOTIFICATION_SETTINGS_STREAM_ID,
  type NotificationSettings,
  notificationSettingsAggregate,
} from '@leadrail/notifications-domain';
import {
  type EventStore,
  type IdGenerator,
  type LoadedAggregate,
  commandHandler,
} from '@leadrail/event-store';
import { CLOCK, type Clock, EVENT_STORE, IDS } from '@leadrail/nest-kit';

/** The operators' notification settings (`notificationSettings-operator`): SMS rate and texts, versioned. */
@Injectable()
export class NotificationSettingsStore {
  private readonly handler;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(IDS) ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handler = commandHandler(store, notificationSettingsAggregate, { ids });
  }

  load(): Promise<LoadedAggregate<NotificationSettings>> {
    return this.handler.load(NOTIFICATION_SETTINGS_STREAM_ID);
  }

  async change(
    settings: NotificationSettings,
    operatorId: string,
    expectedRevision: bigint | 'no_stream',
  ): Promise<LoadedAggregate<NotificationSettings>> {
    const at = this.clock.now().toISOString();
    const changedBy = { type: 'operator' as const, id: operatorId };
    const result = await this.handler.handle(
      NOTIFICATION_SETTINGS_STREAM_ID,
      { type: 'ChangeNotificationSettings', data: { settings, changedBy }, at },
      {
        metadata: {
          correlationId: operatorId,
          causationId: operatorId,
          occurredAt: at,
          actor: changedBy,
        },
        expectedRevision,
      },
    );
    return { state: result.state, revision: result.revision };
  }
}
