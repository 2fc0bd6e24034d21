import { ServiceDefinition } from '@leadrail/nest-kit';
import { Topics } from '@leadrail/topics';
import { PartnersModule } from './partners.module';

/** The partners service: the partner aggregate, every partner setting of the specification, portal access. */
export const partnersService: ServiceDefinition = {
  name: 'partners',
  module: PartnersModule,
  subscriptions: [Topics.billing],
};
