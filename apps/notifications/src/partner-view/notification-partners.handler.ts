import { Inject, Injectable } from '@nestjs/common';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import {
  NOTIFICATION_PARTNER_EVENT_TYPES,
  type NotificationPartnerEvent,
  applyNotificationPartnerEvent,
} from './notification-partner-record';
import { NotificationPartners } from './notification-partners';

/** Notifications' view of partners from `leadrail.partners.v1`: name, contacts and text alerts. */
@Injectable()
export class NotificationPartnersHandler implements IntegrationEventHandler<NotificationPartnerEvent> {
  readonly name = 'notifications.partners';
  readonly eventTypes = NOTIFICATION_PARTNER_EVENT_TYPES;

  constructor(@Inject(NotificationPartners) private readonly partners: NotificationPartners) {}

  async handle(event: NotificationPartnerEvent, manager: EntityManager): Promise<void> {
    const current = await this.partners.find(manager, event.data.partnerId, true);
    const next = applyNotificationPartnerEvent(current, event);
    if (next !== null) {
      await this.partners.save(manager, next);
    }
  }
}
