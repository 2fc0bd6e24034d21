import { Injectable } from '@nestjs/common';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { LeadRoutedV1 } from '@leadrail/routing-contracts';
import type { EntityManager } from 'typeorm';

/**
 * The Lead Value routing reserved for each lead and partner (`LeadRouted`),
 * kept in the lead's record: what a delivery shows as the partner's price and
 * what billing charges, the same figure.
 */
@Injectable()
export class LeadValuesHandler implements IntegrationEventHandler<LeadRoutedV1> {
  readonly name = 'delivery.lead-values';
  readonly eventTypes = ['LeadRouted'];

  async handle(event: LeadRoutedV1, manager: EntityManager): Promise<void> {
    const { leadId, partnerId, leadValue } = event.data;
    await manager.query(
      `INSERT INTO delivery_lead_values (lead_id, partner_id, amount, currency) VALUES ($1, $2, $3, $4)
       ON CONFLICT (lead_id, partner_id) DO NOTHING`,
      [leadId, partnerId, leadValue.amount, leadValue.currency],
    );
  }
}
