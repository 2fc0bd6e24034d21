import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { KafkaConsumerState } from '../kafka/kafka-consumer-state';
import { withTimeout } from './with-timeout';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * Ready when the cluster answers a metadata request now and the consumer is a
 * member of its group. A failed probe drops the admin connection, so the next
 * probe reconnects from scratch once the broker is back.
 */
@Injectable()
export class KafkaHealthIndicator implements OnModuleDestroy {
  private readonly kafka: Kafka;
  private admin?: Admin;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(KafkaConsumerState) private readonly consumer: KafkaConsumerState,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
  ) {
    this.kafka = new Kafka({
      clientId: `${config.kafka.clientId}-health`,
      brokers: config.kafka.brokers,
      connectionTimeout: 1_000,
      requestTimeout: PROBE_TIMEOUT_MS,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
  }

  async check<Key extends string>(key: Key): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(this.describeCluster(), PROBE_TIMEOUT_MS, 'the Kafka cluster');
    } catch (error) {
      await this.dropAdmin();
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
    if (!this.consumer.isMember) {
      return indicator.down({ message: `consumer is ${this.consumer.describe()}` });
    }
    return indicator.up();
  }

  async onModuleDestroy(): Promise<void> {
    await this.dropAdmin();
  }

  private async describeCluster(): Promise<void> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    await this.admin.describeCluster();
  }

  private async dropAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
