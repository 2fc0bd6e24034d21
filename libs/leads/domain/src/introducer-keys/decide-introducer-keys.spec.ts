import { deciderSpecification } from '@leadrail/decider-testing';
import type { LeadCommandMetadata } from '../model/command-metadata';
import { displayPrefixOf } from './api-key-format';
import { introducerKeysAggregate } from './introducer-keys-aggregate';
import type { IssueApiKey, RevokeApiKey } from './introducer-keys-commands';
import type { ApiKeyIssued, ApiKeyRevoked } from './introducer-keys-events';
import { IntroducerKeyErrorCode } from './introducer-keys-error';
import { MAX_ACTIVE_API_KEYS } from './introducer-keys-state';

const spec = deciderSpecification(introducerKeysAggregate);
const INTRODUCER_ID = 'c2a7e4d1-9b3f-4a6c-8e5d-1f0b7a9c3e62';
const OTHER_INTRODUCER_ID = 'e7b1d5a3-2c9f-4e8b-a6d4-3b0f9c2e7a15';
const ISSUED_AT = '2026-11-25T09:00:00.000Z';
const REVOKED_AT = '2026-11-26T09:00:00.000Z';
const OPERATOR = { type: 'operator' as const, id: 'operator-1' };
const HASH = 'a'.repeat(64);

const keyId = (n: number): string => n.toString(16).padStart(32, '0');
const byOperator = (occurredAt = ISSUED_AT): LeadCommandMetadata => ({
  actor: OPERATOR,
  occurredAt,
});

function issue(n = 1, overrides: Partial<IssueApiKey['data']> = {}): IssueApiKey {
  return {
    type: 'IssueApiKey',
    data: {
      introducerId: INTRODUCER_ID,
      keyId: keyId(n),
      secretHash: HASH,
      label: 'CRM production',
      ...overrides,
    },
    metadata: byOperator(),
  };
}

function revoke(n = 1, reason?: string): RevokeApiKey {
  return {
    type: 'RevokeApiKey',
    data: {
      introducerId: INTRODUCER_ID,
      keyId: keyId(n),
      ...(reason === undefined ? {} : { reason }),
    },
    metadata: byOperator(REVOKED_AT),
  };
}

function issued(n = 1): ApiKeyIssued {
  return {
    type: 'ApiKeyIssued',
    data: {
      introducerId: INTRODUCER_ID,
      keyId: keyId(n),
      label: 'CRM production',
      secretHash: HASH,
      displayPrefix: displayPrefixOf(keyId(n)),
      issuedAt: ISSUED_AT,
      issuedBy: OPERATOR,
    },
  };
}

function revoked(n = 1, reason: string | null = null): ApiKeyRevoked {
  return {
    type: 'ApiKeyRevoked',
    data: {
      introducerId: INTRODUCER_ID,
      keyId: keyId(n),
      revokedAt: REVOKED_AT,
      revokedBy: OPERATOR,
      reason,
    },
  };
}

describe('IssueApiKey', () => {
  it('issues a key with its hash and a display prefix made from the key id alone', () => {
    spec.given([]).when(issue()).then([issued()]);
    expect(issued().data.displayPrefix).toBe('lrk_00000000…');
  });

  it('records the introducer in lower case and trims the label', () => {
    spec
      .given([])
      .when(issue(1, { introducerId: INTRODUCER_ID.toUpperCase(), label: '  CRM production ' }))
      .then([issued()]);
  });

  it('decides nothing when the same issue arrives again', () => {
    spec.given([issued()]).when(issue()).then([]);
  });

  it('refuses another secret under an issued key id', () => {
    spec
      .given([issued()])
      .when(issue(1, { secretHash: 'b'.repeat(64) }))
      .thenThrows({ code: IntroducerKeyErrorCode.KEY_ALREADY_ISSUED, field: 'keyId' });
  });

  it(`refuses a key beyond ${MAX_ACTIVE_API_KEYS} active ones, and issues one once a key is revoked`, () => {
    const five = [1, 2, 3, 4, 5].map((n) => issued(n));
    spec.given(five).when(issue(6)).thenThrows(IntroducerKeyErrorCode.TOO_MANY_ACTIVE_KEYS);
    spec
      .given([...five, revoked(2)])
      .when(issue(6))
      .then([{ ...issued(6) }]);
  });

  it.each([
    ['introducerId', { introducerId: 'not-a-uuid' }],
    ['keyId', { keyId: 'ABC' }],
    ['keyId', { keyId: 'A'.repeat(32) }],
    ['secretHash', { secretHash: 'lrk_the-secret-itself' }],
    ['label', { label: '   ' }],
    ['label', { label: 'x'.repeat(101) }],
    ['label', { label: 'tab\there' }],
  ])('refuses an invalid %s', (field, overrides) => {
    spec
      .given([])
      .when(issue(1, overrides))
      .thenThrows({ code: IntroducerKeyErrorCode.INVALID_COMMAND, field });
  });

  it('refuses a command sent down another introducer’s stream', () => {
    spec
      .given([issued()])
      .when(issue(2, { introducerId: OTHER_INTRODUCER_ID }))
      .thenThrows(IntroducerKeyErrorCode.INTRODUCER_MISMATCH);
  });

  it.each([
    [{ type: 'introducer' as const, id: INTRODUCER_ID }, IntroducerKeyErrorCode.ACTOR_NOT_ALLOWED],
    [{ type: 'system' as const, id: 'leads' }, IntroducerKeyErrorCode.ACTOR_NOT_ALLOWED],
    [{ type: 'operator' as const, id: ' ' }, IntroducerKeyErrorCode.INVALID_METADATA],
  ])('refuses an actor %j', (actor, code) => {
    spec
      .given([])
      .when({ ...issue(), metadata: { actor, occurredAt: ISSUED_AT } })
      .thenThrows(code);
  });

  it('refuses a time that is not UTC with Z', () => {
    spec
      .given([])
      .when({ ...issue(), metadata: byOperator('2026-11-25T09:00:00+01:00') })
      .thenThrows({ code: IntroducerKeyErrorCode.INVALID_METADATA, field: 'metadata.occurredAt' });
  });
});

describe('RevokeApiKey', () => {
  it('revokes an active key, with the reason given', () => {
    spec
      .given([issued()])
      .when(revoke(1, ' leaked in a log '))
      .then([revoked(1, 'leaked in a log')]);
  });

  it('decides nothing for a key already revoked', () => {
    spec.given([issued(), revoked()]).when(revoke()).then([]);
  });

  it('refuses a key the introducer does not have', () => {
    spec
      .given([issued()])
      .when(revoke(2))
      .thenThrows({ code: IntroducerKeyErrorCode.KEY_NOT_FOUND, field: 'keyId' });
    spec.given([]).when(revoke()).thenThrows(IntroducerKeyErrorCode.KEY_NOT_FOUND);
  });

  it('refuses a blank reason', () => {
    spec
      .given([issued()])
      .when(revoke(1, ' '))
      .thenThrows({ code: IntroducerKeyErrorCode.INVALID_COMMAND, field: 'reason' });
  });
});

describe('introducerKeysAggregate', () => {
  it('names one stream per introducer in the introducerKeys category, whatever the id’s case', () => {
    expect(introducerKeysAggregate.streamName(INTRODUCER_ID.toUpperCase())).toBe(
      `introducerKeys-${INTRODUCER_ID}`,
    );
  });

  it('folds issued and revoked keys, keeping their order', () => {
    const state = [issued(1), issued(2), revoked(1)].reduce(
      introducerKeysAggregate.evolve,
      introducerKeysAggregate.initialState(),
    );
    expect(state.introducerId).toBe(INTRODUCER_ID);
    expect(state.keys.map((key) => [key.keyId, key.revokedAt])).toEqual([
      [keyId(1), REVOKED_AT],
      [keyId(2), null],
    ]);
  });

  it('knows its own events and no others', () => {
    expect(introducerKeysAggregate.isEvent(issued())).toBe(true);
    expect(introducerKeysAggregate.isEvent({ type: 'LeadReceived', data: {} })).toBe(false);
  });
});
