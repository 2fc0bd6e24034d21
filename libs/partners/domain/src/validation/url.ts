import { DELIVERY_URL_OPTIONS } from '@leadrail/partners-contracts';
import { isURL } from 'class-validator';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';

const MAX_URL_LENGTH = 2048;

function invalid(message: string, field: string): PartnerError {
  return new PartnerError(PartnerErrorCode.INVALID_URL, message, field);
}

/**
 * Refuses a delivery URL that is not absolute http(s), or that embeds
 * credentials: those would be stored in the event log in clear and shown to
 * everyone who can read partner settings. Whether the host is internal needs
 * DNS, so it is the services' check (the outbound-address guard), not the domain's.
 */
export function assertDeliveryUrl(url: string, field: string): void {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || /\s/.test(url)) {
    throw invalid(`must be an http(s) URL of at most ${MAX_URL_LENGTH} characters`, field);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('must be an absolute http(s) URL', field);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw invalid(`must use https or http, not ${parsed.protocol.slice(0, -1)}`, field);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw invalid('must not contain credentials; use a header or the body template', field);
  }
  if (parsed.hostname === '') {
    throw invalid('must name a host', field);
  }
  // The published contract's rule too: what is accepted here is relayed to every consumer.
  if (!isURL(url, DELIVERY_URL_OPTIONS)) {
    throw invalid(
      'must be an absolute http(s) URL with a host name or an IPv4/IPv6 address',
      field,
    );
  }
}
