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
import { BillingPartners } from '../partner-view/billing-partners';
import { lockPartner } from '../partner-view/partner-lock';
import { BillingSales, isChargeable } from './billing-sales';
import { SaleCharges } from './sale-charges';

type SaleEvent = LeadRoutedV1 | LeadDeliveredV1 | ReferralAcceptedV1 | LeadStatusChangedV1;

/**
 * Charges a partner its Lead Value when a lead sold to it reaches the
 * partner's billing point. The value comes with the routing decision
 * (`LeadRouted`: what routing reserved) and the billing point is the
 * partner's at that moment; the points reached come with the lead's own
 * events; whichever arrives last charges. A sale to a partner billing has
 * not heard of yet waits, and is charged when the partner's registration
 * arrives (BillingPartnersHandler). The charge is once per lead and partner
 * whatever arrives twice: its event id derives from both.
 */
@Injectable()
export class ChargeAtBillingPoint implements IntegrationEventHandler<SaleEvent> {
  readonly name = 'billing.charge-at-billing-point';
  readonly eventTypes = ['LeadRouted', 'LeadDelivered', 'ReferralAccepted', 'LeadStatusChanged'];
  private readonly logger = new Logger(ChargeAtBillingPoint.name);

  constructor(
    @Inject(BillingSales) private readonly sales: BillingSales,
    @Inject(BillingPartners) private readonly partners: BillingPartners,
    @Inject(SaleCharges) private readonly charges: SaleCharges,
  ) {}

  async handle(event: SaleEvent, manager: EntityManager): Promise<void> {
    const { leadId, partnerId } = event.data;
    await lockPartner(manager, partnerId);
    const partner = await this.partners.find(manager, partnerId);
    const sale =
      event.type === 'LeadRouted'
        ? await this.sales.routed(manager, {
            leadId,
            partnerId,
            leadValue: event.data.leadValue,
            billingPoint: partner?.billingPoint ?? null,
            correlationId: event.correlationId,
          })
        : await this.sales.reached(manager, leadId, partnerId, billingPointsReached(event));
    if (partner === null) {
      if (event.type === 'LeadRouted') {
        this.logger.warn(
          `lead ${leadId} was routed to partner ${partnerId}, which billing has not heard of yet: its charge waits for the partner's events`,
        );
      }
      return;
    }
    if (isChargeable(sale)) {
      await this.charges.chargeIfDue(sale, partner, event);
    }
  }
}
