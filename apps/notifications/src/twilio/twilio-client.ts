import twilio, { RequestClient, type Twilio } from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient';
import type TwilioResponse from 'twilio/lib/http/response';
import { TWILIO_API, type TwilioConnection } from './twilio.env';

/** How long one call to Twilio's API may take; past it the attempt is retried (and looked up first). */
export const TWILIO_TIMEOUT_MS = 10_000;

/** api.twilio.com and the edge/region forms the library makes of it (api.dublin.ie1.twilio.com). */
const TWILIO_REST_ORIGIN = /^https:\/\/api(?:\.[a-z0-9-]+)*\.twilio\.com(?=\/|$)/i;

/**
 * The library's own HTTP client (axios, its error handling and 429 back-off
 * kept), sending what it addresses to Twilio's REST API to `apiBaseUrl`
 * instead. This is the seam twilio-node offers for it: a client's
 * `httpClient` option takes any RequestClient, and every request (the
 * resources' calls and the pages' `next_page_uri`) passes through it. The
 * library's `edge` and `region` options cannot do this: they only rename the
 * host inside twilio.com (api.<edge>.<region>.twilio.com). A URL outside
 * Twilio's REST API is refused rather than sent, so the credentials never go
 * anywhere but the one API configured.
 */
export class ApiBaseRequestClient extends RequestClient {
  constructor(
    private readonly apiBaseUrl: string,
    options: TwilioRequestClient.RequestClientOptions,
  ) {
    super(options);
  }

  override request<TData>(
    options: TwilioRequestClient.RequestOptions<TData>,
  ): Promise<TwilioResponse<TData>> {
    return super.request({ ...options, uri: rebase(options.uri, this.apiBaseUrl) });
  }
}

/** `uri` at `apiBaseUrl`: the same path and query, another origin. */
export function rebase(uri: string, apiBaseUrl: string): string {
  if (!TWILIO_REST_ORIGIN.test(uri)) {
    throw new Error(`the Twilio client only calls Twilio's REST API, not ${new URL(uri).origin}`);
  }
  return apiBaseUrl === TWILIO_API ? uri : uri.replace(TWILIO_REST_ORIGIN, apiBaseUrl);
}

/**
 * A Twilio client for the account, authenticated with the Auth Token, talking
 * to `apiBaseUrl`. No `edge` or `region` are passed: with a base URL of its
 * own the host is that one; with Twilio's, TWILIO_EDGE and TWILIO_REGION
 * (read by the library itself) still apply.
 */
export function createTwilioClient(connection: TwilioConnection): Twilio {
  return twilio(connection.accountSid, connection.authToken, {
    httpClient: new ApiBaseRequestClient(connection.apiBaseUrl, {
      timeout: TWILIO_TIMEOUT_MS,
      keepAlive: true,
    }),
  });
}

/** Injection token of the Twilio client (`Twilio`), null while Twilio is not configured. */
export const TWILIO_CLIENT = Symbol('TWILIO_CLIENT');
