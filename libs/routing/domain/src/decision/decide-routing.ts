import { eligibility } from '../eligibility/eligibility';
import type { IneligibleReason } from '../eligibility/ineligible-reason';
import { RoutingError, RoutingErrorCode } from '../errors/routing-error';
import type { PartnerLedgerState } from '../ledger/ledger-state';
import type { LeadToRoute } from '../model/lead-to-route';
import type { PartnerFunds } from '../model/partner-funds';
import type { RoutingPartner } from '../model/routing-partner';
import { choosePartners, type StrategyCandidate } from '../strategy/choose-partners';
import type { RotationState, RoutingStrategy } from '../strategy/routing-strategy';
import type { CandidateAssessment, PlannedAllocation, RoutingDecision } from './routing-decision';

/** A partner with the state routing holds about it: its ledger and its billing account. */
export interface PartnerStanding {
  partner: RoutingPartner;
  ledger: PartnerLedgerState;
  /** Null while billing has published no account for it. */
  funds: PartnerFunds | null;
}

/** Everything one routing decision reads. */
export interface RoutingRequest {
  lead: LeadToRoute;
  partners: readonly PartnerStanding[];
  /** Partners tried for this lead before (and those holding it now): never weighed again. */
  tried: readonly string[];
  /** Of those, the partners that hold an allocation of the lead now (shared leads). */
  holding?: readonly string[];
  strategy: RoutingStrategy;
  rotation: RotationState;
  now: Date;
}

/**
 * Decides who gets a lead: every partner not tried yet is weighed
 * (`eligibility`), the strategy chooses among the eligible, and each choice
 * comes with the `AllocateLead` its ledger must accept. The decision is
 * advice until the ledgers accept it: a ledger that refuses (another
 * instance allocated first) sends routing back here with fresh state.
 */
export function decideRouting(request: RoutingRequest): RoutingDecision {
  const { lead, strategy, now } = request;
  const holding = request.holding ?? [];
  const wanted = strategy.maxPartners - holding.length;
  if (wanted <= 0) {
    throw new RoutingError(
      RoutingErrorCode.NO_SLOT_LEFT,
      `lead ${lead.leadId} is held by ${holding.length} of at most ${strategy.maxPartners} partners`,
      'holding',
    );
  }
  const tried = new Set([...request.tried, ...holding]);
  const weighed = request.partners.filter((standing) => !tried.has(standing.partner.partnerId));

  const candidates: CandidateAssessment[] = [];
  const plans = new Map<string, PlannedAllocation>();
  const eligible: StrategyCandidate[] = [];
  for (const { partner, ledger, funds } of weighed) {
    const found = eligibility(partner, ledger, funds, lead, now);
    const { partnerId, priority } = partner;
    if (!found.eligible) {
      candidates.push({ partnerId, priority, eligible: false, reasons: found.reasons });
      continue;
    }
    candidates.push({ partnerId, priority, eligible: true, leadValue: found.leadValue });
    eligible.push({ partnerId, priority, weight: weightOf(partner, lead.leadType) });
    plans.set(partnerId, {
      partnerId,
      leadValue: found.leadValue,
      allocate: {
        partnerId,
        leadId: lead.leadId,
        localDay: found.localDay,
        localMonth: found.localMonth,
        limits: partner.limits,
        reservation: found.reservation,
      },
    });
  }

  const choice = choosePartners(eligible, strategy, request.rotation, lead, wanted);
  const allocations = choice.chosen.flatMap((partnerId) => {
    const plan = plans.get(partnerId);
    return plan === undefined ? [] : [plan];
  });
  return {
    leadId: lead.leadId,
    leadType: lead.leadType,
    decidedAt: now.toISOString(),
    strategy,
    alreadyTried: [...tried],
    candidates,
    outcome:
      allocations.length > 0
        ? { type: 'allocated', allocations }
        : { type: 'unroutable', reasons: reasonsByPartner(candidates) },
    rotation: choice.rotation,
  };
}

function weightOf(partner: RoutingPartner, leadType: string): number {
  return partner.buys.find((purchase) => purchase.leadType === leadType)?.weight ?? 1;
}

function reasonsByPartner(candidates: CandidateAssessment[]): Record<string, IneligibleReason[]> {
  return Object.fromEntries(
    candidates.flatMap((candidate) =>
      candidate.eligible ? [] : [[candidate.partnerId, candidate.reasons] as const],
    ),
  );
}
