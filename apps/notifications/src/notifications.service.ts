import { billingRegistry } from '@leadrail/billing-contracts';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadsRegistry } from '@leadrail/leads-contracts';
import { type ServiceDefinition, decodeWithContracts } from '@leadrail/nest-kit';
import { partnersRegistry } from '@leadrail/partners-contracts';
import { Topics } from '@leadrail/topics';
import { notificationsSettings } from './config/notifications.env';
import { NotificationSettingsErrorFilter } from './http/notification-settings-error.filter';
import { NotificationLeadsHandler } from './lead-view/notification-leads.handler';
import { CreateNotificationTables1764000004100 } from './migrations/1764000004100-create-notification-tables';
import { LowFundsText } from './notifications/low-funds-text.handler';
import { ReferralText } from './notifications/referral-text.handler';
import { NotificationsModule } from './notifications.module';
import { NotificationPartnersHandler } from './partner-view/notification-partners.handler';
import { notificationsRelay } from './publishing/notifications-relay';
import { NotificationLogProjection } from './queries/notification-log.projection';
import { CreateCallTransfers1764000004500, twilioSettings } from './twilio';

/** The notifications service: SMS alerts to partners and their cost, text commands, hot-key call transfers. */
export const notificationsService: ServiceDefinition = {
  name: 'notifications',
  module: NotificationsModule,
  subscriptions: [Topics.partners, Topics.leads, Topics.billing],
  requires: { operatorTokens: true },
  checkEnv: [notificationsSettings, twilioSettings],
  errorFilters: [new NotificationSettingsErrorFilter()],
  openApi: {
    title: 'LeadRail notifications API',
    description:
      "Text alerts' settings and report, and hot-key call transfers, for operators (bearer token); Twilio's signed callbacks and partners' text commands.",
  },
  migrations: [CreateNotificationTables1764000004100, CreateCallTransfers1764000004500],
  projections: [new NotificationLogProjection()],
  publishes: [Topics.notifications],
  relays: [notificationsRelay],
  decode: decodeWithContracts({
    [Topics.partners]: {
      parse: (raw) => parseIntegrationEvent(raw, partnersRegistry),
      unknownTypes: 'ignore',
    },
    [Topics.leads]: {
      parse: (raw) => parseIntegrationEvent(raw, leadsRegistry),
      unknownTypes: 'ignore',
    },
    [Topics.billing]: {
      parse: (raw) => parseIntegrationEvent(raw, billingRegistry),
      unknownTypes: 'ignore',
    },
  }),
  // The views first: a text in the same batch reads what they wrote.
  handlers: [NotificationPartnersHandler, NotificationLeadsHandler, ReferralText, LowFundsText],
};
