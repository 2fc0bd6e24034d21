import {
  findOperator,
  hashOperatorToken,
  mintOperatorToken,
  parseOperatorTokens,
} from './operator-token';

describe(parseOperatorTokens.name, () => {
  it('reads entries separated by commas or newlines, and finds the operator of a token', () => {
    const alice = mintOperatorToken();
    const bob = mintOperatorToken();
    const config = `alice:admin:${hashOperatorToken(alice).toString('hex')},\n bob:read-only:${hashOperatorToken(bob).toString('hex')}`;
    const { entries, problems } = parseOperatorTokens(config);
    expect(problems).toEqual([]);
    expect(findOperator(entries, alice)).toEqual({ id: 'alice', role: 'admin' });
    expect(findOperator(entries, bob)).toEqual({ id: 'bob', role: 'read-only' });
    expect(findOperator(entries, mintOperatorToken())).toBeUndefined();
  });

  it('names each malformed entry without echoing it (it may hold a secret)', () => {
    const { entries, problems } = parseOperatorTokens('alice:superuser:abc,lr_secret-token');
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      'entry 1 must be <operator-id>:<admin|read-only>:<64 hex characters of SHA-256>',
      'entry 2 must be <operator-id>:<admin|read-only>:<64 hex characters of SHA-256>',
    ]);
  });
});

describe(mintOperatorToken.name, () => {
  it('mints distinct, prefixed, high-entropy tokens', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => mintOperatorToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(token).toMatch(/^lr_[A-Za-z0-9_-]{43}$/);
    }
  });
});
