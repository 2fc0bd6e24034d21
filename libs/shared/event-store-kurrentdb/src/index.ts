export type { KurrentDbClient } from './kurrentdb-client';
export * from './kurrentdb-event-store';
