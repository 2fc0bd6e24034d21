import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { DeadLetterHeaders, deadLetterTopic } from './dead-letter';

/** A dead letter as stored on `<topic>.dlq`. */
export interface StoredDeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  reason: string;
  error: string;
  failedAt: string;
  original: { topic: string; partition: number; offset: string };
}

/**
 * Lists and replays the dead letters of one topic, for operators after a fix
 * (`npm run dead-letters`). Replaying republishes the original bytes to the
 * original topic; consumers de-duplicate by event id, so replaying twice is safe.
 */
export class DeadLetterQueue {
  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  /** Every dead letter currently on the queue, oldest first per partition. */
  async list(): Promise<StoredDeadLetter[]> {
    const dlq = deadLetterTopic(this.topic);
    const admin = this.kafka.admin();
    await admin.connect();
    let ends: Map<number, bigint>;
    try {
      if (!(await admin.listTopics()).includes(dlq)) {
        return [];
      }
      const offsets = await admin.fetchTopicOffsets(dlq);
      ends = new Map(offsets.map((offset) => [offset.partition, BigInt(offset.high)]));
    } finally {
      await admin.disconnect();
    }
    return this.readUntil(dlq, ends);
  }

  /** Republishes the chosen dead letters to their original topic; returns how many. */
  async replay(letters: readonly StoredDeadLetter[], producer: Producer): Promise<number> {
    if (letters.length === 0) {
      return 0;
    }
    const dlq = deadLetterTopic(this.topic);
    await producer.send({
      topic: this.topic,
      acks: -1,
      messages: letters.map((letter) => ({
        key: letter.key,
        value: letter.value,
        headers: {
          ...withoutDeadLetterHeaders(letter.headers),
          [DeadLetterHeaders.replayedFrom]: `${dlq}/${letter.partition}/${letter.offset}`,
        },
      })),
    });
    return letters.length;
  }

  private async readUntil(dlq: string, ends: Map<number, bigint>): Promise<StoredDeadLetter[]> {
    const pending = new Set(
      [...ends].filter(([, end]) => end > 0n).map(([partition]) => partition),
    );
    if (pending.size === 0) {
      return [];
    }
    const groupId = `leadrail-dead-letters-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId });
    const letters: StoredDeadLetter[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: dlq, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: ({ partition, message }) => {
              letters.push(toStoredDeadLetter(partition, message));
              if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) {
                pending.delete(partition);
              }
              if (pending.size === 0) {
                resolve();
              }
              return Promise.resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      const admin = this.kafka.admin();
      await admin.connect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
    return letters;
  }
}

function toStoredDeadLetter(
  partition: number,
  message: {
    offset: string;
    key: Buffer | null;
    value: Buffer | null;
    headers?: Record<string, unknown>;
  },
): StoredDeadLetter {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
  return {
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value,
    headers,
    reason: headers[DeadLetterHeaders.reason] ?? 'unknown',
    error: headers[DeadLetterHeaders.error] ?? '',
    failedAt: headers[DeadLetterHeaders.failedAt] ?? '',
    original: {
      topic: headers[DeadLetterHeaders.originalTopic] ?? '',
      partition: Number(headers[DeadLetterHeaders.originalPartition] ?? -1),
      offset: headers[DeadLetterHeaders.originalOffset] ?? '',
    },
  };
}

function withoutDeadLetterHeaders(headers: Record<string, string>): Record<string, string> {
  const dlqNames = new Set<string>(Object.values(DeadLetterHeaders));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !dlqNames.has(name)));
}
