import type { DuplicateAction, DuplicateRule, MatchKeyKind } from './duplicate-rule';
import { isWithinWindow } from './duplicate-window';
import type { MatchKey } from './match-keys';

/**
 * The events of a claim stream (`leadKey-<hash>`): an original lead claims
 * each of its match keys; a claim is released when the lead turned out to be
 * a duplicate after all (it lost a race on another of its keys). Appended with
 * the revision read, so two leads racing for one key are serialised: the
 * second one reads the first's claim. Claims name leads, never the person:
 * the key itself is only in the stream name, as a hash.
 */
export type LeadKeyClaimEvent =
  | { type: 'LeadKeyClaimed'; data: { leadId: string; claimedAt: string } }
  | { type: 'LeadKeyClaimReleased'; data: { leadId: string; releasedAt: string } };

export const LEAD_KEY_CLAIM_EVENT_TYPES = ['LeadKeyClaimed', 'LeadKeyClaimReleased'] as const;

/** A live claim: a lead that holds a key as an original. */
export interface KeyClaim {
  leadId: string;
  claimedAt: string;
}

/** The live claims of a claim stream, oldest first. */
export function liveClaims(events: readonly LeadKeyClaimEvent[]): KeyClaim[] {
  const live = new Map<string, KeyClaim>();
  for (const event of events) {
    if (event.type === 'LeadKeyClaimed') {
      live.set(event.data.leadId, { leadId: event.data.leadId, claimedAt: event.data.claimedAt });
    } else {
      live.delete(event.data.leadId);
    }
  }
  return [...live.values()];
}

/** What a key's claims say about a lead, under one rule. */
export type KeyVerdict =
  { kind: 'free' } | { kind: 'held-by-self' } | { kind: 'taken'; originalLeadId: string };

/**
 * The verdict of one key for `leadId` at `now`: taken by the oldest other lead
 * whose claim is inside the rule's window, else held by the lead itself (a
 * retry after a crash) or free.
 */
export function keyVerdict(
  claims: readonly KeyClaim[],
  leadId: string,
  window: DuplicateRule['window'],
  now: string,
): KeyVerdict {
  const original = claims.find(
    (claim) => claim.leadId !== leadId && isWithinWindow(window, claim.claimedAt, now),
  );
  if (original !== undefined) {
    return { kind: 'taken', originalLeadId: original.leadId };
  }
  return claims.some((claim) => claim.leadId === leadId)
    ? { kind: 'held-by-self' }
    : { kind: 'free' };
}

/** A rule's keys for one lead, as intake computed them. */
export interface RuleKeys {
  rule: DuplicateRule;
  keys: readonly MatchKey[];
}

/** The first rule a lead matches, what it repeats and on which keys. */
export interface DuplicateFinding {
  ruleId: string;
  action: DuplicateAction;
  originalLeadId: string;
  matchedOn: MatchKeyKind[];
}

/**
 * The first rule, in the operator's order, under which one of the lead's keys
 * is taken by an earlier lead. The original named is the one the first taken
 * key names; `matchedOn` lists every kind of the rule that names that original.
 */
export function findDuplicate(
  ruleKeys: readonly RuleKeys[],
  claimsByStream: ReadonlyMap<string, readonly KeyClaim[]>,
  leadId: string,
  now: string,
): DuplicateFinding | null {
  for (const { rule, keys } of ruleKeys) {
    const verdicts = keys.map((key) => ({
      key,
      verdict: keyVerdict(claimsByStream.get(key.stream) ?? [], leadId, rule.window, now),
    }));
    const first = verdicts.find(({ verdict }) => verdict.kind === 'taken');
    if (first === undefined || first.verdict.kind !== 'taken') {
      continue;
    }
    const originalLeadId = first.verdict.originalLeadId;
    const matchedOn = verdicts
      .filter(
        ({ verdict }) => verdict.kind === 'taken' && verdict.originalLeadId === originalLeadId,
      )
      .map(({ key }) => key.kind);
    return {
      ruleId: rule.id,
      action: rule.action,
      originalLeadId,
      matchedOn: [...new Set(matchedOn)],
    };
  }
  return null;
}
