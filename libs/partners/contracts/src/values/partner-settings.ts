import { Money, NestedObject, Nullable } from '@leadrail/integration-events';
import { IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { ContactDetails } from './contact-details';
import { DeliveryChannels } from './delivery-channels';
import { DeliveryLimits } from './delivery-limits';
import { DeliverySchedule } from './delivery-schedule';
import { PartnerType } from './partner-type';
import { PaymentMode } from './payment-mode';
import { PortalAccess } from './portal-access';
import { PortalLogin } from './portal-login';
import { TextAlerts } from './text-alerts';

/** When a partner may be charged for a lead. */
export const BILLING_POINTS = ['delivery', 'acceptance', 'qualification', 'conversion'] as const;

/** One of {@link BILLING_POINTS}. */
export type BillingPoint = (typeof BILLING_POINTS)[number];

/** The billing-point rule, shared by PartnerSettings and BillingPointChanged. */
export function IsBillingPoint(): PropertyDecorator {
  return IsIn(BILLING_POINTS);
}

/**
 * Every setting of a partner, as registration fixes them (defaults applied).
 * Each later `...Changed` event replaces one of these groups whole.
 */
export class PartnerSettings {
  @JSONSchema({ description: 'Roles and their prices.' })
  @NestedObject(() => PartnerType)
  partnerType!: PartnerType;

  @JSONSchema({ description: 'Portal permissions.' })
  @NestedObject(() => PortalAccess)
  portalAccess!: PortalAccess;

  @Nullable('The portal login, or null when none was created.')
  @NestedObject(() => PortalLogin)
  portalLogin!: PortalLogin | null;

  @JSONSchema({ description: 'Payment mode and credit limit.' })
  @NestedObject(() => PaymentMode)
  payment!: PaymentMode;

  @JSONSchema({ description: 'delivery, acceptance, qualification or conversion.' })
  @IsBillingPoint()
  billingPoint!: BillingPoint;

  @JSONSchema({ description: 'Delivery channels.' })
  @NestedObject(() => DeliveryChannels)
  delivery!: DeliveryChannels;

  @JSONSchema({ description: 'Daily and monthly lead caps.' })
  @NestedObject(() => DeliveryLimits)
  limits!: DeliveryLimits;

  @JSONSchema({ description: 'Weekly delivery schedule.' })
  @NestedObject(() => DeliverySchedule)
  schedule!: DeliverySchedule;

  @JSONSchema({ description: 'Contact details.' })
  @NestedObject(() => ContactDetails)
  contact!: ContactDetails;

  @JSONSchema({ description: 'SMS alerts.' })
  @NestedObject(() => TextAlerts)
  textAlerts!: TextAlerts;

  @JSONSchema({
    description: 'The balance (or credit remaining) at which the low-funds alert fires.',
  })
  @NestedObject(() => Money)
  lowFundsThreshold!: Money;
}
