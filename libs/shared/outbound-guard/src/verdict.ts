import type { OutboundAddressErrorCode } from './error-code';

/** The URL may be used: its host is public, or an operator allow-listed it. */
export interface OutboundAllowed {
  readonly allowed: true;
  /** The URL as the WHATWG parser normalised it: what an HTTP client will really connect to. */
  readonly url: string;
  /** The host, normalised: lower case, punycode, IPv4 in dotted decimal, IPv6 without brackets, no trailing dot. */
  readonly host: string;
  /** The port the client will connect to (the scheme's default when the URL names none). */
  readonly port: number;
  /**
   * The addresses that were checked: the literal address, or every address the
   * name resolved to. Empty when nothing was resolved (an allow-listed name, or
   * a check made with `resolve: false`).
   */
  readonly addresses: readonly string[];
  /** The OUTBOUND_ALLOWED_HOSTS entry that allowed an internal host, when one did. */
  readonly allowListedBy?: string;
}

/** The URL must not be used. `message` is written for the operator who typed the URL. */
export interface OutboundRefused {
  readonly allowed: false;
  readonly code: OutboundAddressErrorCode;
  readonly message: string;
  /** The normalised host, when the URL got that far. */
  readonly host?: string;
  /** The internal address that caused the refusal (INTERNAL_ADDRESS only). */
  readonly address?: string;
}

/** The outcome of checking one outbound URL. */
export type OutboundVerdict = OutboundAllowed | OutboundRefused;
