import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Form parameters: a name's repeated values as an array, as Twilio reads them. */
export type FormParams = Record<string, string | string[]>;

/** A request as the test server handles it: its body read whole. */
export interface TestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  form: FormParams;
}

/** An answer of the test server. */
export interface TestAnswer {
  status: number;
  body: unknown;
}

/** A Twilio SID: two letters and 32 lower-case hexadecimal digits. */
export function twilioSid(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/** Dates as Twilio's 2010 API writes them (RFC 2822, always +0000). */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

/** Twilio's error body: `{code, message, more_info, status}` with the HTTP status it answers. */
export function twilioError(status: number, code: number, message: string): TestAnswer {
  return {
    status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  };
}

/** A form's parameters in order of appearance. */
export function formParams(text: string): FormParams {
  const params: FormParams = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = params[name];
    params[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

/** One parameter (the first if repeated), or undefined. */
export function one(params: FormParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a parameter. */
export function all(params: FormParams, name: string): string[] {
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * X-Twilio-Signature as Twilio computes it: HMAC-SHA1 keyed with the Auth
 * Token over the full URL followed by each POST parameter's name and value,
 * sorted by name (a repeated name's values sorted too), base64. Written here
 * from Twilio's description, not with the library, so the library's check is
 * tested against an independent signer.
 */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  const data = Object.keys(params)
    .sort()
    .reduce(
      (text, name) =>
        text +
        all(params, name)
          .slice()
          .sort()
          .map((value) => name + value)
          .join(''),
      url,
    );
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export async function readRequest(message: IncomingMessage): Promise<TestRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) {
      throw new Error('request body over 1 MB');
    }
    chunks.push(chunk as Buffer);
  }
  const url = new URL(message.url ?? '/', 'http://api.twilio.test');
  const text = Buffer.concat(chunks).toString('utf8');
  const isForm = /^application\/x-www-form-urlencoded\b/i.test(
    message.headers['content-type'] ?? '',
  );
  return {
    method: message.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: message.headers,
    form: isForm ? formParams(text) : {},
  };
}

export function send(response: ServerResponse, answer: TestAnswer): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'twilio-request-id': twilioSid('RQ'),
  });
  response.end(text);
}

/** A URL Twilio would call back: absolute http(s), a valid host without underscores. */
export function isCallbackUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.hostname.includes('_');
  } catch {
    return false;
  }
}

/** E.164 as Twilio accepts it: +, a country code, at most 15 digits. */
export const E164 = /^\+[1-9]\d{6,14}$/;
