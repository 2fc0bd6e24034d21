import type { IneligibleReason } from '../eligibility/ineligible-reason';
import type { AllocateLead } from '../ledger/ledger-commands';
import type { Money } from '../model/money';
import type { RotationState, RoutingStrategy } from '../strategy/routing-strategy';

/** One partner weighed for a lead, and what was found. */
export type CandidateAssessment =
  | {
      partnerId: string;
      priority: number;
      eligible: true;
      leadValue: Money;
    }
  | {
      partnerId: string;
      priority: number;
      eligible: false;
      reasons: IneligibleReason[];
    };

/** A chosen partner and the ledger command that counts the lead and reserves its value. */
export interface PlannedAllocation {
  partnerId: string;
  leadValue: Money;
  /** The data of the `AllocateLead` to append to the partner's ledger. */
  allocate: AllocateLead['data'];
}

/**
 * What the decision came to: partners to allocate to, in the strategy's
 * order, or none, with every weighed partner's reasons.
 */
export type RoutingOutcome =
  | { type: 'allocated'; allocations: PlannedAllocation[] }
  | { type: 'unroutable'; reasons: Record<string, IneligibleReason[]> };

/**
 * A routing decision as it is kept and published: it answers "why did lead
 * L go to partner P and not to Q". The routing service adds the positions of
 * the events its projections stood at.
 */
export interface RoutingDecision {
  leadId: string;
  leadType: string;
  /** The decision instant, ISO 8601 UTC. */
  decidedAt: string;
  strategy: RoutingStrategy;
  /** Partners tried before (declined, expired, failed, holding): not weighed again. */
  alreadyTried: string[];
  /** Every other partner, with its eligibility. */
  candidates: CandidateAssessment[];
  outcome: RoutingOutcome;
  /** Where round-robin stands for the lead type after this decision. */
  rotation: RotationState;
}
