import { Injectable } from '@nestjs/common';
import type { LeadTypeChangedV1, LeadTypeDefinedV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';

type LeadTypeEvent = LeadTypeDefinedV1 | LeadTypeChangedV1;

/**
 * The lead types the leads service defined, from `leadrail.leads.v1`, so that
 * a partner cannot be set to buy a type that does not exist or is inactive.
 * Applied once per event through the inbox, in each type's order (the topic
 * is keyed `lead-type:<slug>`); a change never goes back to an older state.
 */
@Injectable()
export class KnownLeadTypesHandler implements IntegrationEventHandler<LeadTypeEvent> {
  readonly name = 'partners.known-lead-types';
  readonly eventTypes = ['LeadTypeDefined', 'LeadTypeChanged'];

  async handle(event: LeadTypeEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'LeadTypeDefined': {
        const { slug, name, definedAt } = event.data;
        await manager.query(
          `INSERT INTO known_lead_types (slug, name, active, changed_at)
           VALUES ($1, $2, true, $3) ON CONFLICT (slug) DO NOTHING`,
          [slug, name, definedAt],
        );
        return;
      }
      case 'LeadTypeChanged': {
        const { slug, name, active, changedAt } = event.data;
        await manager.query(
          `INSERT INTO known_lead_types (slug, name, active, changed_at)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active,
             changed_at = EXCLUDED.changed_at
           WHERE known_lead_types.changed_at <= EXCLUDED.changed_at`,
          [slug, name, active, changedAt],
        );
        return;
      }
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  }
}
