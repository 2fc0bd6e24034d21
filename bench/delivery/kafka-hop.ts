import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Consumer, type Kafka, type Producer, Partitioners } from 'kafkajs';
import { openModel } from '../event-store/measure';

/** Raw Kafka at one rate, ms per message from when it was due. */
export interface HopLatencies {
  /** Due → received by the consumer. */
  consumed: number[];
  /** Due → acknowledged by the broker (acks=all). */
  acked: number[];
  lost: number;
}

/**
 * What lies under delivery's trigger, measured on the same broker in the
 * same run: one small message produced (acks=all, keyed, murmur2 as LeadRail
 * partitions) to a topic of the run's own (the broker's default partitions)
 * and consumed by a kafkajs consumer at its defaults (as Nest's Kafka server
 * consumes), as an open model. No LeadRail code in the way.
 */
export class KafkaHop {
  private readonly waiting = new Map<string, (at: number) => void>();
  private sequence = 0;

  private constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly producer: Producer,
    private readonly consumer: Consumer,
  ) {}

  static async open(kafka: Kafka, name: string): Promise<KafkaHop> {
    const topic = `bench.${name}`;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic }], waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    const consumer = kafka.consumer({ groupId: name });
    const hop = new KafkaHop(kafka, topic, producer, consumer);
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const at = performance.now();
        hop.waiting.get(message.key?.toString() ?? '')?.(at);
        return Promise.resolve();
      },
    });
    // The first round trip: the group joined and fetching.
    for (let tries = 0; ; tries++) {
      const received = await Promise.race([hop.roundTrip().then(() => true), sleep(2000, false)]);
      if (received) {
        break;
      }
      if (tries === 30) {
        throw new Error(`nothing came back from ${topic} within a minute`);
      }
    }
    return hop;
  }

  /** Messages produced at `rate` per second for `seconds`, each timed until consumed. */
  async latenciesAt(rate: number, seconds: number): Promise<HopLatencies> {
    const consumed: number[] = [];
    const acked: number[] = [];
    let lost = 0;
    await openModel(rate, seconds, async (_, due) => {
      const arrived = this.roundTrip(() => acked.push(performance.now() - due));
      const at = await Promise.race([arrived, sleep(10_000, null)]);
      if (at === null) {
        lost++;
      } else {
        consumed.push(at - due);
      }
    });
    return { consumed, acked, lost };
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: [this.topic] });
    } catch {
      // Left behind on a broker that refuses deletion: harmless.
    } finally {
      await admin.disconnect();
    }
  }

  /** Produces one message; resolves with when it was consumed (performance.now()). */
  private roundTrip(onAck?: () => void): Promise<number> {
    const key = `m-${++this.sequence}`;
    const arrived = new Promise<number>((resolve) => this.waiting.set(key, resolve));
    return this.producer
      .send({ topic: this.topic, acks: -1, messages: [{ key, value: `{"n":${this.sequence}}` }] })
      .then(async () => {
        onAck?.();
        const at = await arrived;
        this.waiting.delete(key);
        return at;
      });
  }
}
