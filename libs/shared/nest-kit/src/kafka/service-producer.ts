import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Kafka, Partitioners, type Producer, logLevel } from 'kafkajs';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { kafkaLogCreator } from './kafka-log-creator';

/**
 * The service's one idempotent producer (dead letters today, the relay's
 * publisher later): acks from all in-sync replicas, one request in flight.
 */
@Injectable()
export class ServiceProducer implements OnModuleInit, OnApplicationShutdown {
  readonly kafka: Kafka;
  readonly producer: Producer;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.kafka = new Kafka({
      clientId: `${config.kafka.clientId}-producer`,
      brokers: config.kafka.brokers,
      // Through the service's logger, as JSON lines; transient conditions as warnings.
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(new Logger('ServiceProducer')),
    });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}
