import type { LookupFunction } from 'node:net';
import { AllowList } from './allow-list';
import { OUTBOUND_ALLOWED_HOSTS, OutboundAddressErrorCode } from './error-code';
import { guardedLookup } from './guarded-lookup';
import { type NormalisedHost, normaliseHost, parseAddress } from './host';
import type { HostResolver } from './host-resolver';
import { internalAddress } from './internal-address';
import { internalHostNameReason } from './internal-host-name';
import { messages } from './messages';
import { OutboundAddressError } from './outbound-address-error';
import { parseTarget } from './target';
import type { OutboundRefused, OutboundVerdict } from './verdict';

/** What a guard is built from. */
export interface OutboundAddressGuardOptions {
  /** OUTBOUND_ALLOWED_HOSTS: the comma-separated setting or its entries. Malformed entries throw. */
  readonly allowedHosts?: string | readonly string[];
  /** Who answers "which addresses does this name have"; `createDnsResolver()` in services. */
  readonly resolver: HostResolver;
}

/** Options of one check. */
export interface OutboundCheckOptions {
  /**
   * false: check everything but the name's DNS answer, which the guarded
   * `lookupFor` then checks while connecting (send time, one DNS query).
   * Default true (save time: the name must resolve, to public addresses).
   */
  readonly resolve?: boolean;
}

/** Passed the checks that need no DNS; `allowListedBy` when only the allow-list let it pass. */
type Screened = { readonly allowed: true; readonly allowListedBy?: string } | OutboundRefused;
type Resolved = { readonly addresses: readonly string[]; readonly allowListedBy?: string };

/**
 * The outbound-address policy: may LeadRail send a request to this URL?
 * Refuses URLs that are not http(s), carry credentials, or lead into the
 * network LeadRail runs in (internal host names, internal addresses, names
 * resolving to one), unless OUTBOUND_ALLOWED_HOSTS names the host.
 *
 * Save time: `await guard.check(url)`. Send time: `check(url, { resolve: false })`
 * then connect with `lookup: guard.lookupFor(url)`, which checks the addresses
 * actually connected to (DNS rebinding).
 */
export class OutboundAddressGuard {
  private readonly allowList: AllowList;
  private readonly resolver: HostResolver;

  constructor(options: OutboundAddressGuardOptions) {
    const { allowList, problems } = AllowList.parse(options.allowedHosts ?? []);
    if (problems.length > 0) {
      throw new Error(`${OUTBOUND_ALLOWED_HOSTS}: ${problems.join('; ')}`);
    }
    this.allowList = allowList;
    this.resolver = options.resolver;
  }

  /** Checks one URL; never throws, never rejects. */
  async check(url: string | URL, options: OutboundCheckOptions = {}): Promise<OutboundVerdict> {
    const target = parseTarget(url);
    if ('allowed' in target) {
      return target;
    }
    const { host, port } = target;
    const screened = this.screen(host, port);
    if (!screened.allowed) {
      return screened;
    }
    const verdict = { allowed: true, url: target.url.href, host: host.host, port } as const;
    if (host.kind === 'address') {
      return { ...verdict, addresses: [host.host], ...allowedBy(screened.allowListedBy) };
    }
    if (screened.allowListedBy !== undefined || options.resolve === false) {
      // An allow-listed name is trusted as named: it may resolve only where it is used.
      return { ...verdict, addresses: [], ...allowedBy(screened.allowListedBy) };
    }
    const resolved = await this.resolveAndScreen(host.host, port);
    return 'allowed' in resolved ? resolved : { ...verdict, ...resolved };
  }

  /** Like `check`, but throws the refusal as an `OutboundAddressError`. */
  async assertAllowed(url: string | URL, options: OutboundCheckOptions = {}): Promise<void> {
    const verdict = await this.check(url, options);
    if (!verdict.allowed) {
      throw new OutboundAddressError(verdict);
    }
  }

  /**
   * The addresses a connection to `hostname` on `port` may use: every address
   * the name resolves to, after the same policy as `check`. Rejects with an
   * `OutboundAddressError` otherwise.
   */
  async addressesForConnection(hostname: string, port: number): Promise<readonly string[]> {
    const host = normaliseHost(hostname);
    if (host === undefined) {
      throw new OutboundAddressError(
        refusal(OutboundAddressErrorCode.INVALID_URL, messages.invalidHost(hostname)),
      );
    }
    const screened = this.screen(host, port);
    if (!screened.allowed) {
      throw new OutboundAddressError(screened);
    }
    if (host.kind === 'address') {
      return [host.host];
    }
    const resolved = await this.resolveAndScreen(host.host, port, screened.allowListedBy);
    if ('allowed' in resolved) {
      throw new OutboundAddressError(resolved);
    }
    return resolved.addresses;
  }

  /**
   * A `lookup` for Node's http/https request options (or an Agent used for this
   * URL's port only) that lets the connection reach only addresses this policy
   * allows. Throws an `OutboundAddressError` when `url` is not an http(s) URL.
   * A literal IP host skips `lookup` in Node: check the URL too.
   */
  lookupFor(url: string | URL): LookupFunction {
    const target = parseTarget(url);
    if ('allowed' in target) {
      throw new OutboundAddressError(target);
    }
    return guardedLookup((hostname) => this.addressesForConnection(hostname, target.port));
  }

  /** The checks that need no DNS: allow-list, literal address, name form. */
  private screen(host: NormalisedHost, port: number): Screened {
    const entry = this.allowList.allowingHost(host, port);
    if (entry) {
      return { allowed: true, allowListedBy: entry.text };
    }
    if (host.kind === 'address') {
      const internal = internalAddress(host.address);
      return internal
        ? refusal(
            OutboundAddressErrorCode.INTERNAL_ADDRESS,
            messages.internalLiteral(host.host, internal),
            host.host,
            internal.address,
          )
        : { allowed: true };
    }
    const reason = internalHostNameReason(host.host);
    return reason
      ? refusal(
          OutboundAddressErrorCode.INTERNAL_HOST_NAME,
          messages.internalHostName(host.host, reason),
          host.host,
        )
      : { allowed: true };
  }

  /**
   * Resolves `name` and, unless the name itself is allow-listed, refuses it
   * when any address is internal and not allow-listed: a client may pick any
   * of them, so one internal record is enough to refuse.
   */
  private async resolveAndScreen(
    name: string,
    port: number,
    nameAllowListedBy?: string,
  ): Promise<Resolved | OutboundRefused> {
    let addresses: readonly string[];
    try {
      addresses = await this.resolver(name);
    } catch (error) {
      return refusal(
        OutboundAddressErrorCode.UNRESOLVABLE_HOST,
        messages.unresolvable(name, causeOf(error)),
        name,
      );
    }
    if (addresses.length === 0) {
      const message = messages.unresolvable(name, 'no A or AAAA record');
      return refusal(OutboundAddressErrorCode.UNRESOLVABLE_HOST, message, name);
    }
    if (nameAllowListedBy !== undefined) {
      return { addresses, allowListedBy: nameAllowListedBy };
    }
    let allowListedBy: string | undefined;
    for (const text of addresses) {
      const address = parseAddress(text);
      if (address === undefined) {
        const message = messages.notAnAddress(name, text);
        return refusal(OutboundAddressErrorCode.UNRESOLVABLE_HOST, message, name);
      }
      const internal = internalAddress(address);
      const entry = internal ? this.allowList.allowingAddress(address, port) : undefined;
      if (internal && !entry) {
        return refusal(
          OutboundAddressErrorCode.INTERNAL_ADDRESS,
          messages.internalResolved(name, internal),
          name,
          internal.address,
        );
      }
      allowListedBy ??= entry?.text;
    }
    return { addresses, ...allowedBy(allowListedBy) };
  }
}

function refusal(
  code: OutboundAddressErrorCode,
  message: string,
  host?: string,
  address?: string,
): OutboundRefused {
  return {
    allowed: false,
    code,
    message,
    ...(host === undefined ? {} : { host }),
    ...(address === undefined ? {} : { address }),
  };
}

function allowedBy(entry: string | undefined): { allowListedBy?: string } {
  return entry === undefined ? {} : { allowListedBy: entry };
}

function causeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    return code;
  }
  return error instanceof Error ? error.message : String(error);
}
