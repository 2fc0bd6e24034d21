/** An access token and when LeadRail stops using it. */
interface CachedToken {
  value: string;
  /** Milliseconds since the epoch. */
  useUntil: number;
}

/** At most this long before PayPal's expiry a token is replaced, so no request carries one that expires on the way. */
const MAX_MARGIN_MS = 60_000;

/**
 * OAuth 2.0 client-credentials tokens, fetched once and reused: PayPal's
 * tokens last hours and its token endpoint is rate limited, so a token per
 * request would be slow and could be throttled. Concurrent callers share one
 * fetch. A token is replaced a minute before it expires (half its life for
 * short-lived ones), or at once when PayPal refuses it (`invalidate`).
 */
export class PaypalAccessTokens {
  private cached: CachedToken | undefined;
  private fetching: Promise<CachedToken> | undefined;

  constructor(
    private readonly fetchToken: () => Promise<{ accessToken: string; expiresInSeconds: number }>,
    private readonly now: () => number,
  ) {}

  /** A token valid for a while yet; `fresh` when it came from PayPal just now (not from the cache). */
  async get(): Promise<{ token: string; fresh: boolean }> {
    const cached = this.cached;
    if (cached !== undefined && this.now() < cached.useUntil) {
      return { token: cached.value, fresh: false };
    }
    this.fetching ??= this.fetch().finally(() => {
      this.fetching = undefined;
    });
    const fetched = await this.fetching;
    return { token: fetched.value, fresh: true };
  }

  /** Forgets a token PayPal no longer accepts (revoked, or expired earlier than it said). */
  invalidate(token: string): void {
    if (this.cached?.value === token) {
      this.cached = undefined;
    }
  }

  private async fetch(): Promise<CachedToken> {
    const obtainedAt = this.now();
    const { accessToken, expiresInSeconds } = await this.fetchToken();
    const lifetime = expiresInSeconds * 1000;
    const token = {
      value: accessToken,
      useUntil: obtainedAt + lifetime - Math.min(MAX_MARGIN_MS, lifetime / 2),
    };
    this.cached = token;
    return token;
  }
}
