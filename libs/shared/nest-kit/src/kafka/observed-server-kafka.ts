import { KafkaOptions, ServerKafka } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';
import { KafkaConsumerState } from './kafka-consumer-state';

/**
 * Nest's Kafka server, with the consumer's group membership reported to
 * readiness. The listeners must be attached before `run()` joins the group,
 * which is why this hooks creation rather than reading the consumer afterwards.
 */
export class ObservedServerKafka extends ServerKafka {
  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly consumerState: KafkaConsumerState,
  ) {
    super(options);
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    this.consumerState.attach(this.consumer as unknown as Consumer);
  }
}
