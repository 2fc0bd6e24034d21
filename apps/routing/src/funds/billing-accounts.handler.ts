import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ACCOUNT_MOVEMENT_TYPES,
  type PartnerAccountCreditedV1,
  type PartnerAccountDebitedV1,
  type PartnerChargedV1,
} from '@leadrail/billing-contracts';
import { derivedEventId } from '@leadrail/event-store';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import { RoutingError, RoutingErrorCode } from '@leadrail/routing-domain';
import type { EntityManager } from 'typeorm';
import { PartnerLedgers } from '../ledger/partner-ledgers';

type AccountMovement = PartnerAccountCreditedV1 | PartnerAccountDebitedV1 | PartnerChargedV1;

/** Who routing's ledger events name as their actor. */
const ROUTING_ACTOR = { type: 'system', id: 'routing' } as const;

/**
 * Follows partners' accounts on `leadrail.billing.v1`:
 *
 * - a charge settles the lead's reservation on the partner's allocation
 *   ledger, at the charge's account version (the ledger then counts it until
 *   a balance that includes it is read);
 * - every movement's balance becomes the partner's funds (`routing_funds`)
 *   when its account version is newer than the one kept.
 *
 * The settle comes first: if the process stops between the two, the
 * redelivered charge settles nothing more and the balance follows; in the
 * other order routing would, for a moment, hold a balance that includes the
 * charge and a reservation still open, which is only more careful (see
 * docs/routing-domain.md, "Funds").
 */
@Injectable()
export class BillingAccountsHandler implements IntegrationEventHandler<AccountMovement> {
  readonly name = 'routing.billing-accounts';
  readonly eventTypes = ACCOUNT_MOVEMENT_TYPES;
  private readonly logger = new Logger(BillingAccountsHandler.name);

  constructor(@Inject(PartnerLedgers) private readonly ledgers: PartnerLedgers) {}

  async handle(event: AccountMovement, manager: EntityManager): Promise<void> {
    if (event.type === 'PartnerCharged') {
      await this.settle(event);
    }
    const { partnerId, balanceAfter, accountVersion } = event.data;
    await manager.query(
      `INSERT INTO routing_funds (partner_id, balance_amount, currency, account_version, last_event_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (partner_id) DO UPDATE
         SET balance_amount = EXCLUDED.balance_amount, currency = EXCLUDED.currency,
             account_version = EXCLUDED.account_version, last_event_id = EXCLUDED.last_event_id,
             updated_at = now()
       WHERE routing_funds.account_version < EXCLUDED.account_version`,
      [partnerId, balanceAfter.amount, balanceAfter.currency, accountVersion, event.eventId],
    );
  }

  private async settle(event: PartnerChargedV1): Promise<void> {
    const { partnerId, leadId, accountVersion } = event.data;
    try {
      await this.ledgers.handler.handle(
        partnerId,
        {
          type: 'SettleReservation',
          data: { partnerId, leadId, accountRevision: accountVersion },
          metadata: { actor: ROUTING_ACTOR, occurredAt: event.data.recordedAt },
        },
        {
          metadata: {
            correlationId: event.correlationId,
            causationId: event.eventId,
            occurredAt: event.data.recordedAt,
            actor: ROUTING_ACTOR,
          },
          eventId: (index) => derivedEventId(`${event.eventId}/settle`, index),
        },
      );
    } catch (error) {
      // A lead routing never allocated to the partner (an operator's manual referral) or gave
      // back before the charge: there is no reservation to settle, and the balance still counts.
      if (
        error instanceof RoutingError &&
        (error.code === RoutingErrorCode.ALLOCATION_NOT_FOUND ||
          error.code === RoutingErrorCode.ALLOCATION_RELEASED)
      ) {
        this.logger.warn(`charge of lead ${leadId} to ${partnerId}: ${error.message}`);
        return;
      }
      throw error;
    }
  }
}
