import fc from 'fast-check';
import type { DuplicateRule, MatchKeyKind } from './duplicate-rule';
import {
  type KeyClaim,
  type LeadKeyClaimEvent,
  type RuleKeys,
  findDuplicate,
  keyVerdict,
  liveClaims,
} from './key-claims';
import type { MatchKey } from './match-keys';

const NOW = '2026-11-25T10:00:00.000Z';
const ALL_TIME = { type: 'all-time' } as const;

const claimed = (leadId: string, claimedAt = '2026-11-20T10:00:00.000Z'): LeadKeyClaimEvent => ({
  type: 'LeadKeyClaimed',
  data: { leadId, claimedAt },
});
const released = (leadId: string): LeadKeyClaimEvent => ({
  type: 'LeadKeyClaimReleased',
  data: { leadId, releasedAt: '2026-11-21T10:00:00.000Z' },
});
const claim = (leadId: string, claimedAt = '2026-11-20T10:00:00.000Z'): KeyClaim => ({
  leadId,
  claimedAt,
});

/** A key of `kind` whose claim stream is `leadKey-<kind>-<n>` (the hash does not matter here). */
const key = (kind: MatchKeyKind, n = 1): MatchKey => ({
  kind,
  value: JSON.stringify([kind, '*', String(n)]),
  hash: `${kind}-${n}`,
  stream: `leadKey-${kind}-${n}`,
});

function rule(id: string, overrides: Partial<DuplicateRule> = {}): DuplicateRule {
  return {
    id,
    keys: ['email', 'phone', 'name-postcode'],
    scope: 'all-introducers',
    window: ALL_TIME,
    action: 'reject',
    ...overrides,
  };
}

describe(liveClaims.name, () => {
  it('holds no claims for an empty stream', () => {
    expect(liveClaims([])).toEqual([]);
  });

  it('lists the claims oldest first', () => {
    expect(liveClaims([claimed('a', 'T1'), claimed('b', 'T2')])).toEqual([
      claim('a', 'T1'),
      claim('b', 'T2'),
    ]);
  });

  it('drops a released claim', () => {
    expect(liveClaims([claimed('a'), claimed('b'), released('a')])).toEqual([claim('b')]);
  });

  it('ignores a release of a lead that holds no claim', () => {
    expect(liveClaims([claimed('a'), released('z')])).toEqual([claim('a')]);
  });

  it('puts a lead that claims again after a release behind the others, with its new time', () => {
    expect(
      liveClaims([claimed('a', 'T1'), claimed('b', 'T2'), released('a'), claimed('a', 'T3')]),
    ).toEqual([claim('b', 'T2'), claim('a', 'T3')]);
  });
});

describe(keyVerdict.name, () => {
  it('finds a key nobody claimed free', () => {
    expect(keyVerdict([], 'me', ALL_TIME, NOW)).toEqual({ kind: 'free' });
  });

  it('finds a key the lead itself holds held by itself (a retry after a crash)', () => {
    expect(keyVerdict([claim('me')], 'me', ALL_TIME, NOW)).toEqual({ kind: 'held-by-self' });
  });

  it('names the oldest other claim in the window, even when the lead holds the key too', () => {
    expect(keyVerdict([claim('first'), claim('me'), claim('third')], 'me', ALL_TIME, NOW)).toEqual({
      kind: 'taken',
      originalLeadId: 'first',
    });
    expect(keyVerdict([claim('me'), claim('second'), claim('third')], 'me', ALL_TIME, NOW)).toEqual(
      { kind: 'taken', originalLeadId: 'second' },
    );
  });

  describe('a window of days', () => {
    const sevenDays = { type: 'days', days: 7 } as const;
    // Exactly 7 × 24 h before NOW.
    const edge = '2026-11-18T10:00:00.000Z';

    it('counts a claim made just inside the last N × 24 h', () => {
      expect(keyVerdict([claim('old', '2026-11-18T10:00:00.001Z')], 'me', sevenDays, NOW)).toEqual({
        kind: 'taken',
        originalLeadId: 'old',
      });
    });

    it('ignores a claim made exactly N × 24 h ago, or earlier', () => {
      expect(keyVerdict([claim('old', edge)], 'me', sevenDays, NOW)).toEqual({ kind: 'free' });
      expect(keyVerdict([claim('old', '2026-01-01T00:00:00.000Z')], 'me', sevenDays, NOW)).toEqual({
        kind: 'free',
      });
    });

    it('skips claims outside the window to name the oldest one inside it', () => {
      const claims = [claim('too-old', edge), claim('recent', '2026-11-24T10:00:00.000Z')];
      expect(keyVerdict(claims, 'me', sevenDays, NOW)).toEqual({
        kind: 'taken',
        originalLeadId: 'recent',
      });
    });

    it('still reports the lead’s own claim when it is outside the window', () => {
      expect(keyVerdict([claim('me', edge)], 'me', sevenDays, NOW)).toEqual({
        kind: 'held-by-self',
      });
    });
  });
});

describe(findDuplicate.name, () => {
  const claims = (entries: Record<string, readonly KeyClaim[]>) => new Map(Object.entries(entries));

  it('finds nothing when every key is free or the lead’s own', () => {
    const ruleKeys: RuleKeys[] = [{ rule: rule('r1'), keys: [key('email'), key('phone')] }];
    expect(
      findDuplicate(ruleKeys, claims({ [key('email').stream]: [claim('me')] }), 'me', NOW),
    ).toBeNull();
  });

  it('finds nothing for a lead with no keys', () => {
    expect(findDuplicate([{ rule: rule('r1'), keys: [] }], new Map(), 'me', NOW)).toBeNull();
    expect(findDuplicate([], new Map(), 'me', NOW)).toBeNull();
  });

  it('names the rule, its action and the original', () => {
    const ruleKeys: RuleKeys[] = [
      { rule: rule('r1', { action: 'accept-and-link' }), keys: [key('email'), key('phone')] },
    ];
    expect(
      findDuplicate(ruleKeys, claims({ [key('phone').stream]: [claim('original')] }), 'me', NOW),
    ).toEqual({
      ruleId: 'r1',
      action: 'accept-and-link',
      originalLeadId: 'original',
      matchedOn: ['phone'],
    });
  });

  it('applies the first rule, in the operators’ order, that finds a duplicate', () => {
    const taken = claims({
      [key('email').stream]: [claim('by-email')],
      [key('phone').stream]: [claim('by-phone')],
    });
    const emailRule = { rule: rule('email-rule', { keys: ['email'] }), keys: [key('email')] };
    const phoneRule = {
      rule: rule('phone-rule', { keys: ['phone'], action: 'accept-and-link' }),
      keys: [key('phone')],
    };
    expect(findDuplicate([phoneRule, emailRule], taken, 'me', NOW)).toMatchObject({
      ruleId: 'phone-rule',
      originalLeadId: 'by-phone',
    });
    expect(findDuplicate([emailRule, phoneRule], taken, 'me', NOW)).toMatchObject({
      ruleId: 'email-rule',
      originalLeadId: 'by-email',
    });
  });

  it('passes over a rule whose window the earlier lead is outside of', () => {
    const taken = claims({ [key('email').stream]: [claim('old', '2026-10-01T00:00:00.000Z')] });
    const ruleKeys: RuleKeys[] = [
      { rule: rule('last-week', { window: { type: 'days', days: 7 } }), keys: [key('email')] },
      { rule: rule('ever', { action: 'accept-and-link' }), keys: [key('email')] },
    ];
    expect(findDuplicate(ruleKeys, taken, 'me', NOW)).toEqual({
      ruleId: 'ever',
      action: 'accept-and-link',
      originalLeadId: 'old',
      matchedOn: ['email'],
    });
  });

  it('lists every kind naming the same original, and only those', () => {
    const taken = claims({
      [key('email').stream]: [claim('original')],
      [key('phone').stream]: [claim('someone-else')],
      [key('name-postcode').stream]: [claim('original')],
    });
    const ruleKeys: RuleKeys[] = [
      { rule: rule('r1'), keys: [key('email'), key('phone'), key('name-postcode')] },
    ];
    expect(findDuplicate(ruleKeys, taken, 'me', NOW)).toEqual({
      ruleId: 'r1',
      action: 'reject',
      originalLeadId: 'original',
      matchedOn: ['email', 'name-postcode'],
    });
  });

  it('names the original of the first taken key in the rule’s key order', () => {
    const taken = claims({
      [key('email').stream]: [claim('by-email')],
      [key('phone').stream]: [claim('by-phone')],
    });
    expect(
      findDuplicate([{ rule: rule('r1'), keys: [key('phone'), key('email')] }], taken, 'me', NOW),
    ).toMatchObject({ originalLeadId: 'by-phone', matchedOn: ['phone'] });
  });

  it('lists a kind once, however many of its keys name the original', () => {
    const taken = claims({
      [key('email', 1).stream]: [claim('original')],
      [key('email', 2).stream]: [claim('original')],
    });
    const ruleKeys: RuleKeys[] = [{ rule: rule('r1'), keys: [key('email', 1), key('email', 2)] }];
    expect(findDuplicate(ruleKeys, taken, 'me', NOW)?.matchedOn).toEqual(['email']);
  });
});

describe('key claims (properties)', () => {
  it('with an all-time window, every lead claiming a key after the first sees it taken by the first', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 10 * 365 * 24 * 60 }), { minLength: 20, maxLength: 20 }),
        (leads, minutesAgo) => {
          const events: LeadKeyClaimEvent[] = [];
          leads.forEach((leadId, index) => {
            const claims = liveClaims(events);
            const verdict = keyVerdict(claims, leadId, ALL_TIME, NOW);
            expect(verdict).toEqual(
              index === 0 ? { kind: 'free' } : { kind: 'taken', originalLeadId: leads[0] },
            );
            // Claim times need not be ordered: the stream's order decides, not the clock.
            const claimedAt = new Date(Date.parse(NOW) - minutesAgo[index]! * 60_000).toISOString();
            events.push(claimed(leadId, claimedAt));
          });
          // Asking again once all have claimed (a retry), each of the others still sees the first.
          const claims = liveClaims(events);
          for (const leadId of leads.slice(1)) {
            expect(keyVerdict(claims, leadId, ALL_TIME, NOW)).toEqual({
              kind: 'taken',
              originalLeadId: leads[0],
            });
          }
        },
      ),
    );
  });
});
