import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CallOutcome,
  type DialOutcome,
  type TestCall,
  callJson,
  checkCall,
  newCall,
} from './twilio-test-calls';
import {
  type FormParams,
  type TestAnswer,
  type TestRequest,
  one,
  readRequest,
  send,
  twilioError,
  twilioSid,
} from './twilio-test-http';
import { AUTHENTICATE, credentialsOf } from './twilio-test-auth';
import { type Lifecycle, advanceMessage, runCall, runMessage } from './twilio-test-lifecycle';
import {
  type TestMessage,
  checkMessage,
  listMessages,
  messageJson,
  newMessage,
} from './twilio-test-messages';
import { type CallbackDelivery, TestWebhooks } from './twilio-test-webhooks';
import { inboundText } from './twilio-test-inbound';

export type { CallbackDelivery } from './twilio-test-webhooks';
export type { TestCall } from './twilio-test-calls';
export type { TestMessage } from './twilio-test-messages';

export interface TwilioTestServerOptions {
  /** The account's numbers (valid `From`s); one random +1 555 number by default. */
  numbers?: string[];
  /** Milliseconds between a message's or call's status steps (25 by default). */
  stepMs?: number;
  /** false: messages stay queued until `advance(sid)` (calls always run). */
  autoAdvance?: boolean;
}

/** A request the server received, for assertions. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  form: FormParams;
  headers: IncomingMessage['headers'];
  /** The Basic auth user: the Account SID or an API key's SID. */
  username: string | null;
}

const API = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)(?:\/([^/]+))?\.json$/;

/**
 * A local stand-in for Twilio's REST API (node:http), with Twilio's
 * semantics for what LeadRail uses: Messages (create, list with To, From and
 * DateSent filters and pages, fetch) and Calls (create with Twiml or Url and
 * status callbacks, fetch) under /2010-04-01/Accounts/{AccountSid}; HTTP
 * Basic auth with the Account SID and Auth Token or an API key (401, code
 * 20003, otherwise); Twilio's error bodies `{code, message, more_info,
 * status}`. Messages move queued → sent → delivered (or fail for numbers a
 * test chooses) and calls ring, connect and end, with status callbacks
 * signed as Twilio signs them (X-Twilio-Signature). It can also send a
 * partner's text to a webhook, signed likewise.
 */
export class TwilioTestServer {
  readonly accountSid = twilioSid('AC');
  readonly authToken = randomBytes(16).toString('hex');
  readonly messagingServiceSid = twilioSid('MG');
  readonly numbers: readonly string[];
  /** Every API request received, oldest first. */
  readonly requests: ReceivedRequest[] = [];
  private readonly messageList: TestMessage[] = [];
  private readonly callList: TestCall[] = [];
  readonly apiKeys = new Map<string, string>();
  private readonly failures = new Map<string, TestMessage['outcome']>();
  private readonly refusals = new Map<string, number>();
  private readonly callOutcomes = new Map<string, CallOutcome>();
  private readonly dialOutcomes = new Map<string, DialOutcome>();
  private readonly running = new Set<Promise<void>>();
  private readonly webhooks: TestWebhooks;
  private readonly lifecycle: Lifecycle;
  private readonly autoAdvance: boolean;
  private failNextRequests: number[] = [];
  private answersToLose = 0;
  private server: Server | undefined;
  private url = '';
  private stopping = false;

  private constructor(options: TwilioTestServerOptions) {
    this.numbers = options.numbers ?? [
      `+1555${String(randomBytes(3).readUIntBE(0, 3) % 10_000_000).padStart(7, '0')}`,
    ];
    this.autoAdvance = options.autoAdvance ?? true;
    this.webhooks = new TestWebhooks(this.authToken);
    this.lifecycle = {
      webhooks: this.webhooks,
      senderNumber: this.numbers[0]!,
      stepMs: options.stepMs ?? 25,
      stopped: () => this.stopping,
    };
  }

  static async start(options: TwilioTestServerOptions = {}): Promise<TwilioTestServer> {
    const twilio = new TwilioTestServer(options);
    const server = createServer((request, response) => void twilio.serve(request, response));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    twilio.server = server;
    twilio.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return twilio;
  }

  get baseUrl(): string {
    return this.url;
  }

  /** The account's first number. */
  get phoneNumber(): string {
    return this.numbers[0]!;
  }

  /** The TWILIO_* variables that point LeadRail at this server (`from`: a number or the Messaging Service). */
  env(from: 'number' | 'messaging-service' = 'number'): Record<string, string> {
    return {
      TWILIO_ACCOUNT_SID: this.accountSid,
      TWILIO_AUTH_TOKEN: this.authToken,
      TWILIO_FROM: from === 'number' ? this.phoneNumber : this.messagingServiceSid,
      TWILIO_API_BASE_URL: this.url,
    };
  }

  /** A new API key of the account (Basic auth as `sid:secret`). */
  createApiKey(): { sid: string; secret: string } {
    const key = { sid: twilioSid('SK'), secret: randomBytes(16).toString('hex') };
    this.apiKeys.set(key.sid, key.secret);
    return key;
  }

  /** Messages created, oldest first. */
  get messages(): readonly TestMessage[] {
    return this.messageList;
  }

  /** Calls created, oldest first. */
  get calls(): readonly TestCall[] {
    return this.callList;
  }

  /** Every webhook request made (status callbacks, texts, dial actions), oldest first. */
  get callbacks(): readonly CallbackDelivery[] {
    return this.webhooks.deliveries;
  }

  /** Messages to `number` end undelivered (after sent) or failed (never sent) with `errorCode`. */
  failDelivery(
    number: string,
    status: 'undelivered' | 'failed' = 'undelivered',
    errorCode = 30003,
  ) {
    this.failures.set(number, { status, errorCode });
  }

  /** Creating a message to `number` is refused with Twilio's `code` (21610 unsubscribed, 21614 not mobile…). */
  refuseMessagesTo(number: string, code: number): void {
    this.refusals.set(number, code);
  }

  /** The next API requests answer these HTTP statuses (500 → 20500, 503 → 20503, 429 → 20429) instead. */
  failNext(...statuses: number[]): void {
    this.failNextRequests.push(...statuses);
  }

  /** The next create is carried out, but its answer never arrives (the connection is dropped). */
  loseNextAnswer(): void {
    this.answersToLose += 1;
  }

  /** How calls to `number` are taken (answered by default). */
  callOutcome(number: string, outcome: CallOutcome): void {
    this.callOutcomes.set(number, outcome);
  }

  /** How a <Dial> to `number` ends (completed by default). */
  dialOutcome(number: string, outcome: DialOutcome): void {
    this.dialOutcomes.set(number, outcome);
  }

  /** Moves a message one status on (with `autoAdvance: false`), calling back as Twilio would. */
  advance(sid: string): Promise<CallbackDelivery | 'no-callback' | null> {
    const message = this.messageList.find((m) => m.sid === sid);
    if (message === undefined) {
      throw new Error(`TwilioTestServer: no message ${sid}`);
    }
    return advanceMessage(message, this.lifecycle);
  }

  /** Resolves once every message and call in motion has reached its end. */
  async settled(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all([...this.running]);
    }
  }

  /** X-Twilio-Signature of a request to `url` with `params`, as Twilio signs it. */
  sign(url: string, params: FormParams): string {
    return this.webhooks.sign(url, params);
  }

  /** POSTs `params` to a webhook, signed, or with the `signature` given (null: none). */
  post(url: string, params: Record<string, string>, signature?: string | null) {
    return this.webhooks.post(url, params, signature);
  }

  /**
   * A text from `from` to the account's number, delivered to `url` (the
   * number's messaging webhook) as Twilio does; a `<Message>` in the TwiML
   * answer is sent back as Twilio would (an outbound-reply message).
   */
  sendInboundSms(url: string, text: { from: string; body: string; to?: string }) {
    return inboundText(url, { ...text, to: text.to ?? this.phoneNumber }, this.accountSid, {
      webhooks: this.webhooks,
      record: (message) => this.messageList.push(message),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.settled().catch(() => undefined);
    const server = this.server;
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  private async serve(message: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const request = await readRequest(message);
      const username = credentialsOf(request, this);
      this.requests.push({
        method: request.method,
        path: request.path,
        query: Object.fromEntries(request.query),
        form: request.form,
        headers: request.headers,
        username: username?.user ?? null,
      });
      const failure = this.failNextRequests.shift();
      if (failure !== undefined) {
        send(response, twilioError(failure, 20000 + failure, `Test failure ${failure}`));
        return;
      }
      const answer = this.route(request, username?.valid === true);
      if (request.method === 'POST' && answer.status === 201 && this.answersToLose > 0) {
        this.answersToLose -= 1;
        response.socket?.destroy();
        return;
      }
      send(response, answer);
    } catch (error) {
      send(response, twilioError(500, 20500, `Internal Server Error: ${String(error)}`));
    }
  }

  private route(request: TestRequest, authenticated: boolean): TestAnswer {
    const found = API.exec(request.path);
    if (!authenticated || (found !== null && found[1] !== this.accountSid)) {
      return AUTHENTICATE;
    }
    const [, , resource, sid] = found ?? [];
    const key = `${request.method} ${resource}${sid === undefined ? '' : '/{Sid}'}`;
    switch (key) {
      case 'POST Messages':
        return this.createMessage(request.form);
      case 'GET Messages':
        return listMessages(this.accountSid, this.messageList, request.query);
      case 'GET Messages/{Sid}':
        return this.fetch(this.messageList, sid!, messageJson, request.path);
      case 'POST Calls':
        return this.createCall(request.form);
      case 'GET Calls/{Sid}':
        return this.fetch(this.callList, sid!, callJson, request.path);
      default:
        return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
    }
  }

  private fetch<T extends { sid: string }>(
    list: readonly T[],
    sid: string,
    json: (item: T) => Record<string, unknown>,
    path: string,
  ): TestAnswer {
    const item = list.find((candidate) => candidate.sid === sid);
    return item === undefined
      ? twilioError(404, 20404, `The requested resource ${path} was not found`)
      : { status: 200, body: json(item) };
  }

  private createMessage(form: FormParams): TestAnswer {
    const checked = checkMessage(form, {
      accountSid: this.accountSid,
      numbers: new Set(this.numbers),
      messagingServiceSids: new Set([this.messagingServiceSid]),
    });
    if ('status' in checked) {
      return checked;
    }
    const refusal = this.refusals.get(checked.to);
    if (refusal !== undefined) {
      return twilioError(400, refusal, `Attempt to send to ${checked.to} refused (${refusal})`);
    }
    const outcome = this.failures.get(checked.to) ?? { status: 'delivered', errorCode: null };
    const message = newMessage(
      this.accountSid,
      checked,
      one(form, 'StatusCallback') ?? null,
      outcome,
      new Date(),
    );
    this.messageList.push(message);
    if (this.autoAdvance) {
      this.track(runMessage(message, this.lifecycle));
    }
    return { status: 201, body: messageJson(message) };
  }

  private createCall(form: FormParams): TestAnswer {
    const checked = checkCall(form, new Set(this.numbers));
    if ('status' in checked) {
      return checked;
    }
    const call = newCall(this.accountSid, checked, new Date());
    this.callList.push(call);
    const script = {
      outcome: this.callOutcomes.get(call.to) ?? 'answer',
      dialOutcome: (number: string) => this.dialOutcomes.get(number) ?? 'completed',
    };
    this.track(runCall(call, script, this.lifecycle));
    return { status: 201, body: callJson(call) };
  }
}
