import type { OrderRequest } from './paypal-test-orders';
import { type PaypalIssue, paypalId } from './paypal-test-http';

/** How the test payer's payment ends when the order is captured. */
export type TestCaptureStatus = 'COMPLETED' | 'PENDING' | 'DECLINED';

/** An order at the test PayPal. */
export interface TestOrder {
  id: string;
  request: OrderRequest;
  status: 'CREATED' | 'APPROVED' | 'COMPLETED';
  createTime: string;
  updateTime: string;
  /** Decided at approval (the payer's funding): what capturing gives. */
  captureStatus: TestCaptureStatus;
  capture?: { id: string; status: string; time: string };
}

function timestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The test PayPal's orders and their lifecycle as Orders v2 has it: CREATED,
 * APPROVED by the payer, COMPLETED by one capture; and their JSON as PayPal
 * shows them (order, capture, webhook event).
 */
export class TestLedger {
  private readonly orders = new Map<string, TestOrder>();

  constructor(private readonly baseUrl: () => string) {}

  create(request: OrderRequest, at: Date): TestOrder {
    const order: TestOrder = {
      id: paypalId(),
      request,
      status: 'CREATED',
      createTime: timestamp(at),
      updateTime: timestamp(at),
      captureStatus: 'COMPLETED',
    };
    this.orders.set(order.id, order);
    return order;
  }

  find(orderId: string): TestOrder | undefined {
    return this.orders.get(orderId);
  }

  /** The payer approves at PayPal (what the approve link leads to). */
  approve(orderId: string, captureStatus: TestCaptureStatus): void {
    const order = this.orders.get(orderId);
    if (order?.status !== 'CREATED') {
      throw new Error(
        `PaypalTestServer: order ${orderId} is ${order?.status ?? 'unknown'}, not CREATED`,
      );
    }
    order.status = 'APPROVED';
    order.captureStatus = captureStatus;
  }

  /** Captures an approved order, or PayPal's refusal. */
  capture(orderId: string, at: Date): TestOrder | PaypalIssue {
    const order = this.orders.get(orderId);
    if (order === undefined) {
      return orderNotFound(orderId);
    }
    if (order.request.intent !== 'CAPTURE') {
      return refusal(
        'ACTION_DOES_NOT_MATCH_INTENT',
        'Order was created with an intent of AUTHORIZE; it cannot be captured.',
      );
    }
    if (order.status === 'CREATED') {
      return refusal('ORDER_NOT_APPROVED', 'Payer has not yet approved the Order for payment.');
    }
    if (order.status === 'COMPLETED') {
      return refusal(
        'ORDER_ALREADY_CAPTURED',
        'Order already captured. If intent=CAPTURE only one capture per order is allowed.',
      );
    }
    order.status = 'COMPLETED';
    order.updateTime = timestamp(at);
    order.capture = { id: paypalId(), status: order.captureStatus, time: timestamp(at) };
    return order;
  }

  /** PayPal settles a pending capture (the funds arrived). */
  complete(order: TestOrder, at: Date): void {
    if (order.capture !== undefined && order.capture.status === 'PENDING') {
      order.capture.status = 'COMPLETED';
      order.capture.time = timestamp(at);
    }
  }

  orderJson(order: TestOrder): Record<string, unknown> {
    const base = this.baseUrl();
    const self = `${base}/v2/checkout/orders/${order.id}`;
    const links =
      order.status === 'CREATED'
        ? [
            { href: self, rel: 'self', method: 'GET' },
            { href: `${base}/checkoutnow?token=${order.id}`, rel: 'approve', method: 'GET' },
            { href: self, rel: 'update', method: 'PATCH' },
            { href: `${self}/capture`, rel: 'capture', method: 'POST' },
          ]
        : [{ href: self, rel: 'self', method: 'GET' }];
    const { customId, description } = order.request;
    return {
      id: order.id,
      intent: order.request.intent,
      status: order.status,
      purchase_units: [
        {
          reference_id: 'default',
          amount: order.request.amount,
          ...(customId === undefined ? {} : { custom_id: customId }),
          ...(description === undefined ? {} : { description }),
          payee: { merchant_id: 'TESTMERCHANT01' },
          ...(order.capture === undefined
            ? {}
            : { payments: { captures: [this.captureJson(order)] } }),
        },
      ],
      create_time: order.createTime,
      update_time: order.updateTime,
      links,
    };
  }

  captureJson(order: TestOrder): Record<string, unknown> {
    const capture = order.capture!;
    const base = this.baseUrl();
    return {
      id: capture.id,
      status: capture.status,
      amount: order.request.amount,
      final_capture: true,
      seller_protection: {
        status: 'ELIGIBLE',
        dispute_categories: ['ITEM_NOT_RECEIVED', 'UNAUTHORIZED_TRANSACTION'],
      },
      ...(order.request.customId === undefined ? {} : { custom_id: order.request.customId }),
      create_time: capture.time,
      update_time: capture.time,
      links: [
        { href: `${base}/v2/payments/captures/${capture.id}`, rel: 'self', method: 'GET' },
        {
          href: `${base}/v2/payments/captures/${capture.id}/refund`,
          rel: 'refund',
          method: 'POST',
        },
        { href: `${base}/v2/checkout/orders/${order.id}`, rel: 'up', method: 'GET' },
      ],
    };
  }

  /** A PAYMENT.CAPTURE.COMPLETED event of the order's capture, as PayPal sends it. */
  captureCompletedEvent(order: TestOrder, at: Date): Record<string, unknown> {
    const id = `WH-${paypalId()}-${paypalId()}`;
    const { currency_code, value } = order.request.amount;
    return {
      id,
      event_version: '1.0',
      create_time: at.toISOString(),
      resource_type: 'capture',
      resource_version: '2.0',
      event_type: 'PAYMENT.CAPTURE.COMPLETED',
      summary: `Payment completed for ${currency_code === 'GBP' ? '£' : ''}${value} ${currency_code}`,
      resource: {
        ...this.captureJson(order),
        supplementary_data: { related_ids: { order_id: order.id } },
      },
      links: [
        {
          href: `${this.baseUrl()}/v1/notifications/webhooks-events/${id}`,
          rel: 'self',
          method: 'GET',
        },
        {
          href: `${this.baseUrl()}/v1/notifications/webhooks-events/${id}/resend`,
          rel: 'resend',
          method: 'POST',
        },
      ],
    };
  }
}

/** PayPal's 404 for an order id it does not know. */
export function orderNotFound(orderId: string): PaypalIssue {
  return {
    status: 404,
    name: 'RESOURCE_NOT_FOUND',
    issue: 'INVALID_RESOURCE_ID',
    field: 'order_id',
    value: orderId,
    description:
      'Specified resource ID does not exist. Please check the resource ID and try again.',
  };
}

function refusal(issue: string, description: string): PaypalIssue {
  return { status: 422, name: 'UNPROCESSABLE_ENTITY', issue, description };
}
