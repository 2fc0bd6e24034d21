import type { LeadToRoute } from '../model/lead-to-route';
import type { RotationState, RoutingStrategy } from './routing-strategy';
import { unitHash } from './stable-hash';

/** An eligible partner as the strategy weighs it. */
export interface StrategyCandidate {
  partnerId: string;
  /** Higher first. */
  priority: number;
  /** Its share among equals when weighted (a positive number; 1 by default). */
  weight: number;
}

/** The partners chosen, in order, and where round-robin stands after them. */
export interface StrategyChoice {
  chosen: string[];
  rotation: RotationState;
}

/**
 * Chooses up to `wanted` partners (the strategy's `maxPartners` unless fewer
 * slots are left) among eligible candidates: the highest priority first; when
 * a priority holds more candidates than slots left, round-robin takes them in
 * partner id order after the one chosen last, and weighted draws them without
 * replacement with chances proportional to weight, from a hash of the seed,
 * the lead id and the partner id (so a decision replays exactly).
 */
export function choosePartners(
  candidates: readonly StrategyCandidate[],
  strategy: RoutingStrategy,
  rotation: RotationState,
  lead: Pick<LeadToRoute, 'leadId'>,
  wanted: number = strategy.maxPartners,
): StrategyChoice {
  const chosen: string[] = [];
  const priorities = [...new Set(candidates.map((candidate) => candidate.priority))].sort(
    (a, b) => b - a,
  );
  for (const priority of priorities) {
    const left = wanted - chosen.length;
    if (left <= 0) {
      break;
    }
    const tier = candidates.filter((candidate) => candidate.priority === priority);
    const ordered =
      strategy.method === 'round-robin'
        ? inTurn(tier, rotation.lastChosen)
        : byWeightedDraw(tier, `${strategy.seed ?? ''}|${lead.leadId}`);
    chosen.push(...ordered.slice(0, left).map((candidate) => candidate.partnerId));
  }
  const last = chosen[chosen.length - 1];
  return {
    chosen,
    rotation:
      strategy.method === 'round-robin' && last !== undefined ? { lastChosen: last } : rotation,
  };
}

function byId(a: StrategyCandidate, b: StrategyCandidate): number {
  return a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0;
}

/** Partner id order, starting after the one chosen last (wrapping round). */
function inTurn(tier: StrategyCandidate[], lastChosen: string | null): StrategyCandidate[] {
  const sorted = [...tier].sort(byId);
  const start =
    lastChosen === null ? 0 : sorted.findIndex((candidate) => candidate.partnerId > lastChosen);
  const from = start < 0 ? 0 : start;
  return [...sorted.slice(from), ...sorted.slice(0, from)];
}

/**
 * Weighted sampling without replacement (Efraimidis-Spirakis as an
 * exponential race): each candidate draws `-ln(u) / weight` and the smallest
 * draws win, so a partner of weight 2 is first twice as often as one of weight 1.
 */
function byWeightedDraw(tier: StrategyCandidate[], salt: string): StrategyCandidate[] {
  const draws = tier.map((candidate) => ({
    candidate,
    draw: -Math.log(unitHash(`${salt}|${candidate.partnerId}`)) / Math.max(candidate.weight, 1e-9),
  }));
  draws.sort((a, b) => a.draw - b.draw || byId(a.candidate, b.candidate));
  return draws.map(({ candidate }) => candidate);
}
