import type {
  AccountCommand,
  ChargeLead,
  CreditAccount,
  DebitAccount,
  ReverseCharge,
} from './account-commands';
import {
  type AccountEvent,
  type AccountMovement,
  isAccountEvent,
  signedAmount,
} from './account-events';
import { type AccountState, initialAccountState, recordedAt } from './account-state';
import { accountStream } from './account-stream';
import { type AccountTerms, type Amount, availableFunds, termsCurrency } from './account-terms';
import { BillingError, BillingErrorCode } from './billing-error';

const SYSTEM = { type: 'system', id: 'billing' } as const;

/**
 * Decides an account command. A charge is recorded even when it takes a
 * pre-pay balance below zero: the partner has the lead, and routing, not
 * billing, is where funds are checked (it reserved them when it allocated;
 * docs/billing-service.md, "Funds"). A movement that brings the available
 * funds to or below the threshold raises one alert; one that lifts them
 * above it again re-arms it.
 */
export function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'ChargeLead':
      return withFundsAlert(command, state, charge(command, state));
    case 'CreditAccount':
      return withFundsAlert(command, state, credit(command, state));
    case 'DebitAccount':
      return withFundsAlert(command, state, debit(command, state));
    case 'ReverseCharge':
      return withFundsAlert(command, state, reverse(command, state));
    case 'ReviewFundsAlert':
      return state.version === 0 ? [] : withFundsAlert(command, state, null);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The account's currency: its own once it moved, else the one the terms are in. */
function currencyOf(state: AccountState, terms: AccountTerms): string {
  return state.currency ?? termsCurrency(terms);
}

function checkedAmount(amount: Amount, currency: string, field = 'amount'): number {
  if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) {
    throw new BillingError(
      BillingErrorCode.INVALID_AMOUNT,
      'must be a whole number of minor units above zero',
      `${field}.amount`,
    );
  }
  if (amount.currency !== currency) {
    throw new BillingError(
      BillingErrorCode.WRONG_CURRENCY,
      `the account is kept in ${currency}, not ${amount.currency}`,
      `${field}.currency`,
    );
  }
  return amount.amount;
}

function movementBase(command: AccountCommand, state: AccountState, delta: number) {
  const currency = currencyOf(state, command.data.terms);
  const balance = state.balance + delta;
  if (!Number.isSafeInteger(balance)) {
    throw new BillingError(BillingErrorCode.INVALID_AMOUNT, 'the balance would overflow', 'amount');
  }
  return {
    partnerId: command.data.partnerId,
    accountVersion: state.version + 1,
    balanceAfter: { amount: balance, currency },
    recordedAt: recordedAt(state, command.at),
  };
}

function charge(command: ChargeLead, state: AccountState): AccountMovement {
  const { leadId, amount, billingPoint, terms } = command.data;
  const value = checkedAmount(amount, currencyOf(state, terms));
  return {
    type: 'PartnerCharged',
    data: { ...movementBase(command, state, -value), leadId, amount: copyOf(amount), billingPoint },
  };
}

function credit(command: CreditAccount, state: AccountState): AccountMovement {
  const { kind, amount, reference, reason, actor, terms } = command.data;
  const value = checkedAmount(amount, currencyOf(state, terms));
  if (kind === 'adjustment' && (reason === null || reason.trim() === '')) {
    throw new BillingError(
      BillingErrorCode.INVALID_COMMAND,
      'an adjustment needs a reason',
      'reason',
    );
  }
  return {
    type: 'PartnerAccountCredited',
    data: {
      ...movementBase(command, state, value),
      kind,
      amount: copyOf(amount),
      leadId: null,
      reference,
      reason,
      actor: { type: actor.type, id: actor.id },
    },
  };
}

function debit(command: DebitAccount, state: AccountState): AccountMovement {
  const { kind, amount, reference, reason, actor, terms } = command.data;
  const value = checkedAmount(amount, currencyOf(state, terms));
  if (reason.trim() === '') {
    throw new BillingError(BillingErrorCode.INVALID_COMMAND, 'a debit needs a reason', 'reason');
  }
  return {
    type: 'PartnerAccountDebited',
    data: {
      ...movementBase(command, state, -value),
      kind,
      amount: copyOf(amount),
      reference,
      reason,
      actor: { type: actor.type, id: actor.id },
    },
  };
}

function reverse(command: ReverseCharge, state: AccountState): AccountMovement {
  const { leadId, charge: charged, reason, actor, terms } = command.data;
  if (charged === null) {
    throw new BillingError(
      BillingErrorCode.NO_SUCH_CHARGE,
      `partner ${command.data.partnerId} was never charged for lead ${leadId}`,
      'leadId',
    );
  }
  const value = checkedAmount(charged.amount, currencyOf(state, terms));
  return {
    type: 'PartnerAccountCredited',
    data: {
      ...movementBase(command, state, value),
      kind: 'charge-reversal',
      amount: copyOf(charged.amount),
      leadId,
      reference: null,
      reason,
      actor: { type: actor.type, id: actor.id },
    },
  };
}

/**
 * An amount as plain data: commands may carry class instances (a parsed
 * event's, a request's), and the log keeps data, never classes.
 */
function copyOf(amount: Amount): Amount {
  return { amount: amount.amount, currency: amount.currency };
}

/** The movement (if any), then the alert it raises or re-arms (if any). */
function withFundsAlert(
  command: AccountCommand,
  state: AccountState,
  movement: AccountMovement | null,
): AccountEvent[] {
  const after = movement === null ? state : evolveAccount(state, movement);
  const events: AccountEvent[] = movement === null ? [] : [movement];
  const { terms } = command.data;
  const currency = after.currency ?? termsCurrency(terms);
  const threshold = terms.lowFundsThreshold;
  if (threshold.currency !== currency) {
    // A threshold in another currency cannot be compared: no alert rather than a wrong one.
    return events;
  }
  const available = availableFunds(after.balance, currency, terms);
  const base = {
    partnerId: command.data.partnerId,
    accountVersion: after.version,
    balance: { amount: after.balance, currency },
    available: { amount: available, currency },
    threshold: copyOf(threshold),
    paymentMode: terms.mode,
  };
  if (!after.fundsLow && available <= threshold.amount) {
    events.push({
      type: 'PartnerFundsLow',
      data: { ...base, detectedAt: recordedAt(after, command.at), actor: SYSTEM },
    });
  } else if (after.fundsLow && available > threshold.amount) {
    events.push({
      type: 'PartnerFundsRestored',
      data: { ...base, restoredAt: recordedAt(after, command.at), actor: SYSTEM },
    });
  }
  return events;
}

/** Folds one account event. */
export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'PartnerCharged':
    case 'PartnerAccountCredited':
    case 'PartnerAccountDebited':
      return {
        ...state,
        partnerId: event.data.partnerId,
        currency: event.data.balanceAfter.currency,
        // The balance is the sum of movements; balanceAfter says the same and is checked in tests.
        balance: state.balance + signedAmount(event),
        version: event.data.accountVersion,
        lastRecordedAt: event.data.recordedAt,
      };
    case 'PartnerFundsLow':
      return {
        ...state,
        partnerId: event.data.partnerId,
        fundsLow: true,
        lastRecordedAt: event.data.detectedAt,
      };
    case 'PartnerFundsRestored':
      return {
        ...state,
        partnerId: event.data.partnerId,
        fundsLow: false,
        lastRecordedAt: event.data.restoredAt,
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * The partner account as an aggregate: the shape of the event store's
 * `Aggregate` without importing it, so the domain stays free of I/O libraries.
 */
export const accountAggregate = {
  initialState: initialAccountState,
  decide: decideAccount,
  evolve: evolveAccount,
  streamName: accountStream,
  isEvent: isAccountEvent,
};
