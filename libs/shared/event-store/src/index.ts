export * from './decider';
export * from './errors';
export * from './event-store';
export * from './expected-revision';
export * from './handle-command';
export * from './recorded-event';
export * from './stream-name';
