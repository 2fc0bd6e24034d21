import type { OutboundAddressErrorCode } from './error-code';
import type { OutboundRefused } from './verdict';

/**
 * A refused outbound address as an Error: what the guarded `lookup` hands to
 * Node's HTTP client (its `code` surfaces on the request's `error` event), and
 * what callers that prefer exceptions throw.
 */
export class OutboundAddressError extends Error {
  readonly code: OutboundAddressErrorCode;
  readonly host: string | undefined;
  readonly address: string | undefined;

  constructor(refused: OutboundRefused) {
    super(refused.message);
    this.name = 'OutboundAddressError';
    this.code = refused.code;
    this.host = refused.host;
    this.address = refused.address;
  }
}
