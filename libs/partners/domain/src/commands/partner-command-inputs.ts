import type { OutcomeRule, ResponseCapture } from '@leadrail/delivery-outcomes';
import type {
  DeliveryChannels,
  InternetDelivery,
  InternetDeliveryMethod,
} from '../model/delivery-settings';
import type { CriterionOperator } from '../model/lead-buying';
import type { Money } from '../model/money';
import type { PortalLoginMethod } from '../model/partner-settings';

/**
 * The partner type as a command states it. Looser than the state's union on
 * purpose: commands arrive from outside, and a price given for the wrong role
 * must be refused with a clear error rather than be impossible to express.
 * An omitted price keeps the current one (ChangePartnerType).
 */
export interface PartnerTypeInput {
  introducer: boolean;
  partner: boolean;
  leadCost?: Money | null;
  leadValue?: Money | null;
}

/** A payment mode as a command states it; a credit limit is refused for pre-pay. */
export interface PaymentModeInput {
  mode: 'pre-pay' | 'post-pay';
  creditLimit?: Money | null;
}

/** A portal login to record; the credentials themselves stay with the service. */
export interface PortalLoginInput {
  email: string;
  method: PortalLoginMethod;
}

/**
 * An internet delivery as a command states it: omitted headers mean none, and
 * an omitted or null SOAP action, timeout or outcome rules mean the default.
 */
export interface InternetDeliveryInput extends Omit<
  InternetDelivery,
  'headers' | 'soapAction' | 'timeoutSeconds' | 'outcome'
> {
  method: InternetDeliveryMethod;
  headers?: Record<string, string>;
  soapAction?: string | null;
  timeoutSeconds?: number | null;
  outcome?: OutcomeRulesInput | null;
}

/** One outcome rule as a command states it; an omitted `equals` is null. */
export interface OutcomeRuleInput extends Omit<OutcomeRule, 'equals'> {
  equals?: string | null;
}

/** Outcome rules as a command states them; omitted captures are null. */
export interface OutcomeRulesInput {
  rules: OutcomeRuleInput[];
  partnerReference?: ResponseCapture | null;
  rejectionReason?: ResponseCapture | null;
}

/** Delivery channels as a command states them. */
export interface DeliveryChannelsInput extends Omit<DeliveryChannels, 'internet'> {
  internet: InternetDeliveryInput | null;
}

/** A criterion as a command states it: its value is checked against its operator. */
export interface LeadCriterionInput {
  field: string;
  operator: CriterionOperator;
  value: unknown;
}

/** A lead type bought as a command states it; omitted narrowings narrow nothing. */
export interface LeadTypeBoughtInput {
  leadType: string;
  postcodes?: string[];
  criteria?: LeadCriterionInput[];
  leadValue?: Money | null;
  /** Its share among equals for a lead type routed by weight; omitted: 1. */
  weight?: number;
}
