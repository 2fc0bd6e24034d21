import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The Accept and Decline links of a referral email (docs/delivery-service.md,
 * "The referral email"): made by the delivery service, checked by the leads
 * service, so both sides share this format and REFERRAL_LINK_SECRET.
 *
 * A token is `<payload>.<mac>`, both base64url: the payload is the JSON
 * `{"v":1,"l":leadId,"p":partnerId,"a":action,"e":expiry in ms}` and the mac
 * HMAC-SHA256 over `leadrail.referral-link.v1.` + the payload text, so the
 * claims are checked as the bytes that were signed, before they are parsed.
 * The expiry is the referral's own `expiresAt`, which also ties a token to one
 * offer of the lead.
 */

/** What a referral link does. */
export type ReferralLinkAction = 'accept' | 'decline';

/** The actions, as they appear in link paths. */
export const REFERRAL_LINK_ACTIONS: readonly ReferralLinkAction[] = ['accept', 'decline'];

/** What a token says. */
export interface ReferralLinkClaims {
  readonly leadId: string;
  readonly partnerId: string;
  readonly action: ReferralLinkAction;
  /** The referral's `expiresAt`: ISO 8601 UTC with milliseconds. */
  readonly expiresAt: string;
}

/** Why a token was refused. */
export type ReferralLinkRefusal = 'malformed' | 'bad-signature' | 'expired';

/** The outcome of checking a token: its claims, or why not (an expired token's claims are given too). */
export type ReferralLinkCheck =
  | { readonly ok: true; readonly claims: ReferralLinkClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad-signature' }
  | { readonly ok: false; readonly reason: 'expired'; readonly claims: ReferralLinkClaims };

/** The path of the links under the leads service's public URL: `/referral-links/<action>?token=`. */
export const REFERRAL_LINK_PATH = '/referral-links';

/** Longest token accepted: the real ones are about 250 characters. */
export const MAX_REFERRAL_LINK_TOKEN_LENGTH = 1024;

/** Shortest secret: 32 characters (e.g. `openssl rand -base64 48` gives 64). */
export const MIN_REFERRAL_LINK_SECRET_LENGTH = 32;

const CONTEXT = 'leadrail.referral-link.v1.';
const MAC_BYTES = 32;
const TOKEN = /^([A-Za-z0-9_-]{1,900})\.([A-Za-z0-9_-]{43})$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function mac(secret: Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(CONTEXT).update(payload, 'ascii').digest();
}

/** A signed token for the claims, with the first (current) secret. */
export function signReferralLinkToken(claims: ReferralLinkClaims, secret: Buffer): string {
  const expiry = Date.parse(claims.expiresAt);
  if (!Number.isSafeInteger(expiry) || !ID.test(claims.leadId) || !ID.test(claims.partnerId)) {
    throw new Error('a referral link needs a lead id, a partner id and an expiry time');
  }
  const payload = Buffer.from(
    JSON.stringify({
      v: 1,
      l: claims.leadId,
      p: claims.partnerId,
      a: claims.action,
      e: expiry,
    }),
    'utf8',
  ).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/**
 * Checks a token against the secrets (any of them: the current one and those
 * being rotated out), in constant time per secret, then its claims, then its
 * expiry at `now` (`expired` from the referral's `expiresAt` on, as the lead
 * aggregate refuses an answer then).
 */
export function checkReferralLinkToken(
  token: unknown,
  secrets: readonly Buffer[],
  now: Date,
): ReferralLinkCheck {
  if (typeof token !== 'string' || token.length > MAX_REFERRAL_LINK_TOKEN_LENGTH) {
    return { ok: false, reason: 'malformed' };
  }
  const match = TOKEN.exec(token);
  if (match === null) {
    return { ok: false, reason: 'malformed' };
  }
  const [, payload, signature] = match as unknown as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== MAC_BYTES) {
    return { ok: false, reason: 'malformed' };
  }
  // Every secret is tried, whichever matches, so the time taken says nothing about which did.
  let signed = false;
  for (const secret of secrets) {
    signed = timingSafeEqual(mac(secret, payload), given) || signed;
  }
  if (!signed) {
    return { ok: false, reason: 'bad-signature' };
  }
  const claims = claimsOf(payload);
  if (claims === null) {
    return { ok: false, reason: 'malformed' };
  }
  if (now.getTime() >= Date.parse(claims.expiresAt)) {
    return { ok: false, reason: 'expired', claims };
  }
  return { ok: true, claims };
}

function claimsOf(payload: string): ReferralLinkClaims | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return null;
  }
  const { v, l, p, a, e } = parsed as Record<string, unknown>;
  if (
    v !== 1 ||
    typeof l !== 'string' ||
    !ID.test(l) ||
    typeof p !== 'string' ||
    !ID.test(p) ||
    (a !== 'accept' && a !== 'decline') ||
    typeof e !== 'number' ||
    !Number.isSafeInteger(e) ||
    e < 0 ||
    e > 8_640_000_000_000_000
  ) {
    return null;
  }
  return { leadId: l, partnerId: p, action: a, expiresAt: new Date(e).toISOString() };
}

/** The link a partner follows: `<leads public URL>/referral-links/<action>?token=<token>`. */
export function referralLinkUrl(
  publicLeadsUrl: string,
  action: ReferralLinkAction,
  token: string,
): string {
  return `${publicLeadsUrl.replace(/\/+$/, '')}${REFERRAL_LINK_PATH}/${action}?token=${token}`;
}

/**
 * REFERRAL_LINK_SECRET: one or more secrets, comma-separated, each at least
 * 32 characters; the first signs, any of them verifies (rotation: add the new
 * one first on the leads service, then on delivery, then drop the old one
 * once the links it signed have expired). Null when unset; a message naming
 * the problem when malformed (never the secret itself).
 */
export function parseReferralLinkSecrets(
  text: string | undefined,
): { secrets: Buffer[] | null } | { problem: string } {
  if (text === undefined || text.trim() === '') {
    return { secrets: null };
  }
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part.length < MIN_REFERRAL_LINK_SECRET_LENGTH)) {
    return {
      problem: `REFERRAL_LINK_SECRET must be one or more secrets of at least ${MIN_REFERRAL_LINK_SECRET_LENGTH} characters, comma-separated (the first signs links)`,
    };
  }
  return { secrets: parts.map((part) => Buffer.from(part, 'utf8')) };
}
