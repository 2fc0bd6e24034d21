import type { CurrencyCode } from './money';
import type { PartnerSettings } from './partner-settings';

/** No PartnerRegistered yet: the only state RegisterPartner accepts. */
export interface UnregisteredPartner {
  status: 'unregistered';
}

/** Who paused a partner's deliveries, and when. */
export interface DeliveryPause {
  by: { type: 'operator' | 'partner'; id: string };
  at: string;
}

/** What every registered partner has, active or not. */
export interface RegisteredPartnerBase {
  id: string;
  name: string;
  /** The one currency of all the partner's money, fixed at registration (its account's currency). */
  currency: CurrencyCode;
  registeredAt: string;
  settings: PartnerSettings;
  /** Set while deliveries are paused; routing sends nothing to a paused partner. */
  paused: DeliveryPause | null;
}

/** A partner that accepts changes and may receive leads. */
export interface ActivePartner extends RegisteredPartnerBase {
  status: 'active';
}

/** A deactivated partner: frozen until reactivated. */
export interface InactivePartner extends RegisteredPartnerBase {
  status: 'inactive';
  deactivation: { reason: string; at: string };
}

/** A partner that has been registered. */
export type RegisteredPartner = ActivePartner | InactivePartner;

/** The partner aggregate's state, folded from its stream. */
export type PartnerState = UnregisteredPartner | RegisteredPartner;

/** The state of a partner stream with no events. */
export function initialPartnerState(): PartnerState {
  return { status: 'unregistered' };
}
