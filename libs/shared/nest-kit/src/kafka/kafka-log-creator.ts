import { type LogEntry, type logCreator, logLevel } from 'kafkajs';

/** Where kafkajs's lines go: Nest's `Logger` fits, and so does start-up's pino logger. */
export type KafkaLogSink = Record<'error' | 'warn' | 'log' | 'debug', (message: string) => void>;

/**
 * Conditions kafkajs logs at ERROR although it retries them itself: the
 * broker or a topic, leader or group coordinator is not there *yet* (a cold
 * start, a broker restart). Readiness reports them; they are not errors of
 * the service. Matched on the text kafkajs logs (its protocol error messages,
 * Node's socket codes, its own retry messages).
 */
const TRANSIENT_TEXT = [
  /This server does not host this topic-partition/,
  /There is no leader for this topic-partition/,
  /This server is not the leader for that topic-partition/,
  /The group coordinator is not available/,
  /The coordinator is loading/,
  /This is not the correct coordinator for this group/,
  /The coordinator is not aware of this member/,
  /The group is rebalancing/,
  /The request timed out/,
  /The server disconnected before a response was received/,
  /Connection (error|timeout)|Closed connection|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH/,
  /KafkaJSConnectionError|KafkaJSConnectionClosedError|KafkaJSNumberOfRetriesExceeded/,
  /Failed to connect to (seed )?broker/,
  /Restarting the consumer/,
];

/**
 * Failed responses the calling code expects and handles itself: "the topic
 * already exists" when several services create the same topics at once.
 */
const HANDLED_BY_CALLER = [/Topic creation errors/];

/** The level a kafkajs entry is logged at: transient errors are warnings, or debug for raw responses. */
export function levelOf(entry: LogEntry): 'error' | 'warn' | 'log' | 'debug' {
  switch (entry.level) {
    case logLevel.ERROR:
    case logLevel.NOTHING: {
      const response =
        entry.namespace === 'Connection' && entry.log.message.startsWith('Response ');
      // "[Connection] Response Metadata…": one failed request that the layer above retries or handles.
      if (response && (isTransient(entry) || matches(entry, HANDLED_BY_CALLER))) {
        return 'debug';
      }
      return isTransient(entry) ? 'warn' : 'error';
    }
    case logLevel.WARN:
      return 'warn';
    case logLevel.INFO:
      return 'log';
    case logLevel.DEBUG:
      return 'debug';
  }
}

/**
 * kafkajs's logs through the service's logger (JSON lines with the service's
 * name), at the level `levelOf` gives. Used by every Kafka client of a service.
 */
export function kafkaLogCreator(logger: KafkaLogSink): logCreator {
  return () => (entry) => {
    // kafkajs's timestamp duplicates the log line's own time.
    const details = Object.fromEntries(
      Object.entries(entry.log).filter(([key]) => key !== 'message' && key !== 'timestamp'),
    );
    const text = `${entry.label} [${entry.namespace}] ${entry.log.message} ${JSON.stringify(details)}`;
    logger[levelOf(entry)](text);
  };
}

function isTransient(entry: LogEntry): boolean {
  return matches(entry, TRANSIENT_TEXT);
}

function matches(entry: LogEntry, patterns: readonly RegExp[]): boolean {
  const error: unknown = entry.log.error;
  const text = `${entry.log.message} ${typeof error === 'string' ? error : ''}`;
  return patterns.some((pattern) => pattern.test(text));
}
