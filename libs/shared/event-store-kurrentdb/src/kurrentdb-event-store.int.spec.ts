import { describeEventStoreContract } from '@leadrail/event-store/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// Needs a server, e.g. EVENTSTORE_URL=kurrentdb://localhost:2113?tls=false
describeEventStoreContract('KurrentDB / EventStoreDB', {
  unavailable: process.env.EVENTSTORE_URL
    ? undefined
    : 'EVENTSTORE_URL is not set and no EventStoreDB can run here',
  create: () => KurrentDbEventStore.connect(process.env.EVENTSTORE_URL!),
  destroy: (store) => store.close(),
});
