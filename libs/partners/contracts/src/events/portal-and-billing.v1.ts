import { IntegrationEventOf, Money, NestedObject } from '@leadrail/integration-events';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsPartnerId } from '../rules/is-partner-id';
import { PaymentMode } from '../values/payment-mode';
import { BillingPoint, IsBillingPoint } from '../values/partner-settings';
import { PortalAccess } from '../values/portal-access';
import { PortalLogin } from '../values/portal-login';
import { EXAMPLE_PARTNER_ID, definePartnerEventV1, partnerExample } from './partner-event';

// What the partner may do in its portal, and how and when it pays.

/** The data of `PortalAccessChanged` v1. */
export class PortalAccessChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'The new portal permissions, whole.' })
  @NestedObject(() => PortalAccess)
  portalAccess!: PortalAccess;
}

/** `PortalAccessChanged` v1. */
export const portalAccessChangedV1 = definePartnerEventV1({
  type: 'PortalAccessChanged',
  data: PortalAccessChangedV1Data,
  description: 'The portal access level, referral acceptance or lead-status permission changed.',
  examples: [
    partnerExample(
      'PortalAccessChanged',
      {
        name: 'portal-leads-only',
        summary: 'The partner may only see its leads and no longer accepts referrals.',
        eventId: '8650522a-7064-4ac0-85f1-7d17eca5e730',
        occurredAt: '2026-11-26T11:00:00.000Z',
      },
      {
        partnerId: EXAMPLE_PARTNER_ID,
        portalAccess: {
          level: 'leads-only',
          requireReferralAcceptance: false,
          mayUpdateLeadStatus: false,
        },
      },
    ),
  ],
});

/** The data of `PortalLoginCreated` v1. */
export class PortalLoginCreatedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'The login that now exists; never its credentials.' })
  @NestedObject(() => PortalLogin)
  portalLogin!: PortalLogin;
}

/** `PortalLoginCreated` v1. */
export const portalLoginCreatedV1 = definePartnerEventV1({
  type: 'PortalLoginCreated',
  data: PortalLoginCreatedV1Data,
  description: 'A portal login was created. Credentials are never in the event.',
  examples: [
    partnerExample(
      'PortalLoginCreated',
      {
        name: 'portal-login-invited',
        summary: 'An invitation to the portal was sent to the broker.',
        eventId: '282fa5f8-640f-4d34-a0b1-8cf6a1c6cb66',
        occurredAt: '2026-11-26T11:05:00.000Z',
      },
      {
        partnerId: EXAMPLE_PARTNER_ID,
        portalLogin: {
          email: 'ops@northway.example',
          method: 'invitation',
          createdAt: '2026-11-26T11:05:00.000Z',
        },
      },
    ),
  ],
});

/** The data of `PaymentModeChanged` v1. */
export class PaymentModeChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'The new payment mode and, for post-pay, credit limit.' })
  @NestedObject(() => PaymentMode)
  payment!: PaymentMode;
}

/** `PaymentModeChanged` v1. */
export const paymentModeChangedV1 = definePartnerEventV1({
  type: 'PaymentModeChanged',
  data: PaymentModeChangedV1Data,
  description: 'The partner switched payment mode or credit limit.',
  examples: [
    partnerExample(
      'PaymentModeChanged',
      {
        name: 'switched-to-pre-pay',
        summary: 'The partner moves to pre-pay, so it has no credit limit.',
        eventId: '9c5619cd-c633-43f9-ae41-e2f621412dec',
        occurredAt: '2026-11-26T11:10:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, payment: { mode: 'pre-pay' } },
    ),
  ],
});

/** The data of `BillingPointChanged` v1. */
export class BillingPointChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'delivery, acceptance, qualification or conversion.' })
  @IsBillingPoint()
  billingPoint!: BillingPoint;
}

/** `BillingPointChanged` v1. */
export const billingPointChangedV1 = definePartnerEventV1({
  type: 'BillingPointChanged',
  data: BillingPointChangedV1Data,
  description: 'The point at which the partner is charged for a lead changed.',
  examples: [
    partnerExample(
      'BillingPointChanged',
      {
        name: 'billed-on-delivery',
        summary: 'The partner is now charged when a lead is delivered.',
        eventId: '24280fc6-7e3b-4314-b8c9-09300a7dfb73',
        occurredAt: '2026-11-26T11:15:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, billingPoint: 'delivery' },
    ),
  ],
});

/** The data of `LowFundsThresholdChanged` v1. */
export class LowFundsThresholdChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({
    description: 'The balance (or credit remaining) at which the low-funds alert fires.',
  })
  @NestedObject(() => Money)
  lowFundsThreshold!: Money;
}

/** `LowFundsThresholdChanged` v1. */
export const lowFundsThresholdChangedV1 = definePartnerEventV1({
  type: 'LowFundsThresholdChanged',
  data: LowFundsThresholdChangedV1Data,
  description: 'The low-funds threshold changed.',
  examples: [
    partnerExample(
      'LowFundsThresholdChanged',
      {
        name: 'low-funds-threshold-lowered',
        summary: 'The low-funds alert now fires at GBP 50.00.',
        eventId: '6499f782-4e6c-440e-8ee1-4ee642f0f2a5',
        occurredAt: '2026-11-26T11:20:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, lowFundsThreshold: { amount: 5000, currency: 'GBP' } },
    ),
  ],
});

/** A parsed `PortalAccessChanged` v1 event. */
export type PortalAccessChangedV1 = IntegrationEventOf<typeof portalAccessChangedV1>;
/** A parsed `PortalLoginCreated` v1 event. */
export type PortalLoginCreatedV1 = IntegrationEventOf<typeof portalLoginCreatedV1>;
/** A parsed `PaymentModeChanged` v1 event. */
export type PaymentModeChangedV1 = IntegrationEventOf<typeof paymentModeChangedV1>;
/** A parsed `BillingPointChanged` v1 event. */
export type BillingPointChangedV1 = IntegrationEventOf<typeof billingPointChangedV1>;
/** A parsed `LowFundsThresholdChanged` v1 event. */
export type LowFundsThresholdChangedV1 = IntegrationEventOf<typeof lowFundsThresholdChangedV1>;
