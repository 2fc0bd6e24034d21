import type { RecordedEvent } from '@leadrail/event-store';
import {
  type PartnerEvent,
  type PartnerState,
  evolvePartner,
  initialPartnerState,
} from '@leadrail/partners-domain';
import type { Projection } from '@leadrail/projections';
import type { EntityManager } from 'typeorm';

/**
 * Every partner's current settings, folded by the domain's own `evolve`: the
 * read model cannot drift from what command handling sees, and a rebuild from
 * position zero reproduces it exactly.
 */
export class PartnerDirectoryProjection implements Projection {
  readonly name = 'partner-directory';
  readonly filter = { streamNamePrefixes: ['partner-'] };

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    const partnerId = (event.data as { partnerId: string }).partnerId;
    const rows = await manager.query<{ state: PartnerState }[]>(
      'SELECT state FROM partner_directory WHERE partner_id = $1 FOR UPDATE',
      [partnerId],
    );
    const state = evolvePartner(rows[0]?.state ?? initialPartnerState(), {
      type: event.type,
      data: event.data,
    } as PartnerEvent);
    if (state.status === 'unregistered') {
      return;
    }
    const type = state.settings.partnerType;
    await manager.query(
      `INSERT INTO partner_directory (partner_id, name, status, introducer, partner, paused, currency, revision, state, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (partner_id) DO UPDATE SET
         name = EXCLUDED.name, status = EXCLUDED.status, introducer = EXCLUDED.introducer,
         partner = EXCLUDED.partner, paused = EXCLUDED.paused, currency = EXCLUDED.currency,
         revision = EXCLUDED.revision, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [
        partnerId,
        state.name,
        state.status,
        type.introducer,
        type.partner,
        state.paused !== null,
        state.currency,
        event.revision.toString(),
        JSON.stringify(state),
        event.recordedAt,
      ],
    );
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE partner_directory');
  }
}
