import { ConfigError, SERVICE_CONFIG, type ServiceConfig, validateEnv } from '@leadrail/nest-kit';
import { Expose } from 'class-transformer';
import {
  IsDefined,
  Matches,
  type ValidationArguments,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

/** How LeadRail reaches PayPal: the REST API's base URL and the app's credentials. */
export interface PaypalConnection {
  /** `https://api-m.paypal.com` (live) or `https://api-m.sandbox.paypal.com`, without a trailing slash. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The id PayPal gave the webhook pointing at LeadRail: verification of its events needs it. */
  readonly webhookId: string;
}

/** PayPal top-ups' settings; `paypal` is null while none of the PAYPAL_* variables is set (top-ups off). */
export interface PaypalSettings {
  readonly paypal: PaypalConnection | null;
}

const VARIABLES = [
  'PAYPAL_BASE_URL',
  'PAYPAL_CLIENT_ID',
  'PAYPAL_CLIENT_SECRET',
  'PAYPAL_WEBHOOK_ID',
] as const;

const BASE_URL_FORM =
  'PAYPAL_BASE_URL must be an https:// URL with no path, query or fragment, e.g. https://api-m.paypal.com (http:// only for localhost)';

/** Loopback names: the only hosts a test PayPal may be reached on without TLS. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The base URL `PAYPAL_BASE_URL` names (no trailing slash), or why it names none. */
export function parsePaypalBaseUrl(text: string): string | { problem: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: `${BASE_URL_FORM}: it is not a URL` };
  }
  // Credentials and money travel on this connection: plain HTTP only to this machine (tests).
  const secure = url.protocol === 'https:';
  if (!secure && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { problem: `${BASE_URL_FORM}: the scheme is ${url.protocol.slice(0, -1)}` };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      problem: `${BASE_URL_FORM}: credentials go in PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET`,
    };
  }
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    return { problem: `${BASE_URL_FORM}: it has a path, query or fragment` };
  }
  return url.origin;
}

/** Every PAYPAL_* variable is required as soon as one is set: half a configuration is a mistake. */
function requiredWithTheOthers(variable: (typeof VARIABLES)[number], what: string) {
  return [
    ValidateIf((env: PaypalEnv) => VARIABLES.some((name) => env[name] !== undefined)),
    IsDefined({
      message: `${variable} is required when any PAYPAL_* variable is set (set all four to turn PayPal top-ups on, or none): ${what}`,
    }),
  ];
}

function all(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** PayPal top-ups' variables (README, "Configuration"). */
export class PaypalEnv {
  @Expose()
  @all(
    requiredWithTheOthers('PAYPAL_BASE_URL', 'the PayPal REST API, e.g. https://api-m.paypal.com'),
  )
  @ValidateBy({
    name: 'paypalBaseUrl',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && typeof parsePaypalBaseUrl(value) === 'string',
      defaultMessage: (args?: ValidationArguments) => {
        const parsed = parsePaypalBaseUrl(String(args?.value ?? ''));
        return typeof parsed === 'string' ? BASE_URL_FORM : parsed.problem;
      },
    },
  })
  PAYPAL_BASE_URL?: string;

  /** Sent as the user of HTTP Basic authentication, so it cannot hold a colon. */
  @Expose()
  @all(requiredWithTheOthers('PAYPAL_CLIENT_ID', "the client id of LeadRail's PayPal REST app"))
  @Matches(/^\s*[^\s:]+\s*$/, {
    message:
      'PAYPAL_CLIENT_ID must be the client id PayPal shows for the app (no spaces or colons)',
  })
  PAYPAL_CLIENT_ID?: string;

  @Expose()
  @all(requiredWithTheOthers('PAYPAL_CLIENT_SECRET', "the secret of LeadRail's PayPal REST app"))
  // Never the value in the message: it is a secret.
  @Matches(/^\s*\S+\s*$/, { message: 'PAYPAL_CLIENT_SECRET must not contain spaces' })
  PAYPAL_CLIENT_SECRET?: string;

  @Expose()
  @all(
    requiredWithTheOthers(
      'PAYPAL_WEBHOOK_ID',
      "the id of the webhook whose URL is LeadRail's /billing/paypal/webhooks",
    ),
  )
  // PayPal's verify-webhook-signature accepts no other form.
  @Matches(/^\s*[A-Za-z0-9]{1,50}\s*$/, {
    message: 'PAYPAL_WEBHOOK_ID must be letters and digits only, at most 50',
  })
  PAYPAL_WEBHOOK_ID?: string;
}

/**
 * Reads the PayPal variables: all unset is PayPal off; one set without the
 * others, or a malformed one, stops start-up naming the variable (exit 78).
 * The billing service lists it in its `checkEnv`.
 */
export function paypalSettings(env: NodeJS.ProcessEnv): PaypalSettings {
  const { value, problems } = validateEnv(PaypalEnv, env);
  if (problems.length > 0) {
    throw new ConfigError('billing', problems);
  }
  const baseUrl =
    value.PAYPAL_BASE_URL === undefined ? undefined : parsePaypalBaseUrl(value.PAYPAL_BASE_URL);
  if (
    typeof baseUrl !== 'string' ||
    value.PAYPAL_CLIENT_ID === undefined ||
    value.PAYPAL_CLIENT_SECRET === undefined ||
    value.PAYPAL_WEBHOOK_ID === undefined
  ) {
    return { paypal: null };
  }
  return {
    paypal: {
      baseUrl,
      clientId: value.PAYPAL_CLIENT_ID.trim(),
      clientSecret: value.PAYPAL_CLIENT_SECRET.trim(),
      webhookId: value.PAYPAL_WEBHOOK_ID.trim(),
    },
  };
}

/** Injection token of {@link PaypalSettings}. */
export const PAYPAL_SETTINGS = Symbol('PAYPAL_SETTINGS');

/** The settings from the variables the service was configured with (checked at start-up by `checkEnv`). */
export const paypalSettingsProvider = {
  provide: PAYPAL_SETTINGS,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig): PaypalSettings => paypalSettings(config.env),
};
