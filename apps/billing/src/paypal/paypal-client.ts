import axios, { type AxiosInstance, type AxiosRequestConfig, isAxiosError } from 'axios';
import type { CreateOrderRequest, PaypalOrder, WebhookTransmission } from './paypal-api';
import { readAccessToken, readOrder } from './paypal-answers';
import { PaypalAccessTokens } from './paypal-access-token';
import type { PaypalConnection } from './paypal.env';
import { PaypalApiError, toPaypalApiError } from './paypal-error';
import type { PaypalMoney } from './paypal-money';

export interface PaypalClientOptions {
  /** Per request, token requests included (10 s): a hung PayPal must not hold a partner's request open. */
  timeoutMs?: number;
  /** Milliseconds since the epoch; tests move it to expire cached tokens. */
  now?: () => number;
}

/** What LeadRail asks PayPal to collect: one amount for one partner. */
export interface OrderToCreate {
  amount: PaypalMoney;
  /** LeadRail's partner id, kept by PayPal as the purchase unit's `custom_id`. */
  customId: string;
  description?: string;
  /** PayPal-Request-Id: the same id again returns the order already created instead of another. */
  requestId?: string;
}

/**
 * The PayPal-Request-Id of an order's capture: derived from the order, so a
 * capture retried for whatever reason (a timeout, a crash before the credit,
 * the partner clicking twice) is the same request to PayPal, which answers
 * with the first capture instead of failing or capturing twice.
 */
export function captureRequestId(orderId: string): string {
  return `leadrail-capture-${orderId}`;
}

/**
 * LeadRail's calls to PayPal's REST API (Orders v2, OAuth 2.0 client
 * credentials, webhook verification), with axios. Every failure is a
 * {@link PaypalApiError} carrying PayPal's issue code.
 */
export class PaypalClient {
  private readonly http: AxiosInstance;
  private readonly tokens: PaypalAccessTokens;

  constructor(
    private readonly connection: PaypalConnection,
    options: PaypalClientOptions = {},
  ) {
    this.http = axios.create({
      baseURL: connection.baseUrl,
      timeout: options.timeoutMs ?? 10_000,
      // PayPal's API does not redirect; following one would send the bearer token elsewhere.
      maxRedirects: 0,
      headers: { Accept: 'application/json' },
    });
    this.tokens = new PaypalAccessTokens(() => this.requestToken(), options.now ?? Date.now);
  }

  /** POST /v2/checkout/orders: an order to pay `amount` at once (intent CAPTURE), still to be approved. */
  createOrder(order: OrderToCreate): Promise<PaypalOrder> {
    const body: CreateOrderRequest = {
      intent: 'CAPTURE',
      purchase_units: [
        {
          amount: order.amount,
          custom_id: order.customId,
          ...(order.description === undefined ? {} : { description: order.description }),
        },
      ],
    };
    return this.call(
      'create order',
      {
        method: 'POST',
        url: '/v2/checkout/orders',
        data: body,
        headers: order.requestId === undefined ? {} : { 'PayPal-Request-Id': order.requestId },
      },
      (data) => readOrder(data, 'create order'),
    );
  }

  /** GET /v2/checkout/orders/{id}: the order as PayPal has it now, its capture included. */
  getOrder(orderId: string): Promise<PaypalOrder> {
    return this.call(
      'get order',
      { method: 'GET', url: `/v2/checkout/orders/${encodeURIComponent(orderId)}` },
      (data) => readOrder(data, 'get order'),
    );
  }

  /**
   * POST /v2/checkout/orders/{id}/capture: takes the approved payment. Refused
   * (422) with ORDER_NOT_APPROVED before the payer approved, and with
   * ORDER_ALREADY_CAPTURED once captured unless the same request is retried.
   */
  captureOrder(orderId: string): Promise<PaypalOrder> {
    return this.call(
      'capture order',
      {
        method: 'POST',
        url: `/v2/checkout/orders/${encodeURIComponent(orderId)}/capture`,
        data: {},
        headers: {
          'PayPal-Request-Id': captureRequestId(orderId),
          // The whole order back, captures included, whatever the app's default.
          Prefer: 'return=representation',
        },
      },
      (data) => readOrder(data, 'capture order'),
    );
  }

  /**
   * POST /v1/notifications/verify-webhook-signature: whether PayPal signed this
   * delivery, for LeadRail's webhook. `rawEvent` is the body exactly as
   * received: PayPal's signature covers those bytes (a CRC32 of them), and an
   * event parsed and serialised again may differ in spacing, key order or
   * number form, so the verification of a genuine event would fail.
   */
  async verifyWebhookSignature(
    transmission: WebhookTransmission,
    rawEvent: string,
  ): Promise<boolean> {
    const fields = JSON.stringify({
      auth_algo: transmission.authAlgo,
      cert_url: transmission.certUrl,
      transmission_id: transmission.transmissionId,
      transmission_sig: transmission.transmissionSig,
      transmission_time: transmission.transmissionTime,
      webhook_id: this.connection.webhookId,
    });
    const body = `${fields.slice(0, -1)},"webhook_event":${rawEvent}}`;
    const status = await this.call(
      'verify webhook signature',
      {
        method: 'POST',
        url: '/v1/notifications/verify-webhook-signature',
        data: body,
        headers: { 'Content-Type': 'application/json' },
        // Sent as built: axios must not parse and re-serialise the event.
        transformRequest: [(data: unknown) => data],
      },
      (data) =>
        (typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {})
          .verification_status,
    );
    if (status !== 'SUCCESS' && status !== 'FAILURE') {
      throw new PaypalApiError(
        'malformed',
        "PayPal's answer to verify webhook signature has no usable verification_status",
      );
    }
    return status === 'SUCCESS';
  }

  /**
   * One authorised call. A cached token PayPal refuses (401: revoked, or
   * expired before its time) is dropped and the call made once more with a new one.
   */
  private async call<T>(
    what: string,
    config: AxiosRequestConfig,
    read: (data: unknown) => T,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const { token, fresh } = await this.tokens.get();
      try {
        const response = await this.http.request({
          ...config,
          headers: {
            ...(config.headers as Record<string, string>),
            Authorization: `Bearer ${token}`,
          },
        });
        return read(response.data);
      } catch (error) {
        if (attempt === 1 && !fresh && isAxiosError(error) && error.response?.status === 401) {
          this.tokens.invalidate(token);
          continue;
        }
        throw toPaypalApiError(error, what);
      }
    }
  }

  /** POST /v1/oauth2/token with the app's client id and secret (HTTP Basic). */
  private async requestToken(): Promise<{ accessToken: string; expiresInSeconds: number }> {
    try {
      const response = await this.http.post('/v1/oauth2/token', 'grant_type=client_credentials', {
        auth: { username: this.connection.clientId, password: this.connection.clientSecret },
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      const token = readAccessToken(response.data);
      if (token.token_type.toLowerCase() !== 'bearer') {
        throw new PaypalApiError(
          'malformed',
          `PayPal issued a ${token.token_type} token, not a bearer token`,
        );
      }
      return { accessToken: token.access_token, expiresInSeconds: token.expires_in };
    } catch (error) {
      throw toPaypalApiError(error, 'the token request');
    }
  }
}
