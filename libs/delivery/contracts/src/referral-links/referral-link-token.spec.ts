import { createHmac } from 'node:crypto';
import {
  type ReferralLinkClaims,
  checkReferralLinkToken,
  parseReferralLinkSecrets,
  referralLinkUrl,
  signReferralLinkToken,
} from './referral-link-token';

const SECRET = Buffer.from('a-test-secret-of-at-least-32-characters!!');
const OTHER = Buffer.from('another-secret-of-at-least-32-characters');
const CLAIMS: ReferralLinkClaims = {
  leadId: '0b7f6a52-3c1e-4d8a-9f2b-6e5d4c3b2a19',
  partnerId: '5c9d1e2f-7a3b-4c6d-8e9f-0a1b2c3d4e5f',
  action: 'accept',
  expiresAt: '2026-11-25T10:00:02.123Z',
};
const BEFORE = new Date('2026-11-25T09:30:00.000Z');

/** The token with one character of `part` (0: payload, 1: mac) changed. */
function flipped(token: string, part: 0 | 1, at = 5): string {
  const parts = token.split('.');
  const text = parts[part]!;
  parts[part] = `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
  return parts.join('.');
}

function payloadWith(token: string, change: Record<string, unknown>): string {
  const [payload, mac] = token.split('.') as [string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object;
  const changed = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
  return `${changed}.${mac}`;
}

describe('referral link tokens', () => {
  it('gives back the claims signed, until the referral expires', () => {
    const token = signReferralLinkToken(CLAIMS, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(checkReferralLinkToken(token, [SECRET], BEFORE)).toEqual({ ok: true, claims: CLAIMS });
    expect(
      checkReferralLinkToken(token, [SECRET], new Date('2026-11-25T10:00:02.122Z')),
    ).toMatchObject({ ok: true });
    // From expiresAt on, as the lead aggregate refuses answers then.
    expect(checkReferralLinkToken(token, [SECRET], new Date('2026-11-25T10:00:02.123Z'))).toEqual({
      ok: false,
      reason: 'expired',
      claims: CLAIMS,
    });
  });

  it('refuses a token whose payload or signature was changed in any way', () => {
    const token = signReferralLinkToken(CLAIMS, SECRET);
    expect(checkReferralLinkToken(flipped(token, 0), [SECRET], BEFORE)).toMatchObject({
      ok: false,
    });
    expect(checkReferralLinkToken(flipped(token, 1), [SECRET], BEFORE)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    for (const change of [
      { a: 'decline' },
      { l: '1b7f6a52-3c1e-4d8a-9f2b-6e5d4c3b2a19' },
      { p: 'someone-else' },
      { e: Date.parse(CLAIMS.expiresAt) + 86_400_000 },
    ]) {
      expect(checkReferralLinkToken(payloadWith(token, change), [SECRET], BEFORE)).toEqual({
        ok: false,
        reason: 'bad-signature',
      });
    }
    // An expired token with its expiry moved on is a forgery, not an expired link.
    const late = new Date('2026-11-26T00:00:00.000Z');
    const extended = payloadWith(token, { e: late.getTime() + 3_600_000 });
    expect(checkReferralLinkToken(extended, [SECRET], late)).toMatchObject({
      reason: 'bad-signature',
    });
  });

  it('refuses a token signed with another secret, and takes any secret being rotated in', () => {
    const token = signReferralLinkToken(CLAIMS, OTHER);
    expect(checkReferralLinkToken(token, [SECRET], BEFORE)).toMatchObject({
      reason: 'bad-signature',
    });
    expect(checkReferralLinkToken(token, [SECRET, OTHER], BEFORE)).toMatchObject({ ok: true });
    expect(checkReferralLinkToken(token, [], BEFORE)).toMatchObject({ reason: 'bad-signature' });
  });

  it('refuses what is not a token at all', () => {
    for (const junk of [
      undefined,
      42,
      ['a.b'],
      '',
      'abc',
      'a.b',
      `${'x'.repeat(2000)}.${'y'.repeat(43)}`,
      `e30.${'y'.repeat(43)}`,
      'not base64!.AAAA',
    ]) {
      expect(checkReferralLinkToken(junk, [SECRET], BEFORE)).toMatchObject({ ok: false });
    }
    // Signed, but not claims of this version: refused after the signature is checked.
    const payload = Buffer.from(JSON.stringify({ v: 2, l: 'x' })).toString('base64url');
    const mac = createHmac('sha256', SECRET)
      .update('leadrail.referral-link.v1.')
      .update(payload)
      .digest('base64url');
    expect(checkReferralLinkToken(`${payload}.${mac}`, [SECRET], BEFORE)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('makes links under the public URL, with or without a trailing slash or a path prefix', () => {
    expect(referralLinkUrl('https://leads.example.com/', 'decline', 'T.M')).toBe(
      'https://leads.example.com/referral-links/decline?token=T.M',
    );
    expect(referralLinkUrl('https://example.com/leadrail', 'accept', 'T.M')).toBe(
      'https://example.com/leadrail/referral-links/accept?token=T.M',
    );
  });

  it('reads REFERRAL_LINK_SECRET: unset, one or more secrets, or too short', () => {
    expect(parseReferralLinkSecrets(undefined)).toEqual({ secrets: null });
    expect(parseReferralLinkSecrets('  ')).toEqual({ secrets: null });
    expect(parseReferralLinkSecrets(`${SECRET.toString()}, ${OTHER.toString()}`)).toEqual({
      secrets: [SECRET, OTHER],
    });
    const short = parseReferralLinkSecrets(`${SECRET.toString()},short`);
    expect(short).toEqual({ problem: expect.stringContaining('at least 32 characters') as string });
    expect(JSON.stringify(short)).not.toContain(SECRET.toString());
  });
});
