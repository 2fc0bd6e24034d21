import type {
  PartnerAccountCreditedV1Data,
  PartnerAccountDebitedV1Data,
  PartnerChargedV1Data,
  PartnerFundsLowV1Data,
  PartnerFundsRestoredV1Data,
} from '@leadrail/billing-contracts';

/**
 * The events of a partner's account stream (`account-<partnerId>`). Their
 * data is the published contract's, field for field: the relay sends them
 * as recorded.
 */
export type AccountEvent =
  | { type: 'PartnerCharged'; data: PartnerChargedV1Data }
  | { type: 'PartnerAccountCredited'; data: PartnerAccountCreditedV1Data }
  | { type: 'PartnerAccountDebited'; data: PartnerAccountDebitedV1Data }
  | { type: 'PartnerFundsLow'; data: PartnerFundsLowV1Data }
  | { type: 'PartnerFundsRestored'; data: PartnerFundsRestoredV1Data };

/** The events that move money (and count towards `accountVersion`). */
export type AccountMovement = Extract<
  AccountEvent,
  { type: 'PartnerCharged' | 'PartnerAccountCredited' | 'PartnerAccountDebited' }
>;

export const ACCOUNT_EVENT_TYPES = [
  'PartnerCharged',
  'PartnerAccountCredited',
  'PartnerAccountDebited',
  'PartnerFundsLow',
  'PartnerFundsRestored',
] as const satisfies readonly AccountEvent['type'][];

const KNOWN = new Set<string>(ACCOUNT_EVENT_TYPES);

/** Whether a recorded event is one of an account's. */
export function isAccountEvent(event: { type: string; data: unknown }): event is AccountEvent {
  return KNOWN.has(event.type);
}

/** Whether an account event moved money. */
export function isAccountMovement(event: AccountEvent): event is AccountMovement {
  return (
    event.type === 'PartnerCharged' ||
    event.type === 'PartnerAccountCredited' ||
    event.type === 'PartnerAccountDebited'
  );
}

/** What a movement did to the balance, signed: a charge or debit takes, a credit adds. */
export function signedAmount(event: AccountMovement): number {
  return event.type === 'PartnerAccountCredited'
    ? event.data.amount.amount
    : -event.data.amount.amount;
}
