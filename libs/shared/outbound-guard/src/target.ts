import { OutboundAddressErrorCode } from './error-code';
import { type NormalisedHost, normaliseParsedHost } from './host';
import { messages } from './messages';
import type { OutboundRefused } from './verdict';

/** Where a URL leads: the parsed URL, its normalised host and the port a client connects to. */
export interface Target {
  readonly url: URL;
  readonly host: NormalisedHost;
  readonly port: number;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/**
 * Parses with the WHATWG URL parser, the one Node's HTTP clients use, so the
 * host checked is the host connected to: `0x7f.1`, `2130706433` and
 * `017700000001` all become 127.0.0.1, `%31%32%37.0.0.1` is decoded, and
 * `https://a.example\@127.0.0.1` has host a.example for both.
 */
export function parseTarget(input: string | URL): Target | OutboundRefused {
  const text = String(input);
  const refuse = (
    code: OutboundAddressErrorCode,
    message: string,
    host?: string,
  ): OutboundRefused => ({
    allowed: false,
    code,
    message,
    ...(host === undefined ? {} : { host }),
  });
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse(OutboundAddressErrorCode.INVALID_URL, messages.invalidUrl(text));
  }
  const defaultPort = DEFAULT_PORTS[url.protocol];
  if (defaultPort === undefined) {
    return refuse(
      OutboundAddressErrorCode.UNSUPPORTED_SCHEME,
      messages.unsupportedScheme(url.protocol),
    );
  }
  const host = normaliseParsedHost(url.hostname);
  if (host === undefined) {
    return refuse(OutboundAddressErrorCode.INVALID_URL, messages.invalidHost(text));
  }
  if (url.username !== '' || url.password !== '') {
    return refuse(
      OutboundAddressErrorCode.CREDENTIALS_IN_URL,
      messages.credentialsInUrl(host.host),
      host.host,
    );
  }
  return { url, host, port: url.port === '' ? defaultPort : Number(url.port) };
}
