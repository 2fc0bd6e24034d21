import { Inject, Injectable } from '@nestjs/common';
import { type TemplatePurpose, notificationIdOf, renderSms } from '@leadrail/notifications-domain';
import type { EntityManager } from 'typeorm';
import type { NotificationPartnerRecord } from '../partner-view/notification-partner-record';
import { SMS_SENDER, type SmsSender } from '../ports/sms-sender';
import { NotificationSettingsStore } from '../settings/notification-settings-store';
import { Notifications } from './notifications';

/**
 * A text alert for a partner whose text alerts for the purpose are on:
 * rendered from the operators' template now (the text sent is the one
 * recorded), skipped with the reason when the partner has no phone number
 * or SMS is not configured, so the operator sees why nobody was told.
 */
@Injectable()
export class TextAlerts {
  constructor(
    @Inject(Notifications) private readonly notifications: Notifications,
    @Inject(NotificationSettingsStore) private readonly settings: NotificationSettingsStore,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  async alert(
    partner: NotificationPartnerRecord,
    purpose: TemplatePurpose,
    values: Record<string, string>,
    cause: { eventId: string; correlationId: string },
    manager: EntityManager,
  ): Promise<void> {
    const { state: settings } = await this.settings.load();
    const notificationId = notificationIdOf(cause.eventId, 'sms', partner.partnerId);
    const body = renderSms(
      settings.smsTemplates[purpose],
      { partnerName: partner.name, ...values },
      notificationId.slice(0, 8),
    );
    const skipReason = !this.sms.enabled
      ? 'sms-not-configured'
      : partner.phone === null
        ? 'no-phone'
        : null;
    await this.notifications.request(
      {
        notificationId,
        partnerId: partner.partnerId,
        channel: 'sms',
        purpose,
        causeEventId: cause.eventId,
      },
      { to: skipReason === null ? partner.phone : null, subject: null, body, skipReason },
      cause.correlationId,
      manager,
    );
  }
}
