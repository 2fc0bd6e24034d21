import { KafkaMessagePublisher } from '@leadrail/messaging';
import { ServiceProducer } from '../kafka/service-producer';

/** Injection token of what relays publish through (Kafka; the in-process bus in the embedded mode). */
export const RELAY_PUBLISHER = Symbol('RELAY_PUBLISHER');

export const relayPublisherProvider = {
  provide: RELAY_PUBLISHER,
  useFactory: (producer: ServiceProducer) => new KafkaMessagePublisher(producer.kafka),
  inject: [ServiceProducer],
};
