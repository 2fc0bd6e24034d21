import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type TestAnswer,
  type TestRequest,
  issueAnswer,
  jsonBody,
  readRequest,
  send,
} from './paypal-test-http';
import { type TestCaptureStatus, TestLedger, orderNotFound } from './paypal-test-ledger';
import { checkOrderRequest } from './paypal-test-orders';
import { TestWebhookSigner, type WebhookDelivery } from './paypal-test-webhooks';

export type { WebhookDelivery } from './paypal-test-webhooks';

export interface PaypalTestServerOptions {
  clientId?: string;
  clientSecret?: string;
  webhookId?: string;
  /** `expires_in` of the access tokens it issues (PayPal: 32400). */
  tokenTtlSeconds?: number;
}

/** A request the server received, for assertions (PayPal-Request-Id, tokens…). */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** What LeadRail's webhook answered a delivery. */
export interface WebhookAnswer {
  status: number;
  body: unknown;
}

const INVALID_TOKEN = {
  status: 401,
  body: {
    error: 'invalid_token',
    error_description: 'The token passed in was not found in the system',
  },
};

/**
 * A local stand-in for PayPal's REST API: the endpoints LeadRail calls, with
 * PayPal's semantics. OAuth client credentials (Basic auth, 401
 * invalid_client otherwise) issue bearer tokens every other call needs (401
 * invalid_token otherwise); Orders v2 checks order bodies as PayPal does (400
 * INVALID_REQUEST, 422 CURRENCY_NOT_SUPPORTED, DECIMALS_NOT_SUPPORTED…),
 * captures only APPROVED orders (422 ORDER_NOT_APPROVED, then
 * ORDER_ALREADY_CAPTURED) and answers a repeated PayPal-Request-Id with the
 * first request's result; webhooks are signed and verified as PayPal does.
 * `approve` stands in for the payer.
 */
export class PaypalTestServer {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly webhookId: string;
  /** Every request received, oldest first. */
  readonly requests: ReceivedRequest[] = [];
  private readonly tokenTtlSeconds: number;
  private readonly tokens = new Map<string, number>();
  private readonly ledger = new TestLedger(() => this.baseUrl);
  private readonly signer: TestWebhookSigner;
  /** Requests by PayPal-Request-Id: the order each one concerned. */
  private readonly requestIds = new Map<string, string>();
  private server: Server | undefined;
  private url = '';

  private constructor(options: PaypalTestServerOptions) {
    this.clientId = options.clientId ?? `test-client-${randomBytes(6).toString('hex')}`;
    this.clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
    this.webhookId = options.webhookId ?? `WH${randomBytes(8).toString('hex').toUpperCase()}`;
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 32_400;
    this.signer = new TestWebhookSigner(this.webhookId);
  }

  static async start(options: PaypalTestServerOptions = {}): Promise<PaypalTestServer> {
    const paypal = new PaypalTestServer(options);
    const server = createServer((request, response) => void paypal.serve(request, response));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    paypal.server = server;
    paypal.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return paypal;
  }

  get baseUrl(): string {
    return this.url;
  }

  /** The PAYPAL_* variables that point LeadRail at this server. */
  env(): Record<string, string> {
    return {
      PAYPAL_BASE_URL: this.url,
      PAYPAL_CLIENT_ID: this.clientId,
      PAYPAL_CLIENT_SECRET: this.clientSecret,
      PAYPAL_WEBHOOK_ID: this.webhookId,
    };
  }

  /** Token requests received (accepted or not). */
  get tokenRequests(): number {
    return this.requests.filter((request) => request.path === '/v1/oauth2/token').length;
  }

  /** The payer approves the order; `capture` decides how its capture ends (COMPLETED by default). */
  approve(orderId: string, capture: TestCaptureStatus = 'COMPLETED'): void {
    this.ledger.approve(orderId, capture);
  }

  /** The order as PayPal shows it (GET /v2/checkout/orders/{id}), or undefined. */
  order(orderId: string): Record<string, unknown> | undefined {
    const order = this.ledger.find(orderId);
    return order === undefined ? undefined : this.ledger.orderJson(order);
  }

  /** Every token issued stops working (PayPal revoked them, or they expired early). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /**
   * A signed PAYMENT.CAPTURE.COMPLETED delivery of the order's capture, not
   * sent (a pending capture completes first). `at`: its transmission time.
   */
  captureWebhook(orderId: string, at = new Date()): WebhookDelivery {
    const order = this.ledger.find(orderId);
    if (order?.capture === undefined) {
      throw new Error(`PaypalTestServer: order ${orderId} has no capture to announce`);
    }
    this.ledger.complete(order, at);
    return this.signer.sign(this.ledger.captureCompletedEvent(order, at), this.certUrl(), at);
  }

  /** Signs and POSTs PAYMENT.CAPTURE.COMPLETED of the order to `url`, as PayPal does. */
  async sendCaptureWebhook(
    url: string,
    orderId: string,
  ): Promise<WebhookAnswer & { delivery: WebhookDelivery }> {
    const delivery = this.captureWebhook(orderId);
    return { ...(await this.deliver(url, delivery)), delivery };
  }

  /** POSTs a delivery (a replay, or one changed on the way) to `url`. */
  async deliver(url: string, delivery: WebhookDelivery): Promise<WebhookAnswer> {
    const response = await fetch(url, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // kept as text
    }
    return { status: response.status, body };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
    }
  }

  private certUrl(): string {
    return `${this.url}${this.signer.certPath}`;
  }

  private async serve(message: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const request = await readRequest(message);
      this.requests.push({ method: request.method, path: request.path, headers: request.headers });
      send(response, this.route(request));
    } catch (error) {
      send(response, {
        status: 500,
        body: { name: 'INTERNAL_SERVER_ERROR', message: String(error) },
      });
    }
  }

  private route(request: TestRequest): TestAnswer {
    const { method, path } = request;
    if (method === 'POST' && path === '/v1/oauth2/token') {
      return this.token(request);
    }
    if (!this.authorised(request)) {
      return INVALID_TOKEN;
    }
    const orderPath = /^\/v2\/checkout\/orders\/([^/]+)(\/capture)?$/.exec(path);
    if (method === 'POST' && path === '/v2/checkout/orders') {
      return this.createOrder(request);
    }
    if (method === 'GET' && orderPath !== null && orderPath[2] === undefined) {
      const order = this.ledger.find(decodeURIComponent(orderPath[1]!));
      return order === undefined
        ? issueAnswer(orderNotFound(orderPath[1]!))
        : { status: 200, body: this.ledger.orderJson(order) };
    }
    if (method === 'POST' && orderPath !== null && orderPath[2] === '/capture') {
      return this.captureOrder(request, decodeURIComponent(orderPath[1]!));
    }
    if (method === 'POST' && path === '/v1/notifications/verify-webhook-signature') {
      return this.verifyWebhook(request);
    }
    return issueAnswer({
      status: 404,
      name: 'RESOURCE_NOT_FOUND',
      issue: 'NOT_FOUND',
      description: `${method} ${path} is not an endpoint`,
    });
  }

  private token(request: TestRequest): TestAnswer {
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const [id, secret] = Buffer.from(basic ?? '', 'base64')
      .toString('utf8')
      .split(/:(.*)/s);
    if (
      id === undefined ||
      secret === undefined ||
      !same(id, this.clientId) ||
      !same(secret, this.clientSecret)
    ) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client Authentication failed' },
      };
    }
    const form = new URLSearchParams(request.text);
    if (
      !/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '') ||
      form.get('grant_type') !== 'client_credentials'
    ) {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'Grant Type is NULL' },
      };
    }
    const token = `A21AA${randomBytes(32).toString('base64url')}`;
    this.tokens.set(token, Date.now() + this.tokenTtlSeconds * 1000);
    return {
      status: 200,
      body: {
        scope:
          'https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/webhooks',
        access_token: token,
        token_type: 'Bearer',
        app_id: 'APP-80W284485P519543T',
        expires_in: this.tokenTtlSeconds,
        nonce: `${new Date().toISOString()}${randomBytes(8).toString('hex')}`,
      },
    };
  }

  private authorised(request: TestRequest): boolean {
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const expiresAt = token === undefined ? undefined : this.tokens.get(token);
    return expiresAt !== undefined && Date.now() < expiresAt;
  }

  private createOrder(request: TestRequest): TestAnswer {
    const body = jsonBody(request);
    if (!('value' in body)) {
      return body;
    }
    const repeated = this.repeated(request);
    if (repeated !== undefined) {
      return { status: 200, body: this.ledger.orderJson(repeated) };
    }
    const checked = checkOrderRequest(body.value);
    if ('issue' in checked) {
      return issueAnswer(checked);
    }
    const order = this.ledger.create(checked, new Date());
    this.remember(request, order.id);
    const full = /return=representation/i.test(String(request.headers.prefer ?? ''));
    const json = this.ledger.orderJson(order);
    return {
      status: 201,
      body: full ? json : { id: json.id, status: json.status, links: json.links },
    };
  }

  private captureOrder(request: TestRequest, orderId: string): TestAnswer {
    const body = jsonBody(request);
    if (!('value' in body)) {
      return body;
    }
    // The same PayPal-Request-Id again: the first capture as it stands now, not ORDER_ALREADY_CAPTURED.
    const repeated = this.repeated(request);
    if (repeated !== undefined && repeated.id === orderId) {
      return { status: 201, body: this.ledger.orderJson(repeated) };
    }
    const captured = this.ledger.capture(orderId, new Date());
    if ('issue' in captured) {
      return issueAnswer(captured);
    }
    this.remember(request, orderId);
    return { status: 201, body: this.ledger.orderJson(captured) };
  }

  private verifyWebhook(request: TestRequest): TestAnswer {
    const body = jsonBody(request);
    if (!('value' in body)) {
      return body;
    }
    const status = this.signer.verify(request.text, body.value, this.certUrl());
    if (status === null) {
      return issueAnswer({
        status: 400,
        name: 'VALIDATION_ERROR',
        issue: 'MISSING_REQUIRED_PARAMETER',
        description:
          'auth_algo, cert_url, transmission_id, transmission_sig, transmission_time, webhook_id and webhook_event are required',
      });
    }
    return { status: 200, body: { verification_status: status } };
  }

  private repeated(request: TestRequest) {
    const id = request.headers['paypal-request-id'];
    const orderId =
      typeof id === 'string' ? this.requestIds.get(`${request.path} ${id}`) : undefined;
    return orderId === undefined ? undefined : this.ledger.find(orderId);
  }

  private remember(request: TestRequest, orderId: string): void {
    const id = request.headers['paypal-request-id'];
    if (typeof id === 'string') {
      this.requestIds.set(`${request.path} ${id}`, orderId);
    }
  }
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
