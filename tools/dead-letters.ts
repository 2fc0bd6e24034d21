/**
 * Dead letters, for operators:
 *   npm run dead-letters -- list <topic>
 *   npm run dead-letters -- replay <topic> [--reason <reason>] [--offset <partition>/<offset> ...]
 * `list` prints every dead letter of <topic> (from <topic>.dlq); `replay`
 * republishes the chosen ones (all, by default) to <topic> after a fix.
 * KAFKA_BROKERS names the cluster.
 */
import { DeadLetterQueue, type StoredDeadLetter } from '@leadrail/messaging';
import { Kafka, Partitioners, logLevel } from 'kafkajs';

async function main(args: string[]): Promise<void> {
  const [command, topic, ...options] = args;
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers || !topic || (command !== 'list' && command !== 'replay')) {
    console.error(
      'usage: KAFKA_BROKERS=host:port npm run dead-letters -- <list|replay> <topic> [--reason R] [--offset P/O ...]',
    );
    process.exitCode = 2;
    return;
  }
  const kafka = new Kafka({
    clientId: 'leadrail-dead-letters',
    brokers: brokers.split(','),
    logLevel: logLevel.WARN,
  });
  const queue = new DeadLetterQueue(kafka, topic);
  const letters = select(await queue.list(), options);
  if (command === 'list') {
    for (const letter of letters) {
      console.log(
        `${letter.partition}/${letter.offset}\t${letter.failedAt}\t${letter.reason}\tfrom ${letter.original.topic}/${letter.original.partition}/${letter.original.offset}\tkey=${letter.key ?? ''}\n    ${letter.error}`,
      );
    }
    console.log(`${letters.length} dead letter(s) on ${topic}.dlq`);
    return;
  }
  const producer = kafka.producer({
    idempotent: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    console.log(`replayed ${await queue.replay(letters, producer)} dead letter(s) to ${topic}`);
  } finally {
    await producer.disconnect();
  }
}

function select(letters: StoredDeadLetter[], options: string[]): StoredDeadLetter[] {
  const reasons = valuesOf(options, '--reason');
  const offsets = valuesOf(options, '--offset');
  return letters.filter(
    (letter) =>
      (reasons.length === 0 || reasons.includes(letter.reason)) &&
      (offsets.length === 0 || offsets.includes(`${letter.partition}/${letter.offset}`)),
  );
}

function valuesOf(options: string[], flag: string): string[] {
  return options.flatMap((option, index) =>
    option === flag && options[index + 1] ? [options[index + 1]!] : [],
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
