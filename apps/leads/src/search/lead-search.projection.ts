import type { RecordedEvent } from '@leadrail/event-store';
import {
  LEAD_STREAM_CATEGORY,
  type LeadEvent,
  type LeadState,
  evolveLead,
  initialLeadState,
  isLeadEvent,
} from '@leadrail/leads-domain';
import type { Projection } from '@leadrail/projections';
import type { EntityManager } from 'typeorm';
import { PersonalDataKeys } from '../personal-data/personal-data-keys';
import { openContact } from '../personal-data/seal-contact';
import type { StoredLeadReceivedData } from '../personal-data/sealed-personal-data';
import { leadStateColumns } from './lead-search-columns';
import { historyEntryOf } from './lead-history-entry';
import { type SearchableContact, searchTextOf, searchableContact } from './search-text';

/**
 * Stands in for the contact in the folded state kept in `state`: the person
 * is never stored there, only (sealed) in `personal` and (opened, searchable)
 * in the columns that erasure empties.
 */
const WITHHELD = { firstName: '', lastName: '' };

interface StoredRow {
  state: LeadState;
  revision: string;
}

/** The personal columns of a row: opened once at LeadReceived, emptied by erasure. */
interface PersonalColumns {
  contact: SearchableContact | null;
  personal: StoredLeadReceivedData['personal'] | null;
}

/**
 * `lead_search` and `lead_search_history` from the lead streams, folded by the
 * domain's `evolveLead`. The contact is opened with the lead's key when its
 * `LeadReceived` is applied; a key already erased (a rebuild after erasure)
 * leaves the personal columns empty, and `LeadPersonalDataErased` empties them.
 */
export class LeadSearchProjection implements Projection {
  readonly name = 'lead-search';
  readonly filter = { streamNamePrefixes: [`${LEAD_STREAM_CATEGORY}-`] };

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    const recorded = { type: event.type, data: event.data };
    // An unknown type in a lead stream means the log is newer than this code: stop, never skip.
    if (!isLeadEvent(recorded)) {
      throw new Error(`lead-search cannot apply ${event.type} of ${event.streamName}`);
    }
    const leadId = (event.data as { leadId: string }).leadId.toLowerCase();
    const rows = await manager.query<StoredRow[]>(
      'SELECT state, revision FROM lead_search WHERE lead_id = $1 FOR UPDATE',
      [leadId],
    );
    const row = rows[0];
    if (row !== undefined && BigInt(row.revision) >= event.revision) {
      return;
    }
    const state = evolveLead(row?.state ?? initialLeadState(), asDomainEvent(recorded));
    const personal = await this.personalColumns(recorded, row, manager);
    await this.save(leadId, state, personal, event, row === undefined, manager);
    const entry = historyEntryOf(event);
    await manager.query(
      `INSERT INTO lead_search_history (lead_id, revision, type, occurred_at, actor_type, actor_id, partner_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        leadId,
        entry.revision,
        entry.type,
        entry.occurredAt,
        entry.actorType,
        entry.actorId,
        entry.partnerId,
        entry.status,
      ],
    );
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE lead_search, lead_search_history');
  }

  /** `undefined` keeps what the row holds; otherwise the new personal columns. */
  private async personalColumns(
    event: LeadEvent,
    row: StoredRow | undefined,
    manager: EntityManager,
  ): Promise<PersonalColumns | undefined> {
    if (event.type === 'LeadPersonalDataErased') {
      return { contact: null, personal: null };
    }
    if (event.type !== 'LeadReceived' || row !== undefined) {
      return undefined;
    }
    const stored = event.data as unknown as StoredLeadReceivedData;
    const key = await new PersonalDataKeys(manager.connection).lookup(stored.leadId);
    if (key.state !== 'present') {
      return { contact: null, personal: null };
    }
    return {
      contact: searchableContact(openContact(stored.personal, key.key)),
      personal: stored.personal,
    };
  }

  private async save(
    leadId: string,
    state: LeadState,
    personal: PersonalColumns | undefined,
    event: RecordedEvent,
    isNew: boolean,
    manager: EntityManager,
  ): Promise<void> {
    const columns = leadStateColumns(state);
    const area = (event.data as Partial<StoredLeadReceivedData>).area;
    const values = {
      ...columns,
      state: JSON.stringify(state),
      revision: event.revision.toString(),
    };
    if (isNew) {
      const contact = personal?.contact ?? null;
      await manager.query(
        `INSERT INTO lead_search (lead_id, recorded_at, introducer_id, lead_type, external_reference,
           stage, status, partner_id, referred_partner_id, received_at, allocated_at, delivered_at,
           country, city, postcode_district, duplicate_of, rejection_code, erased_at,
           first_name, last_name, email, phone, postcode, search_text, personal, state, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
           $19, $20, $21, $22, $23, $24, $25, $26, $27)`,
        [
          leadId,
          recordedAtOf(event),
          values.introducer_id,
          values.lead_type,
          values.external_reference,
          values.stage,
          values.status,
          values.partner_id,
          values.referred_partner_id,
          values.received_at,
          values.allocated_at,
          values.delivered_at,
          area?.country ?? null,
          area?.city ?? null,
          area?.postcodeDistrict ?? null,
          values.duplicate_of,
          values.rejection_code,
          values.erased_at,
          contact?.firstName ?? null,
          contact?.lastName ?? null,
          contact?.email ?? null,
          contact?.phone ?? null,
          contact?.postcode ?? null,
          searchTextOf(contact, values.external_reference),
          personal?.personal ? JSON.stringify(personal.personal) : null,
          values.state,
          values.revision,
        ],
      );
      return;
    }
    // recorded_at never changes once written: the keyset cursor of a page relies on it.
    await manager.query(
      `UPDATE lead_search SET introducer_id = $2, lead_type = $3, external_reference = $4, stage = $5,
         status = $6, partner_id = $7, referred_partner_id = $8, received_at = $9, allocated_at = $10,
         delivered_at = $11, duplicate_of = $12, rejection_code = $13, erased_at = $14, state = $15,
         revision = $16
       WHERE lead_id = $1`,
      [
        leadId,
        values.introducer_id,
        values.lead_type,
        values.external_reference,
        values.stage,
        values.status,
        values.partner_id,
        values.referred_partner_id,
        values.received_at,
        values.allocated_at,
        values.delivered_at,
        values.duplicate_of,
        values.rejection_code,
        values.erased_at,
        values.state,
        values.revision,
      ],
    );
    if (personal !== undefined && personal.contact === null) {
      await manager.query(
        `UPDATE lead_search SET first_name = NULL, last_name = NULL, email = NULL, phone = NULL,
           postcode = NULL, personal = NULL, search_text = $2
         WHERE lead_id = $1`,
        [leadId, searchTextOf(null, values.external_reference)],
      );
    }
  }
}

/** The domain's view of a stored event: a `LeadReceived` has its contact sealed, so it folds with none. */
function asDomainEvent(event: LeadEvent): LeadEvent {
  if (event.type !== 'LeadReceived') {
    return event;
  }
  const stored = event.data as unknown as StoredLeadReceivedData;
  return {
    type: 'LeadReceived',
    data: {
      leadId: stored.leadId,
      details: { ...stored.details, contact: WITHHELD },
      source: stored.source,
      recordedAt: stored.recordedAt,
    },
  };
}

/** When the lead was first recorded: received, or rejected at intake without ever being received. */
function recordedAtOf(event: RecordedEvent): string {
  const data = event.data as { recordedAt?: unknown; rejectedAt?: unknown };
  if (typeof data.recordedAt === 'string') {
    return data.recordedAt;
  }
  if (typeof data.rejectedAt === 'string') {
    return data.rejectedAt;
  }
  return event.recordedAt.toISOString();
}
