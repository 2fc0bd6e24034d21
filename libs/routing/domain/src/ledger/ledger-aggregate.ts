import type { LedgerCommand } from './ledger-commands';
import { decideLedger } from './decide-ledger';
import { isLedgerEvent, type LedgerEvent } from './ledger-events';
import { evolveLedger } from './evolve-ledger';
import { initialLedgerState, type PartnerLedgerState } from './ledger-state';
import { partnerAllocationsStream } from './ledger-stream';

/**
 * The partner allocation ledger: the aggregate that serialises one partner's
 * counts and reservations. It has the shape of the event store's `Aggregate`
 * without importing it, so `commandHandler(store, partnerLedgerAggregate)`
 * runs its commands, appending with the revision it read and deciding again
 * on a conflict.
 */
export interface PartnerLedgerAggregate {
  initialState(): PartnerLedgerState;
  decide(command: LedgerCommand, state: PartnerLedgerState): LedgerEvent[];
  evolve(state: PartnerLedgerState, event: LedgerEvent): PartnerLedgerState;
  streamName(partnerId: string): string;
  isEvent(event: { type: string; data: unknown }): event is LedgerEvent;
}

/** The partner allocation ledger (`partnerAllocations-<partnerId>` streams). */
export const partnerLedgerAggregate: PartnerLedgerAggregate = {
  initialState: initialLedgerState,
  decide: decideLedger,
  evolve: evolveLedger,
  streamName: partnerAllocationsStream,
  isEvent: isLedgerEvent,
};
