import { ServiceDefinition } from '@leadrail/nest-kit';
import { Topics } from '@leadrail/topics';
import { NotificationsModule } from './notifications.module';

/** The notifications service: SMS and email alerts to partners, their cost, hot-key call transfers. */
export const notificationsService: ServiceDefinition = {
  name: 'notifications',
  module: NotificationsModule,
  subscriptions: [Topics.partners, Topics.routing, Topics.billing],
};
