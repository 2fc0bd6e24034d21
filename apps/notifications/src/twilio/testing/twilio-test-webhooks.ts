import { randomUUID } from 'node:crypto';
import { type FormParams, twilioSignature } from './twilio-test-http';

/** A request the test server made to a webhook (a status callback, an inbound text, a dial's action). */
export interface CallbackDelivery {
  url: string;
  params: Record<string, string>;
  signature: string;
  /** The webhook's answer; null when it could not be reached. */
  status: number | null;
  contentType: string | null;
  body: string;
}

/**
 * Posts to webhooks as Twilio does: a form-encoded POST, signed with the
 * Auth Token in X-Twilio-Signature, with Twilio's user agent and idempotency
 * token. Every request is kept, answered or not.
 */
export class TestWebhooks {
  readonly deliveries: CallbackDelivery[] = [];

  constructor(private readonly authToken: string) {}

  sign(url: string, params: FormParams): string {
    return twilioSignature(this.authToken, url, params);
  }

  /** POSTs `params` to `url`, signed unless a `signature` (forged, or of other parameters) is given. */
  async post(
    url: string,
    params: Record<string, string>,
    signature: string | null = this.sign(url, params),
  ): Promise<CallbackDelivery> {
    const delivery: CallbackDelivery = {
      url,
      params,
      signature: signature ?? '',
      status: null,
      contentType: null,
      body: '',
    };
    this.deliveries.push(delivery);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': 'TwilioProxy/1.1',
          'i-twilio-idempotency-token': randomUUID(),
          ...(signature === null ? {} : { 'x-twilio-signature': signature }),
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      delivery.status = response.status;
      delivery.contentType = response.headers.get('content-type');
      delivery.body = await response.text();
    } catch (error) {
      delivery.body = (error as Error).message;
    }
    return delivery;
  }
}
