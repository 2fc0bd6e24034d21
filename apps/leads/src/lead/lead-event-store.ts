import type { EventStore } from '@leadrail/event-store';
import { EVENT_STORE } from '@leadrail/nest-kit';
import { PersonalDataKeys } from '../personal-data/personal-data-keys';
import { SealingEventStore } from '../personal-data/sealing-event-store';

/** Injection token of the event log as the leads service's aggregates use it (contacts sealed). */
export const LEAD_EVENT_STORE = Symbol('LEAD_EVENT_STORE');

export const leadEventStoreProvider = {
  provide: LEAD_EVENT_STORE,
  useFactory: (store: EventStore, keys: PersonalDataKeys): EventStore =>
    new SealingEventStore(store, keys),
  inject: [EVENT_STORE, PersonalDataKeys],
};
