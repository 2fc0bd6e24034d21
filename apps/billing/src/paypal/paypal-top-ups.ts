import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import type { PaypalCapture } from './paypal-api';
import { approveUrlOf, captureOf } from './paypal-answers';
import { asTopUpError, callPaypal } from './paypal-calls';
import type { PaypalClient } from './paypal-client';
import { PaypalApiError } from './paypal-error';
import { type MinorUnits, fromPaypalMoney, toPaypalMoney } from './paypal-money';
import { PaypalOrders, type PendingPaypalOrder } from './paypal-orders';
import { PaypalTopUpError } from './paypal-top-up-error';
import { PAYMENT_RECORDER, type PaymentRecorder, type PaymentToRecord } from './payment-recorder';

/** Injection token of the PaypalClient, or null while PayPal top-ups are not configured. */
export const PAYPAL_CLIENT = Symbol('PAYPAL_CLIENT');

export type TopUpActor = PaymentToRecord['actor'];

/** A top-up started: where the partner approves it at PayPal. */
export interface StartedTopUp {
  orderId: string;
  approveUrl: string;
  amount: MinorUnits;
}

/** A capture's outcome; the same for the same order however often it is asked for. */
export interface CaptureOutcome {
  orderId: string;
  /** COMPLETED: the money arrived. PENDING: PayPal holds it; its webhook credits when it arrives. */
  status: 'COMPLETED' | 'PENDING';
  captureId: string;
  amount: MinorUnits;
  /** Whether this request credited the account (false: credited before, or not yet). */
  credited: boolean;
}

/**
 * PayPal top-ups of partner accounts: an order at PayPal for an amount in the
 * account's currency, then its capture credited through the PaymentRecorder
 * with the capture id as reference, so the capture's answer and PayPal's
 * webhook, whichever comes first and however often, credit once.
 */
@Injectable()
export class PaypalTopUps {
  private readonly logger = new Logger(PaypalTopUps.name);

  constructor(
    @Inject(PAYPAL_CLIENT) private readonly client: PaypalClient | null,
    @Inject(PAYMENT_RECORDER) private readonly recorder: PaymentRecorder,
    @Inject(PaypalOrders) private readonly orders: PaypalOrders,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** PayPal's client; PAYPAL_NOT_CONFIGURED (503) before anything else while the variables are unset. */
  paypal(): PaypalClient {
    if (this.client === null) {
      throw PaypalTopUpError.notConfigured();
    }
    return this.client;
  }

  /** Creates the PayPal order of a top-up, after checking the account and the amount. */
  async start(partnerId: string, amount: MinorUnits): Promise<StartedTopUp> {
    const paypal = this.paypal();
    const currency = await this.recorder.accountCurrency(partnerId);
    if (currency === null) {
      throw new PaypalTopUpError(
        'ACCOUNT_NOT_FOUND',
        `billing has no account for partner ${partnerId}`,
      );
    }
    if (amount.currency !== currency) {
      throw new PaypalTopUpError(
        'CURRENCY_MISMATCH',
        `partner ${partnerId}'s account is in ${currency}: top it up in ${currency}`,
        [
          {
            field: 'amount.currency',
            message: `amount.currency must be the account's currency, ${currency}`,
          },
        ],
      );
    }
    const money = toPaypalMoney(amount);
    if ('field' in money) {
      throw new PaypalTopUpError('AMOUNT_NOT_PAYABLE_BY_PAYPAL', money.message, [
        { field: `amount.${money.field}`, message: money.message },
      ]);
    }
    const order = await callPaypal(() =>
      paypal.createOrder({
        amount: money,
        customId: partnerId,
        description: 'LeadRail account top-up',
      }),
    );
    const approveUrl = await callPaypal(() => Promise.resolve(approveUrlOf(order)));
    await this.orders.add({ orderId: order.id, partnerId, amount, createdAt: this.clock.now() });
    return { orderId: order.id, approveUrl, amount };
  }

  /**
   * Captures an approved order and credits its partner. `partnerId` limits it
   * to that partner's orders (portal); another's is answered as unknown.
   */
  async capture(orderId: string, actor: TopUpActor, partnerId?: string): Promise<CaptureOutcome> {
    const paypal = this.paypal();
    const order = await this.orders.find(orderId);
    if (order === null || (partnerId !== undefined && order.partnerId !== partnerId)) {
      throw new PaypalTopUpError(
        'PAYPAL_ORDER_NOT_FOUND',
        `no PayPal top-up ${orderId}${partnerId === undefined ? '' : ` for partner ${partnerId}`}`,
      );
    }
    if (order.status === 'captured' && order.captureId !== null) {
      return outcome(order, order.captureId, 'COMPLETED', false);
    }
    if (order.status === 'declined') {
      throw declined(order, order.captureId ?? 'unknown', 'DECLINED');
    }
    // Already captured at PayPal but still pending: PayPal's order says where it stands now.
    const capture =
      order.status === 'capture-pending'
        ? await this.currentCapture(paypal, orderId)
        : await this.captureAtPaypal(paypal, orderId);
    return this.settle(order, capture, actor);
  }

  /**
   * Credits a capture PayPal reports (in its capture answer, its order or a
   * webhook) if it completed, for the order's partner and the order's amount;
   * a capture of another amount is refused, not credited.
   */
  async settle(
    order: PendingPaypalOrder,
    capture: PaypalCapture,
    actor: TopUpActor,
  ): Promise<CaptureOutcome> {
    const captured = fromPaypalMoney(capture.amount);
    if (captured?.amount !== order.amount.amount || captured.currency !== order.amount.currency) {
      const message = `PayPal reports capture ${capture.id} of order ${order.orderId} as ${capture.amount.value} ${capture.amount.currency_code}, not the ${order.amount.amount} minor units of ${order.amount.currency} LeadRail ordered; nothing credited`;
      this.logger.error(message);
      throw new PaypalTopUpError('PAYPAL_ANSWER_UNEXPECTED', message);
    }
    switch (capture.status) {
      case 'COMPLETED': {
        const { credited } = await this.recorder.recordPayment({
          partnerId: order.partnerId,
          amount: order.amount,
          reference: capture.id,
          actor,
          causeId: capture.id,
        });
        await this.orders.markCaptured(order.orderId, capture.id, this.clock.now());
        return outcome(order, capture.id, 'COMPLETED', credited);
      }
      case 'PENDING':
        await this.orders.markCapturePending(order.orderId, capture.id);
        return outcome(order, capture.id, 'PENDING', false);
      case 'DECLINED':
      case 'FAILED':
        await this.orders.markDeclined(order.orderId, capture.id);
        throw declined(order, capture.id, capture.status);
      default:
        // REFUNDED or PARTIALLY_REFUNDED before LeadRail ever credited it: an operator's matter.
        this.logger.warn(
          `capture ${capture.id} of order ${order.orderId} is ${capture.status}; not credited`,
        );
        throw declined(order, capture.id, capture.status);
    }
  }

  private async captureAtPaypal(paypal: PaypalClient, orderId: string): Promise<PaypalCapture> {
    try {
      return captureOrFail(await paypal.captureOrder(orderId), orderId);
    } catch (error) {
      if (error instanceof PaypalApiError && error.hasIssue('ORDER_ALREADY_CAPTURED')) {
        // Captured by an earlier request PayPal no longer matches to ours: read what it captured.
        return this.currentCapture(paypal, orderId);
      }
      if (error instanceof PaypalApiError && error.hasIssue('ORDER_NOT_APPROVED')) {
        throw new PaypalTopUpError(
          'PAYPAL_ORDER_NOT_APPROVED',
          `PayPal order ${orderId} is not approved yet: the partner approves it at its approveUrl first`,
        );
      }
      throw asTopUpError(error);
    }
  }

  private async currentCapture(paypal: PaypalClient, orderId: string): Promise<PaypalCapture> {
    return captureOrFail(await callPaypal(() => paypal.getOrder(orderId)), orderId);
  }
}

function captureOrFail(order: Parameters<typeof captureOf>[0], orderId: string): PaypalCapture {
  const capture = captureOf(order);
  if (capture === undefined) {
    throw new PaypalTopUpError(
      'PAYPAL_ANSWER_UNEXPECTED',
      `PayPal reports order ${orderId} as ${order.status} without a capture`,
    );
  }
  return capture;
}

function outcome(
  order: PendingPaypalOrder,
  captureId: string,
  status: CaptureOutcome['status'],
  credited: boolean,
): CaptureOutcome {
  return { orderId: order.orderId, status, captureId, amount: order.amount, credited };
}

function declined(order: PendingPaypalOrder, captureId: string, status: string): PaypalTopUpError {
  return new PaypalTopUpError(
    'PAYPAL_CAPTURE_NOT_COMPLETED',
    `PayPal reports capture ${captureId} of order ${order.orderId} as ${status}: nothing was credited; start a new top-up`,
  );
}
