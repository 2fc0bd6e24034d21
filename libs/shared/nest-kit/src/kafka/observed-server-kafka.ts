import { KafkaOptions, ServerKafka } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';
import { retryWithBackoff } from '../service/retry-with-backoff';
import type { StartupContext } from '../service/startup-context';
import { isTransientKafkaError } from './kafka-errors';
import { KafkaConsumerState } from './kafka-consumer-state';

/**
 * Nest's Kafka server, with the consumer's group membership reported to
 * readiness. The listeners must be attached before `run()` joins the group,
 * which is why this hooks creation rather than reading the consumer afterwards.
 *
 * Starting (connect, subscribe, run) is retried with backoff while the failure
 * is transient: on a fresh broker a subscription's metadata or the group
 * coordinator may not exist for a moment, which Nest would turn into a failed
 * start.
 */
export class ObservedServerKafka extends ServerKafka {
  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly consumerState: KafkaConsumerState,
    private readonly startup?: StartupContext,
  ) {
    super(options);
  }

  override async listen(
    callback: (err?: unknown, ...optionalParams: unknown[]) => void,
  ): Promise<void> {
    try {
      await retryWithBackoff(() => this.startOnce(), {
        what: `the Kafka consumer of group ${this.groupId}`,
        isTransient: isTransientKafkaError,
        onRetry: (notice) => this.startup?.onRetry(notice),
        signal: this.startup?.signal,
      });
      callback();
    } catch (error) {
      callback(error);
    }
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    this.consumerState.attach(this.consumer as unknown as Consumer);
  }

  /** One attempt; a failed one leaves nothing connected behind. */
  private async startOnce(): Promise<void> {
    try {
      this.client = this.createClient();
      await this.start(() => undefined);
    } catch (error) {
      await this.close().catch(() => undefined);
      throw error;
    }
  }
}
