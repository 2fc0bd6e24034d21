import { RoutingError, RoutingErrorCode } from '../errors/routing-error';
import { isCalendarDay, monthOf, oldestCountedDay } from './counting-window';
import type {
  AllocateLead,
  FundsReservation,
  LedgerCommand,
  ReleaseAllocation,
  SettleReservation,
} from './ledger-commands';
import type { LedgerEvent } from './ledger-events';
import {
  allocatedInMonth,
  allocatedOnDay,
  committedFunds,
  reservedCurrencies,
  type PartnerLedgerState,
} from './ledger-state';

/**
 * Decides a ledger command. The ledger is the one place a partner's counts
 * and reservations are serialised: whatever a routing decision believed, an
 * allocation that would pass a limit or the funds left is refused here, and
 * the append of what is decided carries the stream's expected revision.
 * Repeating a command that already took effect decides nothing.
 */
export function decideLedger(command: LedgerCommand, state: PartnerLedgerState): LedgerEvent[] {
  if (state.partnerId !== null && command.data.partnerId !== state.partnerId) {
    throw new RoutingError(
      RoutingErrorCode.PARTNER_ID_MISMATCH,
      `this ledger belongs to partner ${state.partnerId}`,
      'data.partnerId',
    );
  }
  switch (command.type) {
    case 'AllocateLead':
      return allocate(command, state);
    case 'ReleaseAllocation':
      return release(command, state);
    case 'SettleReservation':
      return settle(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function allocate(command: AllocateLead, state: PartnerLedgerState): LedgerEvent[] {
  const { data } = command;
  checkAllocation(data);
  const existing = state.allocations[data.leadId];
  if (existing?.status === 'released') {
    throw new RoutingError(
      RoutingErrorCode.ALLOCATION_RELEASED,
      `lead ${data.leadId} was released by this partner and is not allocated to it again`,
      'data.leadId',
    );
  }
  if (existing !== undefined) {
    return [];
  }
  if (state.latestDay !== null && data.localDay < oldestCountedDay(state.latestDay)) {
    throw new RoutingError(
      RoutingErrorCode.STALE_PERIOD,
      `day ${data.localDay} is before the days still counted (latest ${state.latestDay})`,
      'data.localDay',
    );
  }
  const dailyCount = allocatedOnDay(state, data.localDay) + 1;
  if (data.limits.daily > 0 && dailyCount > data.limits.daily) {
    throw new RoutingError(
      RoutingErrorCode.DAILY_LIMIT_REACHED,
      `${data.limits.daily} leads already allocated on ${data.localDay}`,
      'data.limits.daily',
    );
  }
  const monthlyCount = allocatedInMonth(state, data.localMonth) + 1;
  if (data.limits.monthly > 0 && monthlyCount > data.limits.monthly) {
    throw new RoutingError(
      RoutingErrorCode.MONTHLY_LIMIT_REACHED,
      `${data.limits.monthly} leads already allocated in ${data.localMonth}`,
      'data.limits.monthly',
    );
  }
  if (data.reservation !== null) {
    checkFunds(data.reservation, state);
  }
  return [
    {
      type: 'LeadAllocatedToPartner',
      data: {
        partnerId: data.partnerId,
        leadId: data.leadId,
        localDay: data.localDay,
        localMonth: data.localMonth,
        dailyCount,
        monthlyCount,
        limits: data.limits,
        reserved: data.reservation?.amount ?? null,
        fundsRevision: data.reservation?.fundsRevision ?? null,
        allocatedAt: command.metadata.occurredAt,
      },
    },
  ];
}

// Funds: what the balance covers, less what is reserved and what was charged
// after the balance was read, must cover the new reservation.
function checkFunds(reservation: FundsReservation, state: PartnerLedgerState): void {
  const { amount, available, fundsRevision } = reservation;
  if (state.fundsRevision !== null && fundsRevision < state.fundsRevision) {
    throw new RoutingError(
      RoutingErrorCode.STALE_FUNDS,
      `funds read at revision ${fundsRevision}, older than ${state.fundsRevision} already decided with`,
      'data.reservation.fundsRevision',
    );
  }
  const currencies = reservedCurrencies(state).add(available.currency);
  if (amount.currency !== available.currency || currencies.size > 1) {
    throw new RoutingError(
      RoutingErrorCode.CURRENCY_MISMATCH,
      `cannot reserve ${amount.currency} against ${[...currencies].join(', ')}`,
      'data.reservation.amount.currency',
    );
  }
  const left = available.amount - committedFunds(state, fundsRevision);
  if (amount.amount > left) {
    throw new RoutingError(
      RoutingErrorCode.INSUFFICIENT_FUNDS,
      `${left} ${available.currency} left after reservations, ${amount.amount} needed`,
      'data.reservation.amount',
    );
  }
}

function checkAllocation(data: AllocateLead['data']): void {
  const problem = (field: string, message: string): never => {
    throw new RoutingError(RoutingErrorCode.INVALID_COMMAND, message, field);
  };
  if (!isCalendarDay(data.localDay)) {
    problem('data.localDay', 'must be a calendar day YYYY-MM-DD');
  }
  if (data.localMonth !== monthOf(data.localDay)) {
    problem('data.localMonth', `must be the month of ${data.localDay}`);
  }
  for (const cap of ['daily', 'monthly'] as const) {
    if (!isCount(data.limits[cap])) {
      problem(`data.limits.${cap}`, 'must be a whole number, 0 for no limit');
    }
  }
  const reservation = data.reservation;
  if (reservation !== null) {
    if (!isCount(reservation.amount.amount)) {
      problem('data.reservation.amount.amount', 'must be whole minor units, 0 or more');
    }
    if (!Number.isSafeInteger(reservation.available.amount)) {
      problem('data.reservation.available.amount', 'must be whole minor units');
    }
    if (!isCount(reservation.fundsRevision)) {
      problem('data.reservation.fundsRevision', 'must be a revision, 0 or more');
    }
  }
}

function release(command: ReleaseAllocation, state: PartnerLedgerState): LedgerEvent[] {
  const { data } = command;
  const allocation = state.allocations[data.leadId];
  if (allocation === undefined) {
    throw notFound(data.leadId);
  }
  if (allocation.status === 'released') {
    return [];
  }
  return [
    {
      type: 'AllocationReleased',
      data: {
        partnerId: data.partnerId,
        leadId: data.leadId,
        reason: data.reason,
        localDay: allocation.localDay,
        localMonth: allocation.localMonth,
        releasedReservation: allocation.status === 'open' ? allocation.reserved : null,
        releasedAt: command.metadata.occurredAt,
      },
    },
  ];
}

function settle(command: SettleReservation, state: PartnerLedgerState): LedgerEvent[] {
  const { data } = command;
  if (!isCount(data.accountRevision)) {
    throw new RoutingError(
      RoutingErrorCode.INVALID_COMMAND,
      'must be a revision, 0 or more',
      'data.accountRevision',
    );
  }
  const allocation = state.allocations[data.leadId];
  if (allocation === undefined) {
    throw notFound(data.leadId);
  }
  if (allocation.status === 'released') {
    throw new RoutingError(
      RoutingErrorCode.ALLOCATION_RELEASED,
      `lead ${data.leadId} was released: there is no reservation to settle`,
      'data.leadId',
    );
  }
  // Settled already, or nothing was reserved (funds did not gate it): nothing to do.
  if (allocation.status === 'settled' || allocation.reserved === null) {
    return [];
  }
  return [
    {
      type: 'ReservationSettled',
      data: {
        partnerId: data.partnerId,
        leadId: data.leadId,
        amount: allocation.reserved,
        accountRevision: data.accountRevision,
        settledAt: command.metadata.occurredAt,
      },
    },
  ];
}

function notFound(leadId: string): RoutingError {
  return new RoutingError(
    RoutingErrorCode.ALLOCATION_NOT_FOUND,
    `no allocation of lead ${leadId} is known to this ledger`,
    'data.leadId',
  );
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
