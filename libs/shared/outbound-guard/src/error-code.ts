/**
 * Why an outbound address was refused, for machines: API error codes, logs and
 * metrics. The values are stable strings; add members, never rename them.
 */
export enum OutboundAddressErrorCode {
  /** Not a URL the WHATWG parser accepts, or a host name with an empty label. */
  INVALID_URL = 'INVALID_URL',
  /** Not http: or https: (ftp:, file:, javascript:, gopher:…). */
  UNSUPPORTED_SCHEME = 'UNSUPPORTED_SCHEME',
  /** `user:password@` in the URL: it would be stored and logged with the URL. */
  CREDENTIALS_IN_URL = 'CREDENTIALS_IN_URL',
  /** A name that only means something inside a network: localhost, *.internal, a single label… */
  INTERNAL_HOST_NAME = 'INTERNAL_HOST_NAME',
  /** A literal internal address, or a name that resolves to one. */
  INTERNAL_ADDRESS = 'INTERNAL_ADDRESS',
  /** The name has no A/AAAA record (or DNS did not answer in time). */
  UNRESOLVABLE_HOST = 'UNRESOLVABLE_HOST',
}

/** The operator setting that allows internal hosts, named in every refusal that it could lift. */
export const OUTBOUND_ALLOWED_HOSTS = 'OUTBOUND_ALLOWED_HOSTS';
