import { type KeyObject, generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { isObject } from './paypal-test-http';

/** One webhook delivery as PayPal makes it: its headers and its body, byte for byte. */
export interface WebhookDelivery {
  headers: Record<string, string>;
  body: string;
}

/** The fields of a verify-webhook-signature request (Webhooks v1 `verify_webhook_signature`). */
const FIELDS = [
  'auth_algo',
  'cert_url',
  'transmission_id',
  'transmission_sig',
  'transmission_time',
  'webhook_id',
] as const;

export const AUTH_ALGO = 'SHA256withRSA';

/**
 * PayPal's side of webhook signatures. A delivery is signed as PayPal signs
 * it: SHA256withRSA over `<transmission id>|<transmission time>|<webhook
 * id>|<CRC32 of the body, decimal>`. Verification recomputes that from the
 * request, so a forged signature, a changed header, another webhook id or
 * any change to the event's bytes fails; a delivery replayed as it was
 * verifies, as at PayPal (telling replays apart is the receiver's job).
 */
export class TestWebhookSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  /** Bodies sent, by transmission id: how the exact bytes are found in a verification request. */
  private readonly sent = new Map<string, string>();
  readonly certPath = `/v1/notifications/certs/CERT-${randomUUID()}`;

  constructor(private readonly webhookId: string) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  sign(event: object, certUrl: string, at: Date): WebhookDelivery {
    const body = asciiJson(event);
    const transmissionId = randomUUID();
    const time = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const signature = sign(
      'sha256',
      Buffer.from(signedText(transmissionId, time, this.webhookId, body)),
      this.privateKey,
    ).toString('base64');
    this.sent.set(transmissionId, body);
    return {
      headers: {
        'content-type': 'application/json',
        'paypal-transmission-id': transmissionId,
        'paypal-transmission-time': time,
        'paypal-transmission-sig': signature,
        'paypal-cert-url': certUrl,
        'paypal-auth-algo': AUTH_ALGO,
      },
      body,
    };
  }

  /**
   * Answers a verification request (its raw text and parsed body): null when
   * it is malformed (PayPal's 400), else SUCCESS or FAILURE.
   */
  verify(text: string, body: unknown, certUrl: string): 'SUCCESS' | 'FAILURE' | null {
    if (!isObject(body) || !isObject(body.webhook_event)) {
      return null;
    }
    const fields: Partial<Record<(typeof FIELDS)[number], string>> = {};
    for (const field of FIELDS) {
      const value = body[field];
      if (typeof value !== 'string' || value === '') {
        return null;
      }
      fields[field] = value;
    }
    if (
      fields.auth_algo !== AUTH_ALGO ||
      fields.cert_url !== certUrl ||
      fields.webhook_id !== this.webhookId
    ) {
      return 'FAILURE';
    }
    const eventText = this.eventText(text, fields.transmission_id!, body.webhook_event);
    const signed = signedText(
      fields.transmission_id!,
      fields.transmission_time!,
      fields.webhook_id,
      eventText,
    );
    const genuine = verify(
      'sha256',
      Buffer.from(signed),
      this.publicKey,
      Buffer.from(fields.transmission_sig!, 'base64'),
    );
    return genuine ? 'SUCCESS' : 'FAILURE';
  }

  /**
   * The event's bytes: those sent under this transmission id when the request
   * carries them verbatim as its webhook_event, else the event serialised
   * again (what a receiver that re-serialised sent: its CRC will not match).
   */
  private eventText(text: string, transmissionId: string, event: Record<string, unknown>): string {
    const sent = this.sent.get(transmissionId);
    const serialised = JSON.stringify(event);
    if (
      sent !== undefined &&
      text.includes(sent) &&
      JSON.stringify(JSON.parse(sent)) === serialised
    ) {
      return sent;
    }
    return serialised;
  }
}

/**
 * JSON with every non-ASCII character escaped (`£` as `\u00a3`), as some
 * serialisers write it: the same event, other bytes than JSON.stringify's, so
 * a receiver that parses and re-serialises the event fails verification.
 */
function asciiJson(value: object): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function signedText(transmissionId: string, time: string, webhookId: string, body: string): string {
  return `${transmissionId}|${time}|${webhookId}|${crc32(body)}`;
}
