import { DeliveryMethod } from '../delivery-method';
import { parseTemplate } from '../syntax/parse-template';
import { type HeaderProblem, HeaderProblemCode } from './header-problem';

/** The outcome of {@link checkHeaders}. */
export type HeadersCheck =
  { readonly ok: true } | { readonly ok: false; readonly problems: HeaderProblem[] };

/** Custom headers have fixed values, except this one, so a partner can de-duplicate retries. */
export const HEADER_VARIABLES: readonly string[] = ['delivery.id'];
/** At most this many custom headers per partner. */
export const MAX_CUSTOM_HEADERS = 20;
const MAX_VALUE_LENGTH = 4096;
// RFC 9110 token characters.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Visible ASCII, space and tab: no CR or LF, which would start a header of the value's choosing.
const VALUE_TEXT = /^[\t\x20-\x7e]*$/;
const HOP_BY_HOP = 'a hop-by-hop header that governs the connection, not the request';
// A Map, not an object literal: a header called "constructor" must not find Object's.
const RESERVED = new Map<string, string>([
  ['content-type', 'LeadRail sets it from the delivery method'],
  ['content-length', 'the HTTP client computes it from the body'],
  ['content-encoding', 'the body is sent as written, not encoded'],
  ['host', 'it comes from the delivery URL'],
  ...[
    'connection',
    'keep-alive',
    'proxy-connection',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
  ].map((name) => [name, HOP_BY_HOP] as const),
]);

/**
 * Checks a partner's custom headers (an API key header, say) for `method`. All
 * methods accept them, but not headers LeadRail sets or that would break the
 * exchange (Content-Type, Content-Length, Content-Encoding, Host, hop-by-hop
 * headers, and SOAPAction for SOAP 1.1). Values are fixed text, except for
 * `{{ delivery.id }}`.
 */
export function checkHeaders(
  method: DeliveryMethod,
  headers: Readonly<Record<string, string>>,
): HeadersCheck {
  const names = Object.keys(headers);
  const seen = new Set<string>();
  const problems: HeaderProblem[] = names.flatMap((header) => {
    const lower = header.toLowerCase();
    const duplicate = seen.has(lower);
    seen.add(lower);
    return [...nameProblems(method, header, duplicate), ...valueProblems(header, headers[header])];
  });
  if (names.length > MAX_CUSTOM_HEADERS) {
    problems.push({
      header: names[MAX_CUSTOM_HEADERS] ?? '',
      code: HeaderProblemCode.TOO_MANY_HEADERS,
      message: `at most ${MAX_CUSTOM_HEADERS} custom headers are allowed`,
    });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

function nameProblems(method: DeliveryMethod, header: string, duplicate: boolean): HeaderProblem[] {
  const lower = header.toLowerCase();
  const reserved =
    RESERVED.get(lower) ??
    (method === DeliveryMethod.SOAP_1_1 && lower === 'soapaction'
      ? 'LeadRail sets it from the SOAP action setting'
      : undefined);
  if (!TOKEN.test(header)) {
    return [
      problem(
        header,
        HeaderProblemCode.INVALID_NAME,
        'not a header name: use letters, digits and - (e.g. X-Api-Key)',
      ),
    ];
  }
  if (reserved !== undefined) {
    return [problem(header, HeaderProblemCode.RESERVED_HEADER, `cannot be set: ${reserved}`)];
  }
  return duplicate
    ? [
        problem(
          header,
          HeaderProblemCode.DUPLICATE_HEADER,
          'given twice (header names ignore case)',
        ),
      ]
    : [];
}

function valueProblems(header: string, value: unknown): HeaderProblem[] {
  // Settings arrive from outside (JSON, events): a number, list or null is not a header value.
  if (typeof value !== 'string') {
    return [problem(header, HeaderProblemCode.INVALID_VALUE, 'must be text')];
  }
  if (value.length > MAX_VALUE_LENGTH) {
    return [
      problem(
        header,
        HeaderProblemCode.INVALID_VALUE,
        `longer than ${MAX_VALUE_LENGTH} characters`,
      ),
    ];
  }
  const { parts, problems } = parseTemplate(value);
  const found: HeaderProblem[] = problems.map((syntax) =>
    problem(header, HeaderProblemCode.INVALID_VALUE, syntax.message),
  );
  for (const part of parts) {
    if (part.kind === 'variable' && !HEADER_VARIABLES.includes(part.name)) {
      found.push(
        problem(
          header,
          HeaderProblemCode.VARIABLE_NOT_ALLOWED,
          `{{ ${part.name} }} cannot be used in a header: only {{ ${HEADER_VARIABLES.join(' }}, {{ ')} }} can; lead data belongs in the body`,
        ),
      );
    } else if (part.kind !== 'variable' && !VALUE_TEXT.test(value.slice(part.start, part.end))) {
      found.push(
        problem(
          header,
          HeaderProblemCode.INVALID_VALUE,
          'only printable ASCII, spaces and tabs: no line breaks or control characters',
        ),
      );
    }
  }
  return found;
}

function problem(header: string, code: HeaderProblemCode, message: string): HeaderProblem {
  return { header, code, message };
}
