import { type LogEntry, logLevel } from 'kafkajs';
import { kafkaLogCreator, levelOf } from './kafka-log-creator';

function entry(
  level: logLevel,
  namespace: string,
  message: string,
  extra: Record<string, unknown> = {},
): LogEntry {
  return { level, namespace, label: 'ERROR', log: { timestamp: 'now', message, ...extra } };
}

describe(levelOf.name, () => {
  it('logs a failed response kafkajs retries (a topic or coordinator not there yet) at debug', () => {
    for (const error of [
      'This server does not host this topic-partition',
      'The group coordinator is not available',
      'There is no leader for this topic-partition as we are in the middle of a leadership election',
    ]) {
      expect(
        levelOf(
          entry(logLevel.ERROR, 'Connection', 'Response Metadata(key: 3, version: 6)', { error }),
        ),
      ).toBe('debug');
    }
  });

  it('logs "topic already exists" responses, which topic creation handles, at debug', () => {
    expect(
      levelOf(
        entry(logLevel.ERROR, 'Connection', 'Response CreateTopics(key: 19, version: 3)', {
          error: 'Topic creation errors',
        }),
      ),
    ).toBe('debug');
  });

  it('logs an unreachable broker and a consumer restart at warn', () => {
    expect(
      levelOf(
        entry(logLevel.ERROR, 'Connection', 'Connection error: connect ECONNREFUSED 127.0.0.1:9'),
      ),
    ).toBe('warn');
    expect(
      levelOf(
        entry(
          logLevel.ERROR,
          'BrokerPool',
          'Failed to connect to seed broker, trying another broker',
        ),
      ),
    ).toBe('warn');
    expect(levelOf(entry(logLevel.ERROR, 'Consumer', 'Restarting the consumer in 300ms'))).toBe(
      'warn',
    );
  });

  it('keeps every other error an error, and other levels as they are', () => {
    expect(
      levelOf(entry(logLevel.ERROR, 'Consumer', 'Crash: KafkaJSNonRetriableError: not authorized')),
    ).toBe('error');
    expect(
      levelOf(
        entry(logLevel.ERROR, 'Connection', 'Response SaslAuthenticate(key: 36, version: 1)', {
          error: 'Authentication failed',
        }),
      ),
    ).toBe('error');
    expect(levelOf(entry(logLevel.WARN, 'Producer', 'slow'))).toBe('warn');
    expect(levelOf(entry(logLevel.INFO, 'Consumer', 'Starting'))).toBe('log');
    expect(levelOf(entry(logLevel.DEBUG, 'Connection', 'Request'))).toBe('debug');
  });
});

describe(kafkaLogCreator.name, () => {
  it('writes one line per entry to the sink, at the level levelOf gives, without the timestamp', () => {
    const lines: string[] = [];
    const sink = {
      error: (message: string) => lines.push(`error ${message}`),
      warn: (message: string) => lines.push(`warn ${message}`),
      log: (message: string) => lines.push(`log ${message}`),
      debug: (message: string) => lines.push(`debug ${message}`),
    };
    const log = kafkaLogCreator(sink)(logLevel.INFO);
    log(entry(logLevel.ERROR, 'Consumer', 'Restarting the consumer in 300ms', { groupId: 'g' }));
    expect(lines).toEqual([
      'warn ERROR [Consumer] Restarting the consumer in 300ms {"groupId":"g"}',
    ]);
  });
});
