import { isWithinSchedule, periodsAt, wallClockAt } from '@leadrail/schedule';
import type { FundsReservation } from '../ledger/ledger-commands';
import {
  allocatedInMonth,
  allocatedOnDay,
  committedFunds,
  type PartnerLedgerState,
} from '../ledger/ledger-state';
import type { LeadToRoute } from '../model/lead-to-route';
import type { Money } from '../model/money';
import type { PartnerFunds } from '../model/partner-funds';
import {
  FUNDED_BILLING_POINTS,
  type LeadTypePurchase,
  type RoutingPartner,
} from '../model/routing-partner';
import { isInArea } from './area-match';
import { availableFunds } from './available-funds';
import { criterionHolds } from './criteria';
import type { IneligibleReason } from './ineligible-reason';

/**
 * Whether a partner may take a lead at `now`, and on what terms: its Lead
 * Value for the lead's type, the local day and month the allocation counts
 * in, and the reservation its funds must cover (null when its billing point
 * needs none). These are exactly what the ledger's `AllocateLead` re-checks.
 */
export type Eligibility =
  | {
      eligible: true;
      leadValue: Money;
      localDay: string;
      localMonth: string;
      reservation: FundsReservation | null;
    }
  | { eligible: false; reasons: IneligibleReason[] };

/**
 * Every reason a partner may not take `lead` at `now`, from routing's own
 * projections: the partner's settings, its allocation ledger and its billing
 * account (`funds`, null while billing has published none). Days and months
 * are the partner's local ones (`periodsAt` in its schedule's time zone), so a
 * daily limit resets at its midnight, on daylight saving days too.
 */
export function eligibility(
  partner: RoutingPartner,
  ledger: PartnerLedgerState,
  funds: PartnerFunds | null,
  lead: LeadToRoute,
  now: Date,
): Eligibility {
  const reasons: IneligibleReason[] = [];
  const reason = (found: IneligibleReason): void => {
    reasons.push(found);
  };
  if (!partner.isPartner) {
    reason({ code: 'not-a-partner' });
  }
  if (!partner.active) {
    reason({ code: 'inactive' });
  }
  if (partner.paused) {
    reason({ code: 'paused' });
  }
  const purchase = partner.buys.find((candidate) => candidate.leadType === lead.leadType);
  if (purchase === undefined) {
    reason({ code: 'does-not-buy-type', leadType: lead.leadType });
  } else {
    purchaseReasons(purchase, lead).forEach(reason);
  }
  if (!partner.deliveryConfigured) {
    reason({ code: 'no-delivery-method' });
  }
  const { timeZone } = partner.schedule;
  if (!isWithinSchedule(partner.schedule, now)) {
    const { weekday, minutes } = wallClockAt(timeZone, now);
    reason({ code: 'outside-schedule', timeZone, localTime: `${weekday} ${clock(minutes)}` });
  }
  const { day: localDay, month: localMonth } = periodsAt(timeZone, now);
  limitReasons(partner, ledger, localDay, localMonth).forEach(reason);

  const leadValue = purchase?.leadValue ?? partner.defaultLeadValue;
  let reservation: FundsReservation | null = null;
  if (leadValue === null) {
    // An introducer alone has no price: `not-a-partner` already says why.
    if (partner.isPartner) {
      reason({ code: 'no-lead-value' });
    }
  } else if (FUNDED_BILLING_POINTS.includes(partner.billingPoint)) {
    const funded = fundsCheck(partner, ledger, funds, leadValue);
    if ('reason' in funded) {
      reason(funded.reason);
    } else {
      reservation = funded.reservation;
    }
  }
  if (reasons.length > 0 || leadValue === null) {
    return { eligible: false, reasons };
  }
  return { eligible: true, leadValue, localDay, localMonth, reservation };
}

function purchaseReasons(purchase: LeadTypePurchase, lead: LeadToRoute): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (!isInArea(purchase.postcodes, lead.area.postcodeDistrict)) {
    reasons.push({ code: 'outside-area', postcodeDistrict: lead.area.postcodeDistrict });
  }
  for (const criterion of purchase.criteria) {
    if (!criterionHolds(criterion, lead.answers)) {
      reasons.push({
        code: 'criterion-failed',
        field: criterion.field,
        operator: criterion.operator,
      });
    }
  }
  return reasons;
}

function limitReasons(
  partner: RoutingPartner,
  ledger: PartnerLedgerState,
  localDay: string,
  localMonth: string,
): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  const { daily, monthly } = partner.limits;
  const today = allocatedOnDay(ledger, localDay);
  if (daily > 0 && today >= daily) {
    reasons.push({ code: 'daily-limit-reached', count: today, limit: daily, localDay });
  }
  const thisMonth = allocatedInMonth(ledger, localMonth);
  if (monthly > 0 && thisMonth >= monthly) {
    reasons.push({ code: 'monthly-limit-reached', count: thisMonth, limit: monthly, localMonth });
  }
  return reasons;
}

function fundsCheck(
  partner: RoutingPartner,
  ledger: PartnerLedgerState,
  funds: PartnerFunds | null,
  needed: Money,
): { reason: IneligibleReason } | { reservation: FundsReservation } {
  if (funds === null) {
    return { reason: { code: 'funds-unknown', detail: 'no-account' } };
  }
  if (ledger.fundsRevision !== null && funds.revision < ledger.fundsRevision) {
    return { reason: { code: 'funds-unknown', detail: 'stale' } };
  }
  const available = availableFunds(partner.payment, funds);
  if (available === null || available.currency !== needed.currency) {
    return { reason: { code: 'funds-unknown', detail: 'currency-mismatch' } };
  }
  const committed = committedFunds(ledger, funds.revision);
  if (available.amount - committed < needed.amount) {
    return {
      reason: {
        code: 'insufficient-funds',
        available,
        committed: { amount: committed, currency: available.currency },
        needed,
      },
    };
  }
  return { reservation: { amount: needed, available, fundsRevision: funds.revision } };
}

function clock(minutes: number): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
