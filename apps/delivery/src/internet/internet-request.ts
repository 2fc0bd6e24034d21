import {
  DeliveryMethod,
  DeliveryTemplateError,
  DeliveryTemplateErrorCode,
  type HeaderProblem,
  renderHeaders,
} from '@leadrail/delivery-templates';

/** The internet delivery methods, as the partner setting stores them. */
export type InternetDeliveryMethod = 'xml' | 'json' | 'soap-1.1' | 'soap-1.2' | 'post';

/** What one attempt of an internet delivery is built from. */
export interface InternetRequestInput {
  readonly method: InternetDeliveryMethod;
  /** The partner's delivery URL, as stored. */
  readonly url: string;
  /** The rendered body (`renderTemplate`), sent byte for byte as UTF-8. */
  readonly body: string;
  /**
   * The partner's custom headers as stored in its setting (templates: only
   * `{{ delivery.id }}` may appear, and is filled in here). Not pre-rendered.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The operation's SOAP action (SOAP methods); null or '' when there is none. */
  readonly soapAction: string | null;
  /** The stable id of this lead's delivery to this partner. */
  readonly deliveryId: string;
  /** The attempt's number, from 1. */
  readonly attempt: number;
}

/** Exactly what is sent for one attempt (Node adds only Host, Content-Length and Connection). */
export interface InternetRequest {
  readonly method: 'POST';
  /** The URL as the WHATWG parser normalises it: what the client connects to. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The User-Agent of every internet delivery. */
export const LEADRAIL_USER_AGENT = 'LeadRail-Delivery/1.0';
/** The header carrying the stable delivery id, so a partner can de-duplicate retries. */
export const DELIVERY_ID_HEADER = 'X-LeadRail-Delivery-Id';
/** The header carrying the attempt's number (1, 2, …). */
export const ATTEMPT_HEADER = 'X-LeadRail-Attempt';

/** Why a request could not be built; the partner's setting or the caller is at fault, not the network. */
export type InternetRequestErrorCode =
  | 'INVALID_URL'
  | 'INVALID_JSON_BODY'
  | 'INVALID_HEADERS'
  | 'INVALID_SOAP_ACTION'
  | 'INVALID_DELIVERY_ID'
  | 'INVALID_ATTEMPT';

/** A request that must not be sent. Retrying will not help: the setting must be fixed. */
export class InternetRequestError extends Error {
  constructor(
    readonly code: InternetRequestErrorCode,
    message: string,
    readonly problems: readonly HeaderProblem[] = [],
  ) {
    super(message);
    this.name = 'InternetRequestError';
  }
}

// LeadRail's own headers: a partner's header of the same name is ignored, never sent.
const LEADRAIL_OWN = /^(x-leadrail-.*|user-agent)$/i;
// What Node's client would otherwise add on its own: set here so the request shown is the one sent.
const DEFAULTS: Readonly<Record<string, string>> = {
  Accept: '*/*',
  'Accept-Encoding': 'gzip, deflate, br',
};
// Visible ASCII: a delivery id goes into a header as it is.
const HEADER_TOKEN_TEXT = /^[\x21-\x7e]{1,200}$/;

/**
 * The exact HTTP request for one attempt: always a POST of `body` to `url`
 * with the method's Content-Type (and SOAP action), LeadRail's own headers
 * (`User-Agent`, `X-LeadRail-Delivery-Id`, `X-LeadRail-Attempt`) and the
 * partner's custom headers. The custom headers pass `checkHeaders` of
 * `@leadrail/delivery-templates` (no Content-Type, Content-Length, Host,
 * hop-by-hop headers, SOAPAction for SOAP 1.1, line breaks or control
 * characters); a custom header named like one of LeadRail's own is ignored.
 * Throws an `InternetRequestError` when the request cannot be sent as set up,
 * e.g. a JSON body that does not parse.
 */
export function buildInternetRequest(input: InternetRequestInput): InternetRequest {
  const url = checkedUrl(input.url);
  checkDeliveryId(input.deliveryId);
  if (!Number.isSafeInteger(input.attempt) || input.attempt < 1) {
    throw new InternetRequestError('INVALID_ATTEMPT', 'the attempt number must be an integer ≥ 1');
  }
  if (input.method === DeliveryMethod.JSON) {
    checkJson(input.body);
  }
  const custom = Object.fromEntries(
    Object.entries(input.headers).filter(([name]) => !LEADRAIL_OWN.test(name)),
  );
  const rendered = renderedHeaders(input, custom);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rendered)) {
    headers[name] = name.toLowerCase() === 'content-type' ? withUtf8(value) : value.trim();
  }
  for (const [name, value] of Object.entries(DEFAULTS)) {
    if (!Object.keys(headers).some((given) => given.toLowerCase() === name.toLowerCase())) {
      headers[name] = value;
    }
  }
  headers['User-Agent'] = LEADRAIL_USER_AGENT;
  headers[DELIVERY_ID_HEADER] = input.deliveryId;
  headers[ATTEMPT_HEADER] = String(input.attempt);
  return { method: 'POST', url, headers, body: input.body };
}

function renderedHeaders(
  input: InternetRequestInput,
  custom: Readonly<Record<string, string>>,
): Record<string, string> {
  const soap = input.method === DeliveryMethod.SOAP_1_1 || input.method === DeliveryMethod.SOAP_1_2;
  try {
    return renderHeaders(
      input.method,
      custom,
      { 'delivery.id': input.deliveryId },
      soap ? { soapAction: input.soapAction ?? '' } : {},
    );
  } catch (error) {
    if (error instanceof DeliveryTemplateError) {
      const code =
        error.code === DeliveryTemplateErrorCode.INVALID_SOAP_ACTION
          ? 'INVALID_SOAP_ACTION'
          : 'INVALID_HEADERS';
      const detail = error.problems
        .map((problem) => ('header' in problem ? `${problem.header}: ${problem.message}` : ''))
        .filter((text) => text !== '');
      const message = detail.length > 0 ? `${error.message} (${detail.join('; ')})` : error.message;
      const problems = error.problems.filter((problem): problem is HeaderProblem =>
        Object.hasOwn(problem, 'header'),
      );
      throw new InternetRequestError(code, message, problems);
    }
    throw error;
  }
}

/** The method's content type with `charset=utf-8`, added after the media type when missing. */
function withUtf8(contentType: string): string {
  if (/;\s*charset=/i.test(contentType)) {
    return contentType;
  }
  const [mediaType = '', ...parameters] = contentType.split(';');
  return [mediaType.trim(), 'charset=utf-8', ...parameters.map((part) => part.trim())].join('; ');
}

function checkedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InternetRequestError('INVALID_URL', 'the delivery URL is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InternetRequestError(
      'INVALID_URL',
      `the delivery URL must be http or https, not "${url.protocol}"`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new InternetRequestError(
      'INVALID_URL',
      'the delivery URL must not carry credentials (user:password@): send them in a header',
    );
  }
  return url.href;
}

function checkDeliveryId(deliveryId: string): void {
  if (typeof deliveryId !== 'string' || !HEADER_TOKEN_TEXT.test(deliveryId)) {
    throw new InternetRequestError(
      'INVALID_DELIVERY_ID',
      'the delivery id must be 1 to 200 visible ASCII characters',
    );
  }
}

function checkJson(body: string): void {
  try {
    JSON.parse(body);
  } catch (error) {
    // V8's message quotes the body, which holds personal data: keep only the position.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new InternetRequestError(
      'INVALID_JSON_BODY',
      `the rendered body of a JSON delivery is not valid JSON${position === undefined ? '' : ` (at character ${position})`}: check the partner's body template`,
    );
  }
}
