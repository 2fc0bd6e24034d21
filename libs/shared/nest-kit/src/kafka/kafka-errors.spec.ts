import {
  KafkaJSAggregateError,
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs';
import { isTopicAlreadyExists, isTransientKafkaError } from './kafka-errors';

function protocolError(type: string, retriable: boolean): KafkaJSProtocolError {
  return new KafkaJSProtocolError(Object.assign(new Error(type), { type, code: 0, retriable }));
}

describe(isTransientKafkaError.name, () => {
  it('is true for an unreachable broker and for a topic or leader not there yet', () => {
    expect(
      isTransientKafkaError(new KafkaJSConnectionError('Connection error: ECONNREFUSED')),
    ).toBe(true);
    expect(isTransientKafkaError(protocolError('UNKNOWN_TOPIC_OR_PARTITION', true))).toBe(true);
  });

  it('looks through the errors kafkajs wraps them in', () => {
    const exhausted = new KafkaJSNumberOfRetriesExceeded(
      protocolError('LEADER_NOT_AVAILABLE', true),
      { retryCount: 5, retryTime: 1000 },
    );
    expect(isTransientKafkaError(exhausted)).toBe(true);
    expect(isTransientKafkaError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
  });

  it('is false for what waiting does not fix', () => {
    expect(isTransientKafkaError(new KafkaJSNonRetriableError('not authorized'))).toBe(false);
    expect(isTransientKafkaError(protocolError('INVALID_REPLICATION_FACTOR', false))).toBe(false);
    expect(isTransientKafkaError(new Error('bug'))).toBe(false);
  });
});

describe(isTopicAlreadyExists.name, () => {
  it('finds TOPIC_ALREADY_EXISTS among the errors of a creation', () => {
    const aggregate = new KafkaJSAggregateError('Topic creation errors', [
      protocolError('TOPIC_ALREADY_EXISTS', false),
    ]);
    expect(isTopicAlreadyExists(aggregate)).toBe(true);
    expect(isTopicAlreadyExists(protocolError('INVALID_PARTITIONS', false))).toBe(false);
  });
});
