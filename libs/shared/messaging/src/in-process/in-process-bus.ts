import type { InboundMessage } from '../consumer/inbound-message';
import type { MessagePublisher, OutboundMessage } from '../relay/outbound-message';

export type InProcessHandler = (message: InboundMessage) => Promise<void>;

interface StoredMessage {
  offset: number;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/**
 * Kafka's delivery model in memory, for the embedded single-process mode: an
 * append-only log per topic, consumer groups that start from the beginning and
 * keep their own offset, one message at a time per group and topic, and a
 * message whose handler throws delivered again (never skipped).
 */
export class InProcessBus implements MessagePublisher {
  private readonly topics = new Map<string, StoredMessage[]>();
  private readonly groups = new Map<string, GroupCursor>();

  constructor(private readonly redeliveryDelayMs = 100) {}

  publish(messages: readonly OutboundMessage[]): Promise<void> {
    for (const message of messages) {
      const log = this.log(message.topic);
      log.push({
        offset: log.length,
        key: message.key,
        value: Buffer.from(message.value),
        headers: { ...message.headers },
      });
    }
    for (const cursor of this.groups.values()) {
      cursor.wake();
    }
    return Promise.resolve();
  }

  /** Starts delivering `topic` to `groupId` from its last offset; returns the stop function. */
  subscribe(topic: string, groupId: string, handler: InProcessHandler): () => Promise<void> {
    const id = `${groupId}\u0000${topic}`;
    if (this.groups.has(id)) {
      throw new Error(`group ${groupId} already consumes ${topic} in this process`);
    }
    const cursor = new GroupCursor(topic, this.log(topic), handler, this.redeliveryDelayMs);
    this.groups.set(id, cursor);
    cursor.wake();
    return async () => {
      this.groups.delete(id);
      await cursor.stop();
    };
  }

  private log(topic: string): StoredMessage[] {
    let log = this.topics.get(topic);
    if (!log) {
      log = [];
      this.topics.set(topic, log);
    }
    return log;
  }
}

/** One group's position in one topic, delivering strictly in order. */
class GroupCursor {
  private next = 0;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly topic: string,
    private readonly log: StoredMessage[],
    private readonly handler: InProcessHandler,
    private readonly redeliveryDelayMs: number,
  ) {}

  wake(): void {
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      if (!this.stopped && this.next < this.log.length) {
        this.wake();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.stopped && this.next < this.log.length) {
      const stored = this.log[this.next]!;
      try {
        await this.handler({
          topic: this.topic,
          partition: 0,
          offset: String(stored.offset),
          key: stored.key,
          value: stored.value,
          headers: stored.headers,
        });
        this.next += 1;
      } catch {
        // As Kafka would: the offset does not move, the message comes again.
        await new Promise((resolve) => setTimeout(resolve, this.redeliveryDelayMs));
      }
    }
  }
}
