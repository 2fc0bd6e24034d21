import { Inject, Injectable } from '@nestjs/common';
import { type OutcomeRules, evaluateOutcome } from '@leadrail/delivery-outcomes';
import { type TemplateInput, renderTemplate, templateValues } from '@leadrail/delivery-templates';
import {
  type InternetRequest,
  InternetSender,
  buildInternetRequest,
  maskHeaders,
  maskUrl,
} from '../internet';
import type { AttemptContext, AttemptResult, ChannelSender } from './channel-sender';

/** A partner's internet delivery as the view keeps it, with the settings added after v1's first fields. */
export interface InternetSetting {
  method: 'xml' | 'json' | 'soap-1.1' | 'soap-1.2' | 'post';
  url: string;
  bodyTemplate: string;
  headers: Record<string, string>;
  soapAction?: string | null;
  timeoutSeconds?: number;
  outcome?: OutcomeRules | null;
}

const DEFAULT_TIMEOUT_SECONDS = 10;

/**
 * Delivery over the internet: the partner's body template rendered with the
 * lead's values (escaped for where each stands), the exact request for its
 * method, sent through the outbound guard, and the answer judged by the
 * partner's outcome rules (or the defaults). A setting that cannot make a
 * request (a template that no longer renders) is a permanent error.
 */
@Injectable()
export class InternetChannel implements ChannelSender {
  constructor(@Inject(InternetSender) private readonly sender: InternetSender) {}

  async send(context: AttemptContext): Promise<AttemptResult> {
    const setting: InternetSetting | null = context.partner.delivery.internet;
    const startedAt = new Date().toISOString();
    if (setting === null) {
      return refused(startedAt, 'the partner has no internet delivery configured');
    }
    let request: InternetRequest;
    try {
      request = this.prepare(setting, context.input);
    } catch (error) {
      return refused(
        startedAt,
        `the partner's delivery setting cannot make a request: ${(error as Error).message}`,
      );
    }
    return this.deliver(setting, request);
  }

  /**
   * The exact request for one attempt: the body rendered from the partner's
   * template with the lead's values, headers for its method. Throws when the
   * setting cannot make one (InternetRequestError, DeliveryTemplateError).
   */
  prepare(setting: InternetSetting, input: TemplateInput): InternetRequest {
    const body = renderTemplate(setting.method, setting.bodyTemplate, templateValues(input));
    return buildInternetRequest({
      method: setting.method,
      url: setting.url,
      body,
      headers: setting.headers,
      soapAction: setting.soapAction ?? null,
      deliveryId: input.delivery.id,
      attempt: input.delivery.attempt,
    });
  }

  /** Sends a prepared request and judges the answer by the partner's rules. */
  async deliver(setting: InternetSetting, request: InternetRequest): Promise<AttemptResult> {
    const answer = await this.sender.send(request, {
      timeoutMs: (setting.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    });
    const judged = evaluateOutcome(
      answer.kind === 'response'
        ? { kind: 'response', status: answer.status, headers: answer.headers, body: answer.body }
        : { kind: 'transport-error', code: answer.code, message: answer.message },
      setting.outcome ?? null,
      setting.method,
    );
    return {
      outcome: judged.outcome,
      httpStatus: answer.kind === 'response' ? answer.status : null,
      reason: judged.reason,
      partnerReference: judged.partnerReference,
      retryAfter: answer.kind === 'response' ? (answer.headers['retry-after'] ?? null) : null,
      matched: judged.matched,
      startedAt: answer.startedAt,
      durationMs: answer.durationMs,
      request: loggedRequest(request),
      response:
        answer.kind === 'response'
          ? {
              status: answer.status,
              headers: maskHeaders(answer.headers),
              body: answer.body,
              truncated: answer.truncated,
              redirects: answer.redirects,
            }
          : { error: answer.code, message: answer.message, redirects: answer.redirects },
    };
  }
}

/** The request as the attempt log and test deliveries show it: secrets masked. */
export function loggedRequest(request: InternetRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: maskUrl(request.url),
    headers: maskHeaders(request.headers),
    body: request.body,
  };
}

/** A request that could not be made from the setting: an error no retry mends. */
function refused(startedAt: string, reason: string): AttemptResult {
  return {
    outcome: 'error',
    httpStatus: null,
    reason: reason.slice(0, 500),
    partnerReference: null,
    retryAfter: null,
    permanent: true,
    matched: 'invalid-setting',
    startedAt,
    durationMs: 0,
    request: {},
    response: null,
  };
}
