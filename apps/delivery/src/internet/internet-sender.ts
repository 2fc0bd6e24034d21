import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { OutboundAddressPolicy } from '@leadrail/nest-kit';
import type { OutboundCheckOptions, OutboundVerdict } from '@leadrail/outbound-guard';
import axios, {
  AxiosHeaders,
  type AxiosInstance,
  type AxiosRequestConfig,
  type AxiosResponse,
} from 'axios';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type Readable, addAbortSignal } from 'node:stream';
import type { InternetAnswer, InternetResponse, InternetTransportError } from './internet-answer';
import type { InternetRequest } from './internet-request';
import { maskUrl } from './masking';
import { nextStep } from './redirects';
import { readKeptBody } from './response-body';
import {
  type TransportFailure,
  TransportFailureError,
  classifyFailure,
  guardFailureCode,
} from './transport-failure';

/**
 * What the sender needs of the outbound-address guard: `OutboundAddressPolicy`
 * of `@leadrail/nest-kit` in the service, an `OutboundAddressGuard` in tests.
 */
export interface OutboundGuard {
  check(url: string, options?: OutboundCheckOptions): Promise<OutboundVerdict>;
  lookupFor(url: string): LookupFunction;
}

/** Options of one send. */
export interface SendOptions {
  /** The whole attempt: DNS, connect, TLS, request, response headers and body, redirects. */
  readonly timeoutMs: number;
}

type Exchange = Pick<InternetResponse, 'status' | 'headers' | 'body' | 'truncated'>;

/**
 * Sends internet deliveries. Never throws for the network's or the partner's
 * trouble: every failure is a `transport-error` answer. Every connection goes
 * through the outbound guard: the URL (and each redirect's) is checked first,
 * and the guard's `lookup` checks the addresses actually connected to, so DNS
 * rebinding cannot reach an internal address. Connections are kept alive in
 * agents of the sender's own, which only ever hold guarded connections; no
 * proxy is used (a proxy would resolve names where the guard cannot see).
 */
@Injectable()
export class InternetSender implements OnModuleDestroy {
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });
  private readonly client: AxiosInstance;

  constructor(@Inject(OutboundAddressPolicy) private readonly guard: OutboundGuard) {
    this.client = axios.create({
      maxRedirects: 0, // followed here, each one checked by the guard
      proxy: false,
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      responseType: 'stream',
      decompress: true,
      validateStatus: () => true, // outcome rules judge statuses, not the sender
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      maxBodyLength: -1,
      maxContentLength: -1, // capped while reading, see readKeptBody
      timeout: 0, // the whole attempt has one deadline, see send
    });
  }

  /** Sends `request`; the answer, or why there is none. */
  async send(request: InternetRequest, options: SendOptions): Promise<InternetAnswer> {
    const startedAt = new Date().toISOString();
    const started = performance.now();
    const redirects: string[] = [];
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), Math.max(1, options.timeoutMs));
    const timing = () => ({
      startedAt,
      durationMs: Math.round(performance.now() - started),
      redirects: [...redirects],
    });
    try {
      const exchange = await this.exchange(request, deadline.signal, redirects);
      return { kind: 'response', ...exchange, ...timing() };
    } catch (error) {
      const failure: TransportFailure = deadline.signal.aborted
        ? {
            code: 'timeout',
            message: `no complete answer within ${options.timeoutMs} ms`,
          }
        : classifyFailure(error);
      const answer: InternetTransportError = { kind: 'transport-error', ...failure, ...timing() };
      return answer;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the kept-alive connections. */
  onModuleDestroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async exchange(
    request: InternetRequest,
    signal: AbortSignal,
    redirects: string[],
  ): Promise<Exchange> {
    refuseUnsendableHeaders(request.headers);
    const body = Buffer.from(request.body, 'utf8');
    let url = request.url;
    let headers = request.headers;
    for (;;) {
      const lookup = await this.screen(url, redirects.length > 0);
      const response = await this.client.request<Readable>({
        url,
        method: 'POST',
        headers,
        data: body,
        // Node's lookup signature; axios passes it to http.request as it is (its types are narrower).
        lookup: lookup as AxiosRequestConfig['lookup'],
        signal,
      });
      const answerHeaders = plainHeaders(response.headers);
      try {
        const step = nextStep({
          status: response.status,
          location: answerHeaders['location'],
          url,
          headers,
          followed: redirects.length,
        });
        if (step.kind === 'answer') {
          const kept = await readKeptBody(addAbortSignal(signal, response.data), answerHeaders);
          return { status: response.status, headers: answerHeaders, ...kept };
        }
        redirects.push(step.url);
        url = step.url;
        headers = step.headers;
      } finally {
        release(response);
      }
    }
  }

  /** The URL's verdict without DNS (literal addresses, names, scheme); the guarded lookup does the rest. */
  private async screen(url: string, redirected: boolean): Promise<LookupFunction> {
    const verdict = await this.guard.check(url, { resolve: false });
    if (!verdict.allowed) {
      const prefix = redirected ? `the redirect to ${maskUrl(url)} was refused: ` : '';
      throw new TransportFailureError({
        code: guardFailureCode(verdict.code),
        message: `${prefix}${verdict.message}`,
      });
    }
    return this.guard.lookupFor(url);
  }
}

// RFC 9110 token characters; visible ASCII, space and tab.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * A request not made by `buildInternetRequest` may carry what axios would
 * silently strip (CR, LF, NUL): refuse it rather than send something else.
 */
function refuseUnsendableHeaders(headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw new TransportFailureError({
        code: 'invalid-request',
        message: `the header ${JSON.stringify(name)} cannot be sent: names are tokens, values printable ASCII`,
      });
    }
  }
}

/** Lets the connection go back to the pool when the body was read, destroys it otherwise. */
function release(response: AxiosResponse<Readable>): void {
  if (!response.data.readableEnded) {
    response.data.destroy();
    (response.request as http.ClientRequest | undefined)?.destroy();
  }
}

function plainHeaders(headers: unknown): Record<string, string> {
  const source =
    headers instanceof AxiosHeaders
      ? (headers.toJSON(true) as Record<string, unknown>)
      : ((headers ?? {}) as Record<string, unknown>);
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && value !== null) {
      plain[name.toLowerCase()] = headerText(value);
    }
  }
  return plain;
}

function headerText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  return Array.isArray(value) ? value.map(headerText).join(', ') : JSON.stringify(value);
}
