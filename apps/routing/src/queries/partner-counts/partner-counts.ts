import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@leadrail/event-store';
import { EVENT_STORE } from '@leadrail/nest-kit';
import { isLedgerEvent, partnerAllocationsStream } from '@leadrail/routing-domain';

/** A partner's count for one local day and its month, and the leads making it up. */
export interface PartnerCounts {
  partnerId: string;
  day: string;
  month: string;
  daily: { count: number; leadIds: string[] };
  monthly: { count: number; leadIds: string[] };
  /** The limits the latest allocation of the day was decided with (null: none that day). */
  limits: { daily: number; monthly: number } | null;
}

/**
 * A partner's counts as auditors see them, read from its ledger stream
 * (`partnerAllocations-<id>`) rather than from a projection: allocations of
 * the local day and month, less the ones released since (a release gives the
 * count back to the allocation's own day and month).
 */
@Injectable()
export class PartnerCountsQuery {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(partnerId: string, day: string): Promise<PartnerCounts> {
    const month = day.slice(0, 7);
    const held = new Map<string, { localDay: string; localMonth: string }>();
    let limits: PartnerCounts['limits'] = null;
    for (const recorded of await this.store.readStream(partnerAllocationsStream(partnerId))) {
      const event = { type: recorded.type, data: recorded.data };
      if (!isLedgerEvent(event)) {
        continue;
      }
      if (event.type === 'LeadAllocatedToPartner') {
        const { leadId, localDay, localMonth } = event.data;
        held.set(leadId, { localDay, localMonth });
        if (localDay === day) {
          limits = event.data.limits;
        }
      } else if (event.type === 'AllocationReleased') {
        held.delete(event.data.leadId);
      }
    }
    const daily = [...held].filter(([, period]) => period.localDay === day).map(([id]) => id);
    const monthly = [...held].filter(([, period]) => period.localMonth === month).map(([id]) => id);
    return {
      partnerId,
      day,
      month,
      daily: { count: daily.length, leadIds: daily },
      monthly: { count: monthly.length, leadIds: monthly },
      limits,
    };
  }
}
