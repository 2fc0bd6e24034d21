export * from './backoff';
export * from './checkpoint-store';
export * from './projection';
export * from './projection-failure';
export * from './projection-logger';
export * from './projection-runner';
export * from './projection-status';
export * from './transient-errors';
