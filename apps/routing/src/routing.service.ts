import { ServiceDefinition } from '@leadrail/nest-kit';
import { Topics } from '@leadrail/topics';
import { RoutingModule } from './routing.module';

/** The routing service: picks the partner for each lead and owns the daily and monthly cap counters. */
export const routingService: ServiceDefinition = {
  name: 'routing',
  module: RoutingModule,
  subscriptions: [Topics.leads, Topics.partners, Topics.billing],
};
