import { describeEventStoreContract } from '@leadrail/event-store/testing';
import { type TestDatabase, createTestDatabase } from '@leadrail/testing';
import { PostgresEventStore } from './postgres-event-store';

let database: TestDatabase;

describeEventStoreContract('PostgreSQL', {
  create: async () => {
    database = await createTestDatabase('event-store-contract');
    return PostgresEventStore.open({ connectionString: database.url });
  },
  destroy: async (store) => {
    await store.close();
    await database.drop();
  },
});
