export * from './postgres-event-store';
export { notifyChannel } from './schema.sql';
