import { Injectable } from '@nestjs/common';
import type { Consumer } from 'kafkajs';

/**
 * Whether the consumer is a live member of its group, from kafkajs's
 * instrumentation events. Nest's own status stream mixes producer and consumer
 * events and never leaves "rebalancing", so readiness cannot rely on it.
 */
@Injectable()
export class KafkaConsumerState {
  private state: 'starting' | 'joined' | 'recovering' | 'stopped' | 'failed' = 'starting';
  private lastError?: string;

  attach(consumer: Consumer): void {
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.state = 'joined';
      this.lastError = undefined;
    });
    consumer.on(consumer.events.CRASH, (event) => {
      // kafkajs restarts the consumer itself after a retriable crash.
      this.state = event.payload.restart ? 'recovering' : 'failed';
      this.lastError = event.payload.error.message;
    });
    consumer.on(consumer.events.DISCONNECT, () => {
      this.state = 'stopped';
    });
    consumer.on(consumer.events.STOP, () => {
      this.state = 'stopped';
    });
  }

  get isMember(): boolean {
    return this.state === 'joined';
  }

  describe(): string {
    return this.lastError ? `${this.state}: ${this.lastError}` : this.state;
  }
}
