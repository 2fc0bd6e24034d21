import type { RoutingPartner } from '@leadrail/routing-domain';
import type { RoutingPartnerRecord } from './routing-partner-record';

/**
 * Routing's record of a partner as the routing domain reads it. The one place
 * the partners contracts' shapes meet the domain's: `partnerType.partner`
 * becomes `isPartner`, the selection priority `priority` (higher first in
 * both), an internet delivery or email `deliveryConfigured`, a lead type's
 * weight its `weight` (1 when absent, for weighted lead types), and a post-pay
 * partner without a credit limit a credit limit of zero in its currency.
 */
export function toRoutingPartner(record: RoutingPartnerRecord): RoutingPartner {
  return {
    partnerId: record.partnerId,
    isPartner: record.isPartner,
    active: record.active,
    paused: record.paused,
    buys: record.leadTypes.map((bought) => ({
      leadType: bought.leadType,
      postcodes: bought.postcodes,
      // The partners contract validates operators and values by the same rules as the domain.
      criteria: bought.criteria as RoutingPartner['buys'][number]['criteria'],
      leadValue: bought.leadValue,
      // Absent in purchases set before partners had weights: the domain then weighs it 1.
      ...(bought.weight === undefined ? {} : { weight: bought.weight }),
    })),
    priority: record.selectionPriority,
    defaultLeadValue: record.leadValue,
    deliveryConfigured: record.delivery.email || record.delivery.internet,
    schedule: record.schedule,
    limits: record.limits,
    payment:
      record.payment.mode === 'pre-pay'
        ? { mode: 'pre-pay' }
        : {
            mode: 'post-pay',
            creditLimit: record.payment.creditLimit ?? { amount: 0, currency: record.currency },
          },
    billingPoint: record.billingPoint,
  };
}
