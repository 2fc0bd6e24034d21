import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '@leadrail/event-store';
import { LEAD_STREAM_CATEGORY, type LeadReceived } from '@leadrail/leads-domain';
import { ERASED_CONTACT } from './erased-contact';
import { areaOf } from './lead-area';
import type { PersonalDataKeys } from './personal-data-keys';
import { openContact, sealContact } from './seal-contact';
import type { StoredLeadReceivedData } from './sealed-personal-data';

const LEAD_STREAM_PREFIX = `${LEAD_STREAM_CATEGORY}-`;

/** Thrown when a lead's contact cannot be sealed: its personal data was erased. */
export class PersonalDataErasedError extends Error {
  constructor(readonly leadId: string) {
    super(`the personal data of lead ${leadId} was erased; it cannot be recorded again`);
    this.name = 'PersonalDataErasedError';
  }
}

/**
 * The leads service's view of its event log: the lead aggregate reads and
 * writes `LeadReceived` with the contact in clear, and the log only ever holds
 * it sealed under the lead's own key (crypto-shredding, docs/personal-data.md).
 * Every other event and stream passes through untouched; global reads and
 * subscriptions (the relay, projections) see what is stored, sealed.
 */
export class SealingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly keys: PersonalDataKeys,
  ) {}

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    if (!streamName.startsWith(LEAD_STREAM_PREFIX)) {
      return this.inner.appendToStream(streamName, events, options);
    }
    const sealed = await Promise.all(events.map((event) => this.seal(event)));
    return this.inner.appendToStream(streamName, sealed, options);
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events = await this.inner.readStream(streamName, options);
    if (!streamName.startsWith(LEAD_STREAM_PREFIX)) {
      return events;
    }
    return Promise.all(events.map((event) => this.open(event)));
  }

  streamRevision(streamName: string): Promise<bigint | undefined> {
    return this.inner.streamRevision(streamName);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    return this.inner.subscribeToAll(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async seal(event: NewEvent): Promise<NewEvent> {
    if (event.type !== 'LeadReceived') {
      return event;
    }
    const { leadId, details, source, recordedAt } = event.data as LeadReceived['data'];
    const key = await this.keys.keyFor(leadId);
    if (key.state !== 'present') {
      throw new PersonalDataErasedError(leadId);
    }
    const { contact, ...rest } = details;
    const data: StoredLeadReceivedData = {
      leadId,
      details: rest,
      personal: sealContact(contact, key.key, leadId, event.id),
      area: areaOf(contact),
      source,
      recordedAt,
    };
    return { ...event, data };
  }

  private async open(event: RecordedEvent): Promise<RecordedEvent> {
    if (event.type !== 'LeadReceived') {
      return event;
    }
    const stored = event.data as StoredLeadReceivedData;
    const key = await this.keys.lookup(stored.leadId);
    const contact =
      key.state === 'present' ? openContact(stored.personal, key.key) : ERASED_CONTACT;
    const data: LeadReceived['data'] = {
      leadId: stored.leadId,
      details: { ...stored.details, contact },
      source: stored.source,
      recordedAt: stored.recordedAt,
    };
    return { ...event, data };
  }
}
