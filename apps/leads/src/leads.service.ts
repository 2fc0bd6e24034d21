import { ServiceDefinition } from '@leadrail/nest-kit';
import { Topics } from '@leadrail/topics';
import { LeadsModule } from './leads.module';

/** The leads service: lead intake (HTTP and Kafka), validation, de-duplication, lifecycle and status, search. */
export const leadsService: ServiceDefinition = {
  name: 'leads',
  module: LeadsModule,
  subscriptions: [Topics.leadIntake, Topics.routing, Topics.delivery],
};
