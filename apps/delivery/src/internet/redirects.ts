import { INTERNET_LIMITS } from './internet-answer';
import { isSecretName, maskUrl } from './masking';
import { TransportFailureError } from './transport-failure';

/** Statuses followed: they keep the method and the body (RFC 9110 §15.4.8, §15.4.9). */
const FOLLOWED = new Set([307, 308]);
const LEADRAIL_OWN = /^x-leadrail-/i;

/** What to do with one answer: keep it, or send the same request again to `url`. */
export type RedirectStep =
  | { readonly kind: 'answer' }
  | { readonly kind: 'follow'; readonly url: string; readonly headers: Record<string, string> };

/** Where one answer stands in a chain of redirects. */
export interface RedirectContext {
  readonly status: number;
  /** The answer's Location header, if any. */
  readonly location: string | undefined;
  /** The URL that gave this answer. */
  readonly url: string;
  /** The headers it was sent with. */
  readonly headers: Readonly<Record<string, string>>;
  /** Redirects followed so far. */
  readonly followed: number;
  readonly maxRedirects?: number;
}

/**
 * Whether to follow a redirect. Only 307 and 308 are followed: they resend the
 * same POST with the same body. 301, 302 and 303 are the answer itself (outcome
 * rules see the status and Location), because following them means a GET
 * without the lead (303 by definition, 301/302 in every browser and most
 * clients), which the partner would not take for a delivery. A followed
 * redirect must stay http(s) and not go from https to http; when it leaves
 * the host, headers that look like credentials (see `isSecretName`) are not
 * sent on. The caller checks the new URL with the outbound guard.
 * Throws (as a transport failure) `too-many-redirects`, `invalid-redirect`
 * or `insecure-redirect`.
 */
export function nextStep(context: RedirectContext): RedirectStep {
  if (!FOLLOWED.has(context.status)) {
    return { kind: 'answer' };
  }
  const maxRedirects = context.maxRedirects ?? INTERNET_LIMITS.maxRedirects;
  if (context.followed >= maxRedirects) {
    fail('too-many-redirects', `more than ${maxRedirects} redirects`);
  }
  if (context.location === undefined || context.location.trim() === '') {
    fail('invalid-redirect', `HTTP ${context.status} without a Location header`);
  }
  const from = new URL(context.url);
  let to: URL;
  try {
    to = new URL(context.location.trim(), from);
  } catch {
    fail('invalid-redirect', `HTTP ${context.status} to a Location that is not a URL`);
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') {
    fail('invalid-redirect', `redirect to a ${to.protocol} URL: only http and https are followed`);
  }
  if (from.protocol === 'https:' && to.protocol === 'http:') {
    fail('insecure-redirect', `redirect from https to ${maskUrl(to.href)}, which is not encrypted`);
  }
  to.hash = '';
  const sameHost = to.hostname === from.hostname;
  const headers = Object.fromEntries(
    Object.entries(context.headers).filter(
      ([name]) => sameHost || LEADRAIL_OWN.test(name) || !isSecretName(name),
    ),
  );
  return { kind: 'follow', url: to.href, headers };
}

function fail(
  code: 'too-many-redirects' | 'invalid-redirect' | 'insecure-redirect',
  message: string,
): never {
  throw new TransportFailureError({ code, message });
}
