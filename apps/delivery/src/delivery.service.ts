import { ServiceDefinition } from '@leadrail/nest-kit';
import { Topics } from '@leadrail/topics';
import { DeliveryModule } from './delivery.module';

/** The delivery service: email and internet delivery (XML, JSON, SOAP 1.1/1.2, POST) with templated bodies. */
export const deliveryService: ServiceDefinition = {
  name: 'delivery',
  module: DeliveryModule,
  subscriptions: [Topics.routing, Topics.partners],
};
