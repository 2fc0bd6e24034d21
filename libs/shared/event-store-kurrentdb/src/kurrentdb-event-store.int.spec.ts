import { describeEventStoreContract } from '@leadrail/event-store/testing';
import { kurrentDbForTests } from '@leadrail/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// The server EVENTSTORE_URL names (e.g. kurrentdb://localhost:2113?tls=false); unset, a
// KurrentDB container when a Docker engine is reachable; otherwise skipped, saying why.
const kurrentDb = kurrentDbForTests();

// A first run pulls the image.
beforeAll(() => kurrentDb.start(), 300_000);
afterAll(() => kurrentDb.stop(), 60_000);

describeEventStoreContract('KurrentDB / EventStoreDB', {
  unavailable: kurrentDb.unavailable,
  create: () => KurrentDbEventStore.connect(kurrentDb.connectionString()),
  destroy: (store) => store.close(),
});
