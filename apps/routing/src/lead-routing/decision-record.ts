import type {
  CandidateAssessment,
  IneligibleReason,
  IneligibleReasonCode,
  RoutingDecision,
} from '@leadrail/routing-domain';
import type {
  DecidedFromV1,
  IneligibleReasonCodeV1,
  IneligibleReasonV1,
  RoutingCandidateV1,
  RoutingDecisionV1,
} from '@leadrail/routing-contracts';

// Every reason the domain can give has a code in the published contract.
type Unpublished = Exclude<IneligibleReasonCode, IneligibleReasonCodeV1>;
const _everyCodePublished: [Unpublished] extends [never] ? true : Unpublished = true;
void _everyCodePublished;

/** A reason as published: the domain's, minus a null postcode district (absent in the contract). */
export function reasonRecord(reason: IneligibleReason): IneligibleReasonV1 {
  if (reason.code === 'outside-area') {
    return reason.postcodeDistrict === null
      ? { code: reason.code }
      : { code: reason.code, postcodeDistrict: reason.postcodeDistrict };
  }
  return { ...reason };
}

function candidateRecord(candidate: CandidateAssessment): RoutingCandidateV1 {
  const { partnerId, priority } = candidate;
  return candidate.eligible
    ? { partnerId, priority, eligible: true, leadValue: { ...candidate.leadValue }, reasons: [] }
    : {
        partnerId,
        priority,
        eligible: false,
        leadValue: null,
        reasons: candidate.reasons.map(reasonRecord),
      };
}

/**
 * A domain decision as it is recorded and published (`RoutingDecisionV1`):
 * the candidates with their reasons, the strategy, the partners tried, and
 * where the state it read stood (`decidedFrom`).
 */
export function decisionRecord(
  decision: RoutingDecision,
  decidedFrom: DecidedFromV1[],
): RoutingDecisionV1 {
  return {
    leadType: decision.leadType,
    decidedAt: decision.decidedAt,
    strategy: { method: decision.strategy.method, maxPartners: decision.strategy.maxPartners },
    alreadyTried: [...decision.alreadyTried],
    candidates: decision.candidates.map(candidateRecord),
    decidedFrom,
  };
}
