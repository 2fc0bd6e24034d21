import type { Producer } from 'kafkajs';
import {
  type DeadLetter,
  type DeadLetterSink,
  deadLetterHeaders,
  deadLetterTopic,
} from './dead-letter';

/**
 * Sends a dead letter to `<topic>.dlq` with the original key and bytes, acked
 * by all in-sync replicas before the original's offset may be committed: if
 * this fails, the consumer fails and the message is redelivered, never lost.
 */
export class KafkaDeadLetterSink implements DeadLetterSink {
  constructor(private readonly producer: Producer) {}

  async send(letter: DeadLetter): Promise<void> {
    await this.producer.send({
      topic: deadLetterTopic(letter.message.topic),
      acks: -1,
      messages: [
        {
          key: letter.message.key,
          value: letter.message.value,
          headers: deadLetterHeaders(letter),
        },
      ],
    });
  }
}
