import type { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { CAPTURE_COMPLETED, type PaypalWebhookEvent, type WebhookTransmission } from './paypal-api';
import { readCapture } from './paypal-answers';
import { callPaypal } from './paypal-calls';
import { PaypalOrders } from './paypal-orders';
import { PaypalTopUpError } from './paypal-top-up-error';
import { PaypalTopUps } from './paypal-top-ups';
import { PaypalWebhookTransmissions } from './paypal-webhook-transmissions';

/**
 * How old a delivery may be. PayPal stamps each delivery attempt (its retries
 * too) with the time it sends it and signs that time, so a genuine delivery is
 * seconds old; one older than this is a recorded delivery sent again.
 */
export const WEBHOOK_MAX_AGE_MS = 15 * 60_000;
/** Clocks differ a little: a delivery stamped this far ahead is still taken. */
const WEBHOOK_CLOCK_SKEW_MS = 5 * 60_000;

/** The webhook's actor: payments it credits were made by no operator or partner request. */
const WEBHOOK_ACTOR = { type: 'system', id: 'paypal-webhook' } as const;

/** What LeadRail did with a verified event. */
export interface WebhookOutcome {
  received: true;
  eventType: string;
  /** False for events LeadRail does not act on (answered 200 all the same, so PayPal stops sending them). */
  handled: boolean;
  credited: boolean;
  reason?: string;
}

const HEADERS: readonly [keyof WebhookTransmission, string][] = [
  ['transmissionId', 'paypal-transmission-id'],
  ['transmissionTime', 'paypal-transmission-time'],
  ['transmissionSig', 'paypal-transmission-sig'],
  ['certUrl', 'paypal-cert-url'],
  ['authAlgo', 'paypal-auth-algo'],
];

/**
 * PayPal's webhook deliveries. Nothing in one is believed before PayPal's
 * verify-webhook-signature call confirms it (forged or tampered: 400), then
 * its transmission is recorded once (replayed: 400), and only then is the
 * event read: PAYMENT.CAPTURE.COMPLETED of a LeadRail order is credited like
 * the capture's answer, with the capture id as reference, so it credits once.
 */
@Injectable()
export class PaypalWebhooks {
  private readonly logger = new Logger(PaypalWebhooks.name);

  constructor(
    @Inject(PaypalTopUps) private readonly topUps: PaypalTopUps,
    @Inject(PaypalOrders) private readonly orders: PaypalOrders,
    @Inject(PaypalWebhookTransmissions) private readonly transmissions: PaypalWebhookTransmissions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `rawBody`: the bytes PayPal sent (the service keeps them for every JSON request); `body`: them parsed. */
  async receive(
    headers: IncomingHttpHeaders,
    rawBody: Buffer | undefined,
    body: unknown,
  ): Promise<WebhookOutcome> {
    const paypal = this.topUps.paypal();
    const transmission = readTransmission(headers);
    if (rawBody === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw notVerified(
        'the body must be the JSON event PayPal sent (Content-Type: application/json)',
      );
    }
    const now = this.clock.now();
    this.refuseStale(transmission, now);
    const verified = await callPaypal(() =>
      paypal.verifyWebhookSignature(transmission, rawBody.toString('utf8')),
    );
    if (!verified) {
      this.logger.warn(
        `webhook transmission ${transmission.transmissionId} failed PayPal's verification`,
      );
      throw notVerified("PayPal did not confirm this delivery's signature; nothing was done");
    }
    const event = readEvent(body);
    const claimed = await this.transmissions.claim({
      transmissionId: transmission.transmissionId,
      eventId: event.id,
      eventType: event.event_type,
      receivedAt: now,
    });
    if (!claimed) {
      throw new PaypalTopUpError(
        'WEBHOOK_REPLAYED',
        `transmission ${transmission.transmissionId} was received before: a replay, refused; nothing was done`,
      );
    }
    await this.transmissions.pruneReceivedBefore(new Date(now.getTime() - 2 * WEBHOOK_MAX_AGE_MS));
    try {
      return await this.handle(event);
    } catch (error) {
      await this.transmissions.release(transmission.transmissionId);
      throw error;
    }
  }

  /**
   * PayPal signs the transmission time, so a recorded delivery cannot be
   * restamped. Checked before verification only to refuse early: an unverified
   * time can get a delivery refused, never accepted.
   */
  private refuseStale(transmission: WebhookTransmission, now: Date): void {
    const sentAt = Date.parse(transmission.transmissionTime);
    if (Number.isNaN(sentAt)) {
      throw notVerified(
        'PAYPAL-TRANSMISSION-TIME is not a date and time',
        'paypal-transmission-time',
      );
    }
    const age = now.getTime() - sentAt;
    if (age > WEBHOOK_MAX_AGE_MS || age < -WEBHOOK_CLOCK_SKEW_MS) {
      throw new PaypalTopUpError(
        'WEBHOOK_REPLAYED',
        `transmission ${transmission.transmissionId} was sent at ${transmission.transmissionTime}, outside the ${WEBHOOK_MAX_AGE_MS / 60_000} minutes a delivery is taken: refused as a replay; nothing was done`,
      );
    }
  }

  private async handle(event: PaypalWebhookEvent): Promise<WebhookOutcome> {
    const ignored = (reason: string): WebhookOutcome => ({
      received: true,
      eventType: event.event_type,
      handled: false,
      credited: false,
      reason,
    });
    if (event.event_type !== CAPTURE_COMPLETED) {
      return ignored(`LeadRail acts on ${CAPTURE_COMPLETED} only`);
    }
    let capture;
    try {
      capture = readCapture(event.resource, CAPTURE_COMPLETED);
    } catch (error) {
      this.logger.warn(`event ${event.id}: ${(error as Error).message}`);
      return ignored('the event has no readable capture');
    }
    const orderId = capture.supplementary_data?.related_ids?.order_id;
    const order = orderId === undefined ? null : await this.orders.find(orderId);
    if (order === null) {
      // The PayPal account may take other payments than LeadRail's top-ups.
      this.logger.log(
        `event ${event.id}: capture ${capture.id} is of no LeadRail top-up (order ${orderId ?? 'none'})`,
      );
      return ignored(`order ${orderId ?? '(none)'} is not a LeadRail top-up`);
    }
    if (order.status === 'captured') {
      return { received: true, eventType: event.event_type, handled: true, credited: false };
    }
    try {
      const settled = await this.topUps.settle(order, capture, WEBHOOK_ACTOR);
      return {
        received: true,
        eventType: event.event_type,
        handled: true,
        credited: settled.credited,
      };
    } catch (error) {
      // Verified but not creditable (another amount, a declined capture): logged; a retry would not change it.
      if (error instanceof PaypalTopUpError) {
        return ignored(error.message);
      }
      throw error;
    }
  }
}

function notVerified(message: string, field?: string): PaypalTopUpError {
  return new PaypalTopUpError(
    'WEBHOOK_NOT_VERIFIED',
    message,
    field === undefined ? [] : [{ field: `headers.${field}`, message }],
  );
}

/** The PAYPAL-* headers verification needs; every missing one named. */
function readTransmission(headers: IncomingHttpHeaders): WebhookTransmission {
  const problems: { field: string; message: string }[] = [];
  const values: Partial<WebhookTransmission> = {};
  for (const [key, header] of HEADERS) {
    const value = headers[header];
    if (typeof value !== 'string' || value.trim() === '' || value.length > 1000) {
      problems.push({
        field: `headers.${header}`,
        message: `${header.toUpperCase()} is required: PayPal sends it with every delivery`,
      });
    } else {
      values[key] = value.trim();
    }
  }
  if (problems.length > 0) {
    throw new PaypalTopUpError(
      'WEBHOOK_NOT_VERIFIED',
      'this is not a PayPal webhook delivery: its PAYPAL-* headers are missing',
      problems,
    );
  }
  return values as WebhookTransmission;
}

/** The verified event's id and type; a verified event without them is PayPal's to explain, answered 400. */
function readEvent(body: object): PaypalWebhookEvent {
  const event = body as Record<string, unknown>;
  if (typeof event.id !== 'string' || typeof event.event_type !== 'string') {
    throw notVerified('the event has no id or event_type');
  }
  return { id: event.id, event_type: event.event_type, resource: event.resource };
}
