import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
  createParamDecorator,
} from '@nestjs/common';
import type { Request } from 'express';
import { validateRequest } from 'twilio';
import { TWILIO_SETTINGS, type TwilioSettings } from './twilio.env';

/** The form parameters of a request Twilio signed: a name's repeated values as an array. */
export type TwilioParamsOf = Record<string, string | string[]>;

type TwilioRequest = Request & { rawBody?: Buffer; twilioParams?: TwilioParamsOf };

/**
 * Lets through only requests Twilio signed. Twilio signs each webhook with
 * the account's Auth Token: HMAC-SHA1 over the URL it called followed by
 * every POST parameter's name and value, sorted by name, base64 in
 * X-Twilio-Signature. The URL is rebuilt as PUBLIC_NOTIFICATIONS_URL
 * followed by the path (and query) the request arrived with: behind a proxy
 * the Host header is the proxy's, so it cannot be trusted to say what Twilio
 * called. `twilio.validateRequest` (the library's own check, which also
 * accepts the URL with or without its default port) decides.
 *
 * The parameters are read from the body's bytes as received, not from the
 * parsed body, and the routes read them only through {@link TwilioParams}:
 * what a handler acts on is exactly what was signed. Anything else (no or a
 * wrong signature, a body that is not a form) is 403 and reaches no handler.
 * With Twilio off there is no key to check against: 503.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger('TwilioSignature');

  constructor(@Inject(TWILIO_SETTINGS) private readonly settings: TwilioSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const twilio = this.settings.twilio;
    if (twilio === null) {
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Twilio is not configured (the TWILIO_* variables are unset)',
      });
    }
    const request = context.switchToHttp().getRequest<TwilioRequest>();
    const signature = request.headers['x-twilio-signature'];
    const params = formParamsOf(request);
    const url = `${twilio.publicUrl}${request.originalUrl}`;
    if (
      typeof signature !== 'string' ||
      params === null ||
      !validateRequest(twilio.authToken, signature, url, params)
    ) {
      this.logger.warn(`refused ${request.method} ${request.path}: not signed by Twilio`);
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: 'the request is not signed by Twilio (X-Twilio-Signature)',
      });
    }
    request.twilioParams = params;
    return true;
  }
}

/** The signed parameters of the request (set by {@link TwilioSignatureGuard}). */
export const TwilioParams = createParamDecorator(
  (_: unknown, context: ExecutionContext): TwilioParamsOf =>
    context.switchToHttp().getRequest<TwilioRequest>().twilioParams ?? {},
);

/** One parameter's value (the first, if repeated), or undefined. */
export function param(params: TwilioParamsOf, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The form's parameters as sent, or null when the body is not a form (Twilio's webhooks always are). */
function formParamsOf(request: TwilioRequest): TwilioParamsOf | null {
  const raw = request.rawBody?.toString('utf8') ?? '';
  const type = request.headers['content-type'] ?? '';
  if (raw !== '' && !/^application\/x-www-form-urlencoded\b/i.test(type)) {
    return null;
  }
  const params: TwilioParamsOf = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    const seen = params[name];
    params[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}
