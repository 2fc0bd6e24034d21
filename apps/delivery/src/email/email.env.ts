import { ConfigError, SERVICE_CONFIG, type ServiceConfig, validateEnv } from '@leadrail/nest-kit';
import { Expose } from 'class-transformer';
import {
  IsDefined,
  IsOptional,
  type ValidationArguments,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

/** Where lead emails are handed over: an SMTP server (relay or submission service). */
export interface SmtpServer {
  readonly host: string;
  readonly port: number;
  /** smtps: TLS from the first byte (port 465 by default); smtp: STARTTLS when the server offers it (587). */
  readonly secure: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
}

/** One address with an optional display name. */
export interface Mailbox {
  readonly name?: string;
  readonly address: string;
}

/** The email channel's settings; `smtp` is null while SMTP_URL is unset (email delivery off). */
export interface EmailSettings {
  readonly smtp: SmtpServer | null;
  readonly from: Mailbox | null;
}

const SMTP_URL_FORM =
  'SMTP_URL must be smtp://[user:password@]host[:port] or smtps://…, with no path or query (user and password percent-encoded)';
const EMAIL_FROM_FORM =
  'EMAIL_FROM must be one address, like leads@example.com or LeadRail <leads@example.com>';
const HOST_NAME =
  '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*';
const ADDRESS = new RegExp(`^[^\\s@<>()\\[\\],;:"\\\\]+@${HOST_NAME}$`);

/** The SMTP server a URL names, or why it names none. */
export function parseSmtpUrl(text: string): SmtpServer | { problem: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: `${SMTP_URL_FORM}: it is not a URL` };
  }
  const secure = url.protocol === 'smtps:';
  if (!secure && url.protocol !== 'smtp:') {
    return { problem: `${SMTP_URL_FORM}: the scheme is ${url.protocol.slice(0, -1)}` };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') {
    return { problem: `${SMTP_URL_FORM}: it names no host` };
  }
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    return { problem: `${SMTP_URL_FORM}: it has a path, query or fragment` };
  }
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    return { problem: `${SMTP_URL_FORM}: the port must be 1 to 65535` };
  }
  if ((url.username === '') !== (url.password === '')) {
    return { problem: `${SMTP_URL_FORM}: give both a user and a password, or neither` };
  }
  if (url.username === '') {
    return { host, port, secure };
  }
  try {
    const auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
    return { host, port, secure, auth };
  } catch {
    return { problem: `${SMTP_URL_FORM}: the user or password is not properly percent-encoded` };
  }
}

/** The mailbox `EMAIL_FROM` names, or why it names none. */
export function parseMailbox(text: string): Mailbox | { problem: string } {
  const value = text.trim();
  if (/[\p{Cc}\u2028\u2029]/u.test(value)) {
    return { problem: `${EMAIL_FROM_FORM}: it holds a line break or control character` };
  }
  const named = /^(?:"([^"\\]*)"|([^"<>]*?))\s*<([^<>]+)>$/.exec(value);
  const address = (named ? named[3] : value)?.trim() ?? '';
  if (address.length > 254 || !ADDRESS.test(address)) {
    return { problem: EMAIL_FROM_FORM };
  }
  const name = (named?.[1] ?? named?.[2] ?? '').trim();
  return name === '' ? { address } : { name, address };
}

/** The email channel's variables (README, "Configuration"). */
export class EmailEnv {
  /** The SMTP server lead emails are sent through; unset: email delivery is off. */
  @Expose()
  @IsOptional()
  @ValidateBy({
    name: 'smtpUrl',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && !('problem' in parseSmtpUrl(value)),
      // Never the value itself: it may hold the password.
      defaultMessage: (args?: ValidationArguments) => {
        const parsed = parseSmtpUrl(String(args?.value ?? ''));
        return 'problem' in parsed ? parsed.problem : SMTP_URL_FORM;
      },
    },
  })
  SMTP_URL?: string;

  /** The From of lead emails; its domain is also the Message-ID's. Required with SMTP_URL. */
  @Expose()
  @ValidateIf((env: EmailEnv) => env.SMTP_URL !== undefined || env.EMAIL_FROM !== undefined)
  @IsDefined({
    message: 'EMAIL_FROM is required with SMTP_URL: the address lead emails come from',
  })
  @ValidateBy({
    name: 'emailFrom',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && !('problem' in parseMailbox(value)),
      defaultMessage: (args?: ValidationArguments) => {
        const parsed = parseMailbox(String(args?.value ?? ''));
        return 'problem' in parsed ? parsed.problem : EMAIL_FROM_FORM;
      },
    },
  })
  EMAIL_FROM?: string;
}

/** Reads the email variables; a malformed value stops start-up naming the variable (exit 78). */
export function emailSettings(env: NodeJS.ProcessEnv): EmailSettings {
  const { value, problems } = validateEnv(EmailEnv, env);
  if (problems.length > 0) {
    throw new ConfigError('delivery', problems);
  }
  const smtp = value.SMTP_URL === undefined ? null : parseSmtpUrl(value.SMTP_URL);
  const from = value.EMAIL_FROM === undefined ? null : parseMailbox(value.EMAIL_FROM);
  return {
    smtp: smtp === null || 'problem' in smtp ? null : smtp,
    from: from === null || 'problem' in from ? null : from,
  };
}

/** Injection token of {@link EmailSettings}. */
export const EMAIL_SETTINGS = Symbol('EMAIL_SETTINGS');

/** The settings from the variables the service was configured with (checked at start-up by `checkEnv`). */
export const emailSettingsProvider = {
  provide: EMAIL_SETTINGS,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig): EmailSettings => emailSettings(config.env),
};
