import type {
  IntroducerPayableRecordedV1Data,
  IntroducerPayableReversedV1Data,
} from '@leadrail/billing-contracts';
import type { BillingActor } from '../account/account-commands';
import type { Amount } from '../account/account-terms';
import { recordedAt } from '../account/account-state';
import { BillingError, BillingErrorCode } from '../account/billing-error';
import { payableStream } from './payable-stream';

/** The events of an introducer's payable stream; data as published. */
export type PayableEvent =
  | { type: 'IntroducerPayableRecorded'; data: IntroducerPayableRecordedV1Data }
  | { type: 'IntroducerPayableReversed'; data: IntroducerPayableReversedV1Data };

export const PAYABLE_EVENT_TYPES = [
  'IntroducerPayableRecorded',
  'IntroducerPayableReversed',
] as const satisfies readonly PayableEvent['type'][];

/** A lead taken from the introducer: it is owed the lead's cost. */
export interface RecordPayable {
  type: 'RecordPayable';
  data: { introducerId: string; leadId: string; amount: Amount };
  at: string;
}

/**
 * Take back what was owed for a lead (an accepted return, an operator's
 * reversal). `payable` is the lead's `IntroducerPayableRecorded` as the
 * stream holds it, or null: the adapter reads it from the stream.
 */
export interface ReversePayable {
  type: 'ReversePayable';
  data: {
    introducerId: string;
    leadId: string;
    payable: { amount: Amount } | null;
    reason: string;
    actor: BillingActor;
  };
  at: string;
}

export type PayableCommand = RecordPayable | ReversePayable;

/** What LeadRail owes the introducer, and how many entries the stream holds. */
export interface PayableState {
  currency: string | null;
  owed: number;
  version: number;
  /** When the latest entry was recorded: a later one is never recorded earlier. */
  lastRecordedAt: string | null;
}

export function initialPayableState(): PayableState {
  return { currency: null, owed: 0, version: 0, lastRecordedAt: null };
}

/**
 * Decides what an introducer is owed. Once per lead is the log's doing (the
 * event id derives from the introducer and the lead); the currency is fixed
 * by the first entry, so totals always add up.
 */
export function decidePayable(command: PayableCommand, state: PayableState): PayableEvent[] {
  const { introducerId, leadId } = command.data;
  if (command.type === 'RecordPayable') {
    const { amount } = command.data;
    checkAmount(amount, state);
    return [
      {
        type: 'IntroducerPayableRecorded',
        data: {
          partnerId: introducerId,
          leadId,
          amount: { amount: amount.amount, currency: amount.currency },
          payableVersion: state.version + 1,
          owedAfter: { amount: state.owed + amount.amount, currency: amount.currency },
          recordedAt: recordedAt(state, command.at),
        },
      },
    ];
  }
  const { payable, reason, actor } = command.data;
  if (payable === null) {
    throw new BillingError(
      BillingErrorCode.NO_SUCH_PAYABLE,
      `introducer ${introducerId} is owed nothing for lead ${leadId}`,
      'leadId',
    );
  }
  checkAmount(payable.amount, state);
  return [
    {
      type: 'IntroducerPayableReversed',
      data: {
        partnerId: introducerId,
        leadId,
        amount: { amount: payable.amount.amount, currency: payable.amount.currency },
        payableVersion: state.version + 1,
        owedAfter: {
          amount: state.owed - payable.amount.amount,
          currency: payable.amount.currency,
        },
        recordedAt: recordedAt(state, command.at),
        reason,
        actor,
      },
    },
  ];
}

function checkAmount(amount: Amount, state: PayableState): void {
  if (!Number.isSafeInteger(amount.amount) || amount.amount < 0) {
    throw new BillingError(
      BillingErrorCode.INVALID_AMOUNT,
      'must be a whole number of minor units, zero or more',
      'amount.amount',
    );
  }
  if (state.currency !== null && amount.currency !== state.currency) {
    throw new BillingError(
      BillingErrorCode.WRONG_CURRENCY,
      `the introducer is owed in ${state.currency}, not ${amount.currency}`,
      'amount.currency',
    );
  }
}

export function evolvePayable(state: PayableState, event: PayableEvent): PayableState {
  return {
    currency: event.data.owedAfter.currency,
    owed: event.data.owedAfter.amount,
    version: event.data.payableVersion,
    lastRecordedAt: event.data.recordedAt,
  };
}

const KNOWN = new Set<string>(PAYABLE_EVENT_TYPES);

export function isPayableEvent(event: { type: string; data: unknown }): event is PayableEvent {
  return KNOWN.has(event.type);
}

/** The introducer's payables as an aggregate (the event store's `Aggregate` shape). */
export const payableAggregate = {
  initialState: initialPayableState,
  decide: decidePayable,
  evolve: evolvePayable,
  streamName: payableStream,
  isEvent: isPayableEvent,
};
