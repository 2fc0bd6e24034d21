import { randomUUID } from 'node:crypto';
import { ensureTopics, findMessage, plainKafka } from '@leadrail/testing';
import { Partitioners, type Producer } from 'kafkajs';
import { DeadLetterHeaders } from './dead-letter';
import { DeadLetterQueue } from './dead-letter-queue';
import { KafkaDeadLetterSink } from './kafka-dead-letter-sink';

describe(DeadLetterQueue.name, () => {
  const topic = `test.dlq.${randomUUID().slice(0, 8)}`;
  let producer: Producer;

  beforeAll(async () => {
    await ensureTopics([topic, `${topic}.dlq`], 2);
    producer = plainKafka().producer({
      idempotent: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
  });

  const letter = (key: string, reason: string, offset: string) => ({
    message: {
      topic,
      partition: 1,
      offset,
      key,
      value: Buffer.from(JSON.stringify({ key })),
      headers: { 'trace-id': `trace-${key}` },
    },
    reason,
    error: `${reason}: data.contact.email must be an email`,
    failedAt: new Date('2026-11-25T10:00:00.000Z'),
    consumerGroup: 'leadrail-leads',
  });

  it('lists dead letters with their reason and origin, and replays the chosen ones to the original topic', async () => {
    const sink = new KafkaDeadLetterSink(producer);
    await sink.send(letter('a', 'invalid-data', '41'));
    await sink.send(letter('b', 'processing-failed', '42'));
    const queue = new DeadLetterQueue(plainKafka(), topic);

    const listed = await queue.list();
    expect(listed.map((entry) => entry.key).sort()).toEqual(['a', 'b']);
    const a = listed.find((entry) => entry.key === 'a')!;
    expect(a).toMatchObject({
      reason: 'invalid-data',
      error: 'invalid-data: data.contact.email must be an email',
      failedAt: '2026-11-25T10:00:00.000Z',
      original: { topic, partition: 1, offset: '41' },
    });
    expect(a.headers['trace-id']).toBe('trace-a');

    const chosen = listed.filter((entry) => entry.reason === 'invalid-data');
    expect(await queue.replay(chosen, producer)).toBe(1);
    const replayed = await findMessage(topic, (message) => message.key === 'a');
    expect(replayed.value?.toString()).toBe(JSON.stringify({ key: 'a' }));
    expect(replayed.headers[DeadLetterHeaders.replayedFrom]).toBe(
      `${topic}.dlq/${a.partition}/${a.offset}`,
    );
    expect(replayed.headers['trace-id']).toBe('trace-a');
    expect(replayed.headers[DeadLetterHeaders.reason]).toBeUndefined();
  });

  it('lists nothing for a topic that never had a dead letter', async () => {
    expect(
      await new DeadLetterQueue(plainKafka(), `test.clean.${randomUUID().slice(0, 8)}`).list(),
    ).toEqual([]);
  });
});
