import type { AccountTerms, Amount } from '@leadrail/billing-domain';
import type {
  BillingPoint,
  BillingPointChangedV1,
  LeadCostSetV1,
  LowFundsThresholdChangedV1,
  PartnerRegisteredV1,
  PartnerRenamedV1,
  PartnerTypeChangedV1,
  PartnerDeactivatedV1,
  PartnerReactivatedV1,
  PaymentModeChangedV1,
  PortalAccessChangedV1,
} from '@leadrail/partners-contracts';
import type { PortalAccess } from '@leadrail/portal-session';

/** The partner events billing's view of partners is folded from. */
export type BillingPartnerEvent =
  | PartnerRegisteredV1
  | PartnerRenamedV1
  | PartnerTypeChangedV1
  | LeadCostSetV1
  | PaymentModeChangedV1
  | BillingPointChangedV1
  | LowFundsThresholdChangedV1
  | PortalAccessChangedV1
  | PartnerDeactivatedV1
  | PartnerReactivatedV1;

export const BILLING_PARTNER_EVENT_TYPES = [
  'PartnerRegistered',
  'PartnerRenamed',
  'PartnerTypeChanged',
  'LeadCostSet',
  'PaymentModeChanged',
  'BillingPointChanged',
  'LowFundsThresholdChanged',
  'PortalAccessChanged',
  'PartnerDeactivated',
  'PartnerReactivated',
] as const satisfies readonly BillingPartnerEvent['type'][];

/** The partner as billing needs it: how it pays, when it is charged, what it is paid as an introducer. */
export interface BillingPartnerRecord {
  partnerId: string;
  name: string;
  currency: string;
  terms: AccountTerms;
  billingPoint: BillingPoint;
  /** The Lead Cost owed per lead when the partner is an introducer; null when it is not one. */
  leadCost: Amount | null;
  /** What the partner's portal may do (PayPal top-ups from the portal check it on every request). */
  portalAccess: PortalAccess;
  lastEventId: string;
}

/** Folds one partner event; null when the partner is unknown and the event cannot start it. */
export function applyBillingPartnerEvent(
  record: BillingPartnerRecord | null,
  event: BillingPartnerEvent,
): BillingPartnerRecord | null {
  if (event.type === 'PartnerRegistered') {
    const { partnerId, name, currency, settings } = event.data;
    return {
      partnerId,
      name,
      currency,
      terms: {
        mode: settings.payment.mode,
        creditLimit: settings.payment.creditLimit ?? null,
        lowFundsThreshold: settings.lowFundsThreshold,
      },
      billingPoint: settings.billingPoint,
      leadCost: settings.partnerType.introducer ? settings.partnerType.leadCost : null,
      portalAccess: {
        level: settings.portalAccess.level,
        requireReferralAcceptance: settings.portalAccess.requireReferralAcceptance,
        mayUpdateLeadStatus: settings.portalAccess.mayUpdateLeadStatus,
        active: true,
      },
      lastEventId: event.eventId,
    };
  }
  if (record === null) {
    return null;
  }
  const next = { ...record, lastEventId: event.eventId };
  switch (event.type) {
    case 'PartnerRenamed':
      return { ...next, name: event.data.name };
    case 'PartnerTypeChanged': {
      const { introducer, leadCost } = event.data.partnerType;
      return { ...next, leadCost: introducer ? leadCost : null };
    }
    case 'LeadCostSet':
      return { ...next, leadCost: event.data.leadCost };
    case 'PaymentModeChanged':
      return {
        ...next,
        terms: {
          ...next.terms,
          mode: event.data.payment.mode,
          creditLimit: event.data.payment.creditLimit ?? null,
        },
      };
    case 'BillingPointChanged':
      return { ...next, billingPoint: event.data.billingPoint };
    case 'LowFundsThresholdChanged':
      return {
        ...next,
        terms: { ...next.terms, lowFundsThreshold: event.data.lowFundsThreshold },
      };
    case 'PortalAccessChanged': {
      const { level, requireReferralAcceptance, mayUpdateLeadStatus } = event.data.portalAccess;
      return {
        ...next,
        portalAccess: {
          ...next.portalAccess,
          level,
          requireReferralAcceptance,
          mayUpdateLeadStatus,
        },
      };
    }
    case 'PartnerDeactivated':
      return { ...next, portalAccess: { ...next.portalAccess, active: false } };
    case 'PartnerReactivated':
      return { ...next, portalAccess: { ...next.portalAccess, active: true } };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
