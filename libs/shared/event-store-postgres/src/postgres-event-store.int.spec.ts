import type { EventStore } from '@leadrail/event-store';
import { describeEventStoreContract } from '@leadrail/event-store/testing';
import { type TestDatabase, createTestDatabase } from '@leadrail/testing';
import { Client } from 'pg';
import { PostgresEventStore } from './postgres-event-store';

/** Each store the suite creates gets a database of its own. */
const databases = new Map<EventStore, TestDatabase>();

describeEventStoreContract('PostgreSQL', {
  create: async () => {
    const database = await createTestDatabase('event-store-contract');
    const store = await PostgresEventStore.open({ connectionString: database.url });
    databases.set(store, database);
    return store;
  },
  destroy: async (store) => {
    await store.close();
    await databases.get(store)?.drop();
    databases.delete(store);
  },
  // Every connection to the store's database is ended by the server, as in a restart.
  disrupt: async (store) => {
    const client = new Client({ connectionString: databases.get(store)!.url });
    await client.connect();
    try {
      await client.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
    } finally {
      await client.end();
    }
  },
});
