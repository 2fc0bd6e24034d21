import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import { toLeadDetails } from '../validation/lead-details';
import type { DuplicateRule } from './duplicate-rule';
import { isWithinWindow } from './duplicate-window';
import { leadKeyStream, matchKeys } from './match-keys';

const lead = toLeadDetails(mortgageLeadFromCrm.payload.data);
const everyKey: DuplicateRule = {
  id: 'everything',
  keys: ['email', 'phone', 'name-postcode', 'external-reference'],
  scope: 'all-introducers',
  window: { type: 'all-time' },
  action: 'reject',
};

describe(matchKeys.name, () => {
  it('makes one key per kind the lead has, each with its claim stream', () => {
    const keys = matchKeys(lead, everyKey);
    expect(keys.map((key) => [key.kind, key.value])).toEqual([
      ['email', '["email","*","priya.shah@example.com"]'],
      ['phone', '["phone","*","+447700900123"]'],
      ['name-postcode', '["name-postcode","*","priya","shah","GB","M14 5RL"]'],
      [
        'external-reference',
        `["external-reference","*","${lead.introducerId}","ACME-2026-000123"]`,
      ],
    ]);
    for (const key of keys) {
      expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(key.stream).toBe(leadKeyStream(key.value));
      expect(key.stream).toMatch(/^leadKey-[0-9a-f]{64}$/);
    }
  });

  it('makes no key of a kind the lead has nothing for', () => {
    const phoneOnly = { ...lead.contact, email: undefined };
    expect(matchKeys({ ...lead, contact: phoneOnly }, { ...everyKey, keys: ['email'] })).toEqual(
      [],
    );
  });

  it('scopes keys to the introducer when the rule is per introducer', () => {
    const [shared] = matchKeys(lead, { ...everyKey, keys: ['email'] });
    const [own] = matchKeys(lead, { ...everyKey, keys: ['email'], scope: 'per-introducer' });
    expect(own?.value).toBe(`["email","${lead.introducerId}","priya.shah@example.com"]`);
    expect(own?.stream).not.toBe(shared?.stream);
  });
});

describe(isWithinWindow.name, () => {
  it('looks back whole 24-hour days, or forever', () => {
    const days = { type: 'days', days: 30 } as const;
    expect(isWithinWindow(days, '2026-10-27T09:00:01Z', '2026-11-26T09:00:00Z')).toBe(true);
    expect(isWithinWindow(days, '2026-10-27T09:00:00Z', '2026-11-26T09:00:00Z')).toBe(false);
    expect(
      isWithinWindow({ type: 'all-time' }, '2001-01-01T00:00:00Z', '2026-11-26T09:00:00Z'),
    ).toBe(true);
  });
});
