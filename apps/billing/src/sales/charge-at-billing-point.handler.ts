import { Inject, Injectable, Logger } from '@nestjs/common';
import { billingPointsReached } from '@leadrail/billing-domain';
import type {
  LeadDeliveredV1,
  LeadStatusChangedV1,
  ReferralAcceptedV1,
} from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { LeadRoutedV1 } from '@leadrail/routing-contracts';
import type { EntityManager } from 'typeorm';
import { BILLING_SYSTEM } from '../accounts/billing-cause';
import { PartnerAccounts } from '../accounts/partner-accounts';
import { BillingPartners } from '../partner-view/billing-partners';
import { BillingSales, type Sale, isChargeable } from './billing-sales';

type SaleEvent = LeadRoutedV1 | LeadDeliveredV1 | ReferralAcceptedV1 | LeadStatusChangedV1;

/**
 * Charges a partner its Lead Value when a lead sold to it reaches the
 * partner's billing point. The value and the billing point come with the
 * routing decision (`LeadRouted`: what routing reserved), the points reached
 * with the lead's own events; whichever arrives last charges. The charge is
 * once per lead and partner whatever arrives twice (its event id derives
 * from both), and it settles routing's reservation when routing reads it.
 */
@Injectable()
export class ChargeAtBillingPoint implements IntegrationEventHandler<SaleEvent> {
  readonly name = 'billing.charge-at-billing-point';
  readonly eventTypes = ['LeadRouted', 'LeadDelivered', 'ReferralAccepted', 'LeadStatusChanged'];
  private readonly logger = new Logger(ChargeAtBillingPoint.name);

  constructor(
    @Inject(BillingSales) private readonly sales: BillingSales,
    @Inject(BillingPartners) private readonly partners: BillingPartners,
    @Inject(PartnerAccounts) private readonly accounts: PartnerAccounts,
  ) {}

  async handle(event: SaleEvent, manager: EntityManager): Promise<void> {
    const { leadId, partnerId } = event.data;
    const sale =
      event.type === 'LeadRouted'
        ? await this.routed(event, manager)
        : await this.sales.reached(manager, leadId, partnerId, billingPointsReached(event));
    if (!isChargeable(sale)) {
      return;
    }
    const partner = await this.partners.find(manager, partnerId);
    if (partner === null) {
      throw new Error(`partner ${partnerId} is unknown to billing: its events have not arrived`);
    }
    const { events } = await this.accounts.charge(
      partner,
      { leadId, amount: sale.leadValue, billingPoint: sale.billingPoint },
      {
        eventId: event.eventId,
        correlationId: sale.correlationId ?? event.correlationId,
        actor: BILLING_SYSTEM,
      },
    );
    if (events.length > 0) {
      this.logger.log(
        `charged partner ${partnerId} ${sale.leadValue.amount} ${sale.leadValue.currency} for lead ${leadId} at ${sale.billingPoint}`,
      );
    }
  }

  private async routed(event: LeadRoutedV1, manager: EntityManager): Promise<Sale> {
    const { leadId, partnerId, leadValue } = event.data;
    const partner = await this.partners.find(manager, partnerId);
    if (partner === null) {
      // Routing knew the partner, so its events exist: billing has not read them yet. Retried.
      throw new Error(`partner ${partnerId} is unknown to billing: its events have not arrived`);
    }
    return this.sales.routed(manager, {
      leadId,
      partnerId,
      leadValue,
      billingPoint: partner.billingPoint,
      correlationId: event.correlationId,
    });
  }
}
