import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import { BODY_ONLY_METHODS, type InternetDeliveryMethod } from '../model/delivery-settings';

// RFC 9110 field-name token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Visible ASCII, spaces and tabs, and non-ASCII bytes: no CR or LF, which would let a
// value inject further headers or a second request.
const HEADER_VALUE = /^[\t\u0020-\u007e\u0080-\uffff]*$/;
// The transport sets these from the request itself; an operator's value would corrupt it.
const TRANSPORT_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);
const MAX_HEADERS = 50;

function invalid(message: string, field: string): PartnerError {
  return new PartnerError(PartnerErrorCode.INVALID_HEADER, message, field);
}

/**
 * Refuses headers for the body-only methods (spec: SOAP and JSON take no custom
 * headers), and any name or value that would break or inject into the request.
 */
export function assertHeaders(
  method: InternetDeliveryMethod,
  headers: Record<string, string>,
  field: string,
): void {
  const names = Object.keys(headers);
  if (names.length > 0 && BODY_ONLY_METHODS.includes(method)) {
    throw new PartnerError(
      PartnerErrorCode.HEADERS_NOT_SUPPORTED,
      `the ${method} method takes no custom headers; only its body can be set`,
      field,
    );
  }
  if (names.length > MAX_HEADERS) {
    throw invalid(`at most ${MAX_HEADERS} headers`, field);
  }
  const seen = new Set<string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name)) {
      throw invalid('is not a valid header name', `${field}.${name}`);
    }
    if (TRANSPORT_HEADERS.has(lower)) {
      throw invalid('is set by the transport and cannot be configured', `${field}.${name}`);
    }
    // Header names are case-insensitive: two spellings of one name would race.
    if (seen.has(lower)) {
      throw invalid('is given twice in different cases', `${field}.${name}`);
    }
    seen.add(lower);
    const value = headers[name];
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw invalid('must be text without control characters', `${field}.${name}`);
    }
  }
}
