import { Logger } from '@nestjs/common';
import { KafkaOptions, Transport } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { ServiceConfig } from '../config/service-config';
import { kafkaLogCreator } from './kafka-log-creator';

/** The Kafka transport a service consumes its subscriptions with. */
export function kafkaServerOptions(config: ServiceConfig): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      // Nest appends "-server" to ids by default; operators set the exact group.
      postfixId: '',
      client: {
        clientId: config.kafka.clientId,
        brokers: config.kafka.brokers,
        retry: { initialRetryTime: 300, retries: 10 },
        // Transient conditions (a topic or coordinator not there yet) at warn or debug, not error.
        logCreator: kafkaLogCreator(new Logger('ServerKafka')),
      },
      consumer: {
        groupId: config.kafka.groupId,
        sessionTimeout: config.kafka.sessionTimeoutMs,
        // The broker decides: local stacks auto-create, production clusters usually forbid it.
        allowAutoTopicCreation: true,
      },
      // Nest's server also owns a producer (for replies); murmur2 partitioning, as Java clients use.
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      subscribe: { fromBeginning: true },
      // Several partitions at once: one slow aggregate does not hold up the others.
      run: { partitionsConsumedConcurrently: config.kafka.partitionsConcurrently },
      // Raw bytes reach the handler: contracts decode them, and a dead letter keeps them exactly.
      parser: { keepBinary: true },
    },
  };
}
