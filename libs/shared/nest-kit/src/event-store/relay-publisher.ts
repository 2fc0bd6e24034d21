import { KafkaMessagePublisher } from '@leadrail/messaging';
import { ServiceProducer } from '../kafka/service-producer';
import { tracePublisher } from '../tracing/traced-publisher';
import { Tracing } from '../tracing/tracing';

/** Injection token of what relays publish through (Kafka; the in-process bus in the embedded mode). */
export const RELAY_PUBLISHER = Symbol('RELAY_PUBLISHER');

export const relayPublisherProvider = {
  provide: RELAY_PUBLISHER,
  // A span per relayed event when tracing is on, its context in the message's headers.
  useFactory: (producer: ServiceProducer, tracing: Tracing) =>
    tracePublisher(new KafkaMessagePublisher(producer.kafka), tracing),
  inject: [ServiceProducer, Tracing],
};
