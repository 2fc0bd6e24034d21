import {
  type DeadLetter,
  type DeadLetterSink,
  deadLetterHeaders,
  deadLetterTopic,
} from '../dead-letters/dead-letter';
import type { InProcessBus } from './in-process-bus';

/** Dead letters of the embedded mode: `<topic>.dlq` on the in-process bus. */
export class InProcessDeadLetterSink implements DeadLetterSink {
  constructor(private readonly bus: InProcessBus) {}

  async send(letter: DeadLetter): Promise<void> {
    await this.bus.publish([
      {
        topic: deadLetterTopic(letter.message.topic),
        key: letter.message.key ?? '',
        value: letter.message.value?.toString() ?? '',
        headers: deadLetterHeaders(letter),
      },
    ]);
  }
}
