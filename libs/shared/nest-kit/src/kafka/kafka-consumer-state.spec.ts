import { EventEmitter } from 'node:events';
import type { Consumer } from 'kafkajs';
import { KafkaConsumerState } from './kafka-consumer-state';

/** Just the instrumentation surface of a kafkajs consumer: events by name. */
function fakeConsumer(): { consumer: Consumer; emit: (event: string, payload?: unknown) => void } {
  const emitter = new EventEmitter();
  const events = {
    GROUP_JOIN: 'group_join',
    CRASH: 'crash',
    DISCONNECT: 'disconnect',
    STOP: 'stop',
  };
  const consumer = {
    events,
    on: (event: string, listener: (payload: unknown) => void) => emitter.on(event, listener),
  } as unknown as Consumer;
  return { consumer, emit: (event, payload) => emitter.emit(event, { payload }) };
}

describe(KafkaConsumerState.name, () => {
  it('is a member only after joining its group', () => {
    const state = new KafkaConsumerState();
    const { consumer, emit } = fakeConsumer();
    state.attach(consumer);
    expect(state.isMember).toBe(false);
    expect(state.describe()).toBe('starting');
    emit('group_join');
    expect(state.isMember).toBe(true);
  });

  it('is recovering after a crash kafkajs restarts from, and a member again after rejoining', () => {
    const state = new KafkaConsumerState();
    const { consumer, emit } = fakeConsumer();
    state.attach(consumer);
    emit('group_join');
    emit('crash', { restart: true, error: new Error('Connection error: ECONNREFUSED') });
    expect(state.isMember).toBe(false);
    expect(state.describe()).toBe('recovering: Connection error: ECONNREFUSED');
    emit('group_join');
    expect(state.isMember).toBe(true);
    expect(state.describe()).toBe('joined');
  });

  it('is failed after a crash kafkajs will not restart from', () => {
    const state = new KafkaConsumerState();
    const { consumer, emit } = fakeConsumer();
    state.attach(consumer);
    emit('crash', { restart: false, error: new Error('not authorized') });
    expect(state.describe()).toBe('failed: not authorized');
  });

  it('is stopped once disconnected', () => {
    const state = new KafkaConsumerState();
    const { consumer, emit } = fakeConsumer();
    state.attach(consumer);
    emit('group_join');
    emit('disconnect');
    expect(state.isMember).toBe(false);
    expect(state.describe()).toBe('stopped');
  });
});
