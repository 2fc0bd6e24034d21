import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request as the test server handles it: its body read whole. */
export interface TestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  text: string;
}

/** An answer of the test server. */
export interface TestAnswer {
  status: number;
  body: unknown;
}

/** An error PayPal's REST APIs would answer: its `name`, one `details` entry with the issue. */
export interface PaypalIssue {
  status: number;
  name: string;
  issue: string;
  description: string;
  field?: string;
  value?: string;
}

/** The messages PayPal pairs with each error name. */
const MESSAGES: Record<string, string> = {
  INVALID_REQUEST: 'Request is not well-formed, syntactically incorrect, or violates schema.',
  UNPROCESSABLE_ENTITY:
    'The requested action could not be performed, semantically incorrect, or failed business validation.',
  RESOURCE_NOT_FOUND: 'The specified resource does not exist.',
  UNSUPPORTED_MEDIA_TYPE: 'The server does not support the request payload media type.',
};

/** A PayPal-like id: upper-case letters and digits (orders and captures have 17). */
export function paypalId(length = 17): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** PayPal's error body for an issue (`error_400`, `error_422`… of its API specifications). */
export function issueAnswer(problem: PaypalIssue): TestAnswer {
  return {
    status: problem.status,
    body: {
      name: problem.name,
      message: MESSAGES[problem.name] ?? problem.description,
      debug_id: paypalId(13).toLowerCase(),
      details: [
        {
          ...(problem.field === undefined ? {} : { field: problem.field, location: 'body' }),
          ...(problem.value === undefined ? {} : { value: problem.value }),
          issue: problem.issue,
          description: problem.description,
        },
      ],
      links: [
        {
          href: `https://developer.paypal.com/docs/api/orders/v2/#error-${problem.issue}`,
          rel: 'information_link',
          method: 'GET',
        },
      ],
    },
  };
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
  const url = new URL(message.url ?? '/', 'http://paypal.test');
  return {
    method: message.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: message.headers,
    text: Buffer.concat(chunks).toString('utf8'),
  };
}

export function send(response: ServerResponse, answer: TestAnswer): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'paypal-debug-id': paypalId(13).toLowerCase(),
  });
  response.end(text);
}

/** The JSON body of a POST to the REST APIs: PayPal takes only application/json there. */
export function jsonBody(request: TestRequest): { value: unknown } | TestAnswer {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return issueAnswer({
      status: 415,
      name: 'UNSUPPORTED_MEDIA_TYPE',
      issue: 'UNSUPPORTED_MEDIA_TYPE',
      description: `The media type ${type || '(none)'} is not supported; send application/json.`,
    });
  }
  try {
    return { value: request.text === '' ? {} : (JSON.parse(request.text) as unknown) };
  } catch {
    return issueAnswer({
      status: 400,
      name: 'INVALID_REQUEST',
      issue: 'MALFORMED_REQUEST_JSON',
      description: 'The request JSON is not well formed.',
    });
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
