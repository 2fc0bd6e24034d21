import { Inject, Injectable } from '@nestjs/common';
import type { PartnerAccountCreditedV1 } from '@leadrail/billing-contracts';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import {
  ROUTING_PARTNER_EVENT_TYPES,
  type RoutingPartnerEvent,
} from '../partner-view/routing-partner-record';
import { UnroutableLeads } from './unroutable-leads';

type MayHelp = RoutingPartnerEvent | PartnerAccountCreditedV1;

/**
 * A change that may let a partner take leads it could not (any of its
 * routing settings, money into its account) brings forward the next retry of
 * the unroutable leads of every type it buys. Runs after routing's view of
 * the partner took the same event (handlers run in the order the service
 * lists them), so the types read are the new ones.
 */
@Injectable()
export class WakeUnroutableLeads implements IntegrationEventHandler<MayHelp> {
  readonly name = 'routing.wake-unroutable-leads';
  readonly eventTypes = [...ROUTING_PARTNER_EVENT_TYPES, 'PartnerAccountCredited'];

  constructor(
    @Inject(UnroutableLeads) private readonly leads: UnroutableLeads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(event: MayHelp, manager: EntityManager): Promise<void> {
    const rows = await manager.query<{ lead_types: string[] }[]>(
      'SELECT lead_types FROM routing_partners WHERE partner_id = $1',
      [event.data.partnerId],
    );
    await this.leads.wake(manager, rows[0]?.lead_types ?? [], this.clock.now());
  }
}
