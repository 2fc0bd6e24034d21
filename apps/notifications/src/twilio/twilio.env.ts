import { ConfigError, SERVICE_CONFIG, type ServiceConfig, validateEnv } from '@leadrail/nest-kit';
import { Expose } from 'class-transformer';
import {
  IsDefined,
  Matches,
  MinLength,
  type ValidationArguments,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

/** Who LeadRail's texts come from: one of the account's numbers, or a Messaging Service that picks one. */
export type TwilioSender =
  { readonly phoneNumber: string } | { readonly messagingServiceSid: string };

/** How LeadRail reaches Twilio, and how Twilio reaches LeadRail back. */
export interface TwilioConnection {
  readonly accountSid: string;
  /** Authenticates LeadRail's API calls and is the key Twilio signs its webhooks with. */
  readonly authToken: string;
  readonly sender: TwilioSender;
  /** The REST API's origin, without a trailing slash: `https://api.twilio.com` unless a test server stands in. */
  readonly apiBaseUrl: string;
  /** Where Twilio reaches this service (status callbacks, text commands), without a trailing slash. */
  readonly publicUrl: string;
}

/** The partners service's admin API, which text commands pause and resume deliveries through. */
export interface PartnersApi {
  readonly url: string;
  readonly token: string;
}

/** Twilio's settings; `twilio` is null while no TWILIO_* variable is set (SMS, text commands and transfers off). */
export interface TwilioSettings {
  readonly twilio: TwilioConnection | null;
  readonly partners: PartnersApi | null;
}

/** Twilio's own REST API. */
export const TWILIO_API = 'https://api.twilio.com';

/** Setting any of these turns Twilio on, and then every variable of the group is required. */
const TWILIO_VARIABLES = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_FROM',
  'TWILIO_API_BASE_URL',
] as const;

const E164 = /^\+[1-9]\d{1,14}$/;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
const BASE_URL_FORM =
  'TWILIO_API_BASE_URL must be an https:// origin with no path, query or fragment (http:// only for localhost); leave it unset for Twilio itself';
const PUBLIC_URL_FORM =
  'PUBLIC_NOTIFICATIONS_URL must be the notifications service as Twilio reaches it, http(s)://host[:port][/path], with no query or fragment';
const PARTNERS_URL_FORM =
  'PARTNERS_URL must be the partners service base URL, http(s)://host[:port][/path], with no query or fragment';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The origin TWILIO_API_BASE_URL names, or why it names none. */
export function parseApiBaseUrl(text: string): string | { problem: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: `${BASE_URL_FORM}: it is not a URL` };
  }
  // The auth token travels on this connection: plain HTTP only to this machine (a test server).
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { problem: `${BASE_URL_FORM}: the scheme is ${url.protocol.slice(0, -1)}` };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      problem: `${BASE_URL_FORM}: credentials go in TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN`,
    };
  }
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    return { problem: `${BASE_URL_FORM}: it has a path, query or fragment` };
  }
  return url.origin;
}

/** A base URL another party calls or is called at (a path is allowed), or why it is not one. */
export function parseServiceUrl(text: string, form: string): string | { problem: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: `${form}: it is not a URL` };
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    return { problem: form };
  }
  return url.href.replace(/\/+$/, '');
}

function urlRule(name: string, parse: (text: string) => string | { problem: string }) {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && typeof parse(value) === 'string',
      defaultMessage: (args?: ValidationArguments) => {
        const parsed = parse(String(args?.value ?? ''));
        return typeof parsed === 'string' ? name : parsed.problem;
      },
    },
  });
}

/** Whether any TWILIO_* variable is set: Twilio is meant to be on. */
function twilioIsOn(env: TwilioEnv): boolean {
  return TWILIO_VARIABLES.some((name) => env[name] !== undefined);
}

/**
 * Required as soon as any TWILIO_* variable is set (half a configuration is a
 * mistake); checked for its form whenever set.
 */
function requiredWithTwilio(variable: keyof TwilioEnv, what: string): PropertyDecorator {
  const decorators = [
    ValidateIf((env: TwilioEnv) => twilioIsOn(env) || env[variable] !== undefined),
    IsDefined({
      message: `${variable} is required when any TWILIO_* variable is set (set them to turn SMS, text commands and call transfers on, or none): ${what}`,
    }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** Twilio's variables (README, "Configuration"). */
export class TwilioEnv {
  @Expose()
  @requiredWithTwilio('TWILIO_ACCOUNT_SID', 'the account, AC followed by 32 hexadecimal digits')
  @Matches(/^\s*AC[0-9a-fA-F]{32}\s*$/, {
    message: 'TWILIO_ACCOUNT_SID must be the Account SID: AC followed by 32 hexadecimal digits',
  })
  TWILIO_ACCOUNT_SID?: string;

  // Never the value in a message: it is a secret.
  @Expose()
  @requiredWithTwilio('TWILIO_AUTH_TOKEN', "the account's Auth Token")
  @Matches(/^\s*[0-9a-fA-F]{32}\s*$/, {
    message: "TWILIO_AUTH_TOKEN must be the account's Auth Token: 32 hexadecimal digits",
  })
  TWILIO_AUTH_TOKEN?: string;

  @Expose()
  @requiredWithTwilio(
    'TWILIO_FROM',
    'the number texts come from (E.164) or a Messaging Service SID (MG…)',
  )
  @Matches(/^\s*(?:\+[1-9]\d{1,14}|MG[0-9a-fA-F]{32})\s*$/, {
    message:
      'TWILIO_FROM must be one of the account’s numbers in E.164 (+447700900123) or a Messaging Service SID (MG followed by 32 hexadecimal digits)',
  })
  TWILIO_FROM?: string;

  @Expose()
  @ValidateIf((env: TwilioEnv) => env.TWILIO_API_BASE_URL !== undefined)
  @urlRule('TWILIO_API_BASE_URL', parseApiBaseUrl)
  TWILIO_API_BASE_URL?: string;

  @Expose()
  @requiredWithTwilio(
    'PUBLIC_NOTIFICATIONS_URL',
    "where Twilio reaches this service: its status callbacks and text commands' webhook",
  )
  @urlRule('PUBLIC_NOTIFICATIONS_URL', (text) => parseServiceUrl(text, PUBLIC_URL_FORM))
  PUBLIC_NOTIFICATIONS_URL?: string;

  @Expose()
  @requiredWithTwilio('PARTNERS_URL', 'the partners service, which text commands pause through')
  @urlRule('PARTNERS_URL', (text) => parseServiceUrl(text, PARTNERS_URL_FORM))
  PARTNERS_URL?: string;

  @Expose()
  @requiredWithTwilio('PARTNERS_TOKEN', 'an administrator token of the partners service')
  @MinLength(20, {
    message: 'PARTNERS_TOKEN must be an administrator token of the partners service',
  })
  PARTNERS_TOKEN?: string;
}

/**
 * Reads Twilio's variables: every TWILIO_* unset is SMS off (the sender says
 * "SMS is not configured", text commands and transfers answer 503); one set
 * without the others, or a malformed one, stops start-up naming the variable
 * (exit 78). The notifications service lists it in its `checkEnv`.
 */
export function twilioSettings(env: NodeJS.ProcessEnv): TwilioSettings {
  const { value, problems } = validateEnv(TwilioEnv, env);
  if (problems.length > 0) {
    throw new ConfigError('notifications', problems);
  }
  const partnersUrl =
    value.PARTNERS_URL === undefined
      ? undefined
      : parseServiceUrl(value.PARTNERS_URL, PARTNERS_URL_FORM);
  const partners =
    typeof partnersUrl === 'string' && value.PARTNERS_TOKEN !== undefined
      ? { url: partnersUrl, token: value.PARTNERS_TOKEN.trim() }
      : null;
  const publicUrl =
    value.PUBLIC_NOTIFICATIONS_URL === undefined
      ? undefined
      : parseServiceUrl(value.PUBLIC_NOTIFICATIONS_URL, PUBLIC_URL_FORM);
  const apiBaseUrl =
    value.TWILIO_API_BASE_URL === undefined
      ? TWILIO_API
      : parseApiBaseUrl(value.TWILIO_API_BASE_URL);
  if (
    value.TWILIO_ACCOUNT_SID === undefined ||
    value.TWILIO_AUTH_TOKEN === undefined ||
    value.TWILIO_FROM === undefined ||
    typeof publicUrl !== 'string' ||
    typeof apiBaseUrl !== 'string'
  ) {
    return { twilio: null, partners };
  }
  const from = value.TWILIO_FROM.trim();
  return {
    twilio: {
      accountSid: value.TWILIO_ACCOUNT_SID.trim(),
      authToken: value.TWILIO_AUTH_TOKEN.trim(),
      sender: MESSAGING_SERVICE_SID.test(from)
        ? { messagingServiceSid: from }
        : { phoneNumber: from },
      apiBaseUrl,
      publicUrl,
    },
    partners,
  };
}

/** The number calls come from: Twilio places calls from a number, never from a Messaging Service. */
export function callerNumberOf(connection: TwilioConnection): string | null {
  return 'phoneNumber' in connection.sender && E164.test(connection.sender.phoneNumber)
    ? connection.sender.phoneNumber
    : null;
}

/** Injection token of {@link TwilioSettings}. */
export const TWILIO_SETTINGS = Symbol('TWILIO_SETTINGS');

/** The settings from the variables the service was configured with (checked at start-up by `checkEnv`). */
export const twilioSettingsProvider = {
  provide: TWILIO_SETTINGS,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig): TwilioSettings => twilioSettings(config.env),
};
