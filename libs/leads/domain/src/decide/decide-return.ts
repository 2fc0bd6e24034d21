import type { AcceptReturn, DeclineReturn, RequestReturn } from '../commands/lead-commands';
import { LeadError, LeadErrorCode } from '../errors/lead-error';
import type { ReturnAccepted, ReturnDeclined, ReturnRequested } from '../events/lead-events';
import type { DeliveredLead, LiveLead, ReturnRequest } from '../model/lead-state';
import { requiredText } from '../validation/fields';
import { deliveredLead } from './delivered-lead';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_WINDOW_DAYS = 365;

/**
 * When the return window of a lead delivered at `deliveredAt` closes: whole
 * 24-hour days after the delivery instant, not local calendar days, so the
 * answer does not depend on a time zone (and a window of 0 days is no returns).
 */
export function returnWindowEndsAt(deliveredAt: string, days: number): string {
  return new Date(Date.parse(deliveredAt) + days * DAY_MS).toISOString();
}

/**
 * The partner the lead was delivered to asks to hand it back, with a reason,
 * before the window closes. The same request again changes nothing; a request
 * once decided cannot be made again.
 */
export function decideRequestReturn(command: RequestReturn, live: LiveLead): ReturnRequested[] {
  const { partnerId, returnWindowDays } = command.data;
  const reason = requiredText(command.data.reason, 500, 'reason');
  if (live.stage === 'returned' || live.stage === 'delivered') {
    const earlier = live.returnRequest;
    if (earlier !== null && live.allocation.partnerId === partnerId) {
      return requestAgain(earlier, live.id);
    }
  }
  const lead = deliveredLead(live, command.metadata.actor);
  if (
    !Number.isInteger(returnWindowDays) ||
    returnWindowDays < 0 ||
    returnWindowDays > MAX_WINDOW_DAYS
  ) {
    throw new LeadError(
      LeadErrorCode.INVALID_COMMAND,
      `must be a whole number of days from 0 to ${MAX_WINDOW_DAYS}`,
      'returnWindowDays',
    );
  }
  const windowEndsAt = returnWindowEndsAt(lead.delivery.deliveredAt, returnWindowDays);
  const { occurredAt } = command.metadata;
  if (Date.parse(occurredAt) >= Date.parse(windowEndsAt)) {
    throw new LeadError(
      LeadErrorCode.RETURN_WINDOW_CLOSED,
      `returns of lead ${lead.id} closed at ${windowEndsAt}`,
    );
  }
  return [
    {
      type: 'ReturnRequested',
      data: { leadId: lead.id, partnerId, reason, requestedAt: occurredAt, windowEndsAt },
    },
  ];
}

function requestAgain(request: ReturnRequest, leadId: string): [] {
  if (request.outcome === 'pending') {
    return [];
  }
  throw new LeadError(
    LeadErrorCode.RETURN_ALREADY_DECIDED,
    `the return of lead ${leadId} was ${request.outcome} already`,
  );
}

/** The pending return of a delivered lead, or the refusal. */
function pendingReturn(lead: DeliveredLead): ReturnRequest {
  const request = lead.returnRequest;
  if (request === null) {
    throw new LeadError(
      LeadErrorCode.NO_RETURN_REQUESTED,
      `no return of lead ${lead.id} was requested`,
    );
  }
  if (request.outcome !== 'pending') {
    throw new LeadError(
      LeadErrorCode.RETURN_ALREADY_DECIDED,
      `the return of lead ${lead.id} was ${request.outcome} already`,
    );
  }
  return request;
}

/** An operator agrees to the return: the lead is returned. Agreed again: no event. */
export function decideAcceptReturn(command: AcceptReturn, live: LiveLead): ReturnAccepted[] {
  if (live.stage === 'returned') {
    return [];
  }
  const lead = deliveredLead(live, command.metadata.actor);
  pendingReturn(lead);
  const { actor, occurredAt } = command.metadata;
  return [
    {
      type: 'ReturnAccepted',
      data: {
        leadId: lead.id,
        partnerId: lead.allocation.partnerId,
        acceptedAt: occurredAt,
        acceptedBy: { ...actor },
      },
    },
  ];
}

/** An operator refuses the return, saying why. Refused again: no event. */
export function decideDeclineReturn(command: DeclineReturn, live: LiveLead): ReturnDeclined[] {
  const reason = requiredText(command.data.reason, 500, 'reason');
  if (live.stage === 'delivered' && live.returnRequest?.outcome === 'declined') {
    return [];
  }
  if (live.stage === 'returned') {
    throw new LeadError(LeadErrorCode.RETURN_ALREADY_DECIDED, `lead ${live.id} was returned`);
  }
  const lead = deliveredLead(live, command.metadata.actor);
  pendingReturn(lead);
  const { actor, occurredAt } = command.metadata;
  return [
    {
      type: 'ReturnDeclined',
      data: {
        leadId: lead.id,
        partnerId: lead.allocation.partnerId,
        reason,
        declinedAt: occurredAt,
        declinedBy: { ...actor },
      },
    },
  ];
}
