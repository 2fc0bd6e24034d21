import { Inject, Injectable } from '@nestjs/common';
import type { SmsStatusSink } from '../ports/sms-sender';
import { Notifications } from './notifications';

/** Twilio's signed status callbacks, recorded on the notification (once per status). */
@Injectable()
export class NotificationStatusSink implements SmsStatusSink {
  constructor(@Inject(Notifications) private readonly notifications: Notifications) {}

  async recordStatus(update: {
    notificationId: string;
    providerId: string;
    status: string;
    errorCode: string | null;
    at: string;
  }): Promise<void> {
    const { notificationId, providerId, status, errorCode, at } = update;
    await this.notifications.recordProviderStatus(
      notificationId,
      { providerId, status, errorCode },
      at,
    );
  }
}
