import { Module } from '@nestjs/common';
import { notificationsSettingsProvider } from './config/notifications.env';
import { Notifications } from './notifications/notifications';
import { SmsSends } from './notifications/sms-sends';
import { SmsSendsPoller } from './notifications/sms-sends.poller';
import { NotificationStatusSink } from './notifications/sms-status.sink';
import { TextAlerts } from './notifications/text-alerts';
import { NotificationPartners } from './partner-view/notification-partners';
import { PARTNER_DIRECTORY } from './ports/partner-directory';
import { SMS_STATUS_SINK } from './ports/sms-sender';
import { NotificationReportController } from './queries/notification-report.controller';
import { NotificationSettingsController } from './settings/notification-settings.controller';
import { NotificationSettingsStore } from './settings/notification-settings-store';
import { TwilioModule } from './twilio';

/** What the Twilio side and the event handlers share with the rest. */
@Module({
  providers: [
    NotificationPartners,
    Notifications,
    NotificationSettingsStore,
    NotificationStatusSink,
    { provide: SMS_STATUS_SINK, useExisting: NotificationStatusSink },
    { provide: PARTNER_DIRECTORY, useExisting: NotificationPartners },
  ],
  exports: [
    NotificationPartners,
    Notifications,
    NotificationSettingsStore,
    SMS_STATUS_SINK,
    PARTNER_DIRECTORY,
  ],
})
export class NotificationsCoreModule {}

const twilio = TwilioModule.register({ imports: [NotificationsCoreModule] });

/** The notifications service's use cases: text alerts, their statuses, settings and the report. */
@Module({
  imports: [NotificationsCoreModule, twilio],
  controllers: [NotificationSettingsController, NotificationReportController],
  providers: [notificationsSettingsProvider, TextAlerts, SmsSends, SmsSendsPoller],
  exports: [NotificationsCoreModule, TextAlerts, twilio],
})
export class NotificationsModule {}
