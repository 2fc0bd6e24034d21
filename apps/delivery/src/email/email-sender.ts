import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type SMTPTransportOptions, type Transporter, createTransport } from 'nodemailer';
import { EMAIL_SETTINGS, type EmailSettings, type Mailbox } from './email.env';
import { EmailSendError, classifySendFailure } from './email-send-error';

/** One lead email, rendered. */
export interface OutgoingEmail {
  /** The partner's address: one address, no display name. */
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** The delivery's stable id: the same on every attempt, so the partner can tell a resend. */
  readonly deliveryId: string;
  readonly leadId: string;
}

/** One referral email (the redacted lead with Accept and Decline links), rendered. */
export interface OutgoingReferralEmail {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** The referral email's stable id: the same on every attempt. */
  readonly referralId: string;
  readonly leadId: string;
}

/** What the SMTP server said when it took the message. */
export interface SentEmail {
  /** The Message-ID sent, with its angle brackets: `<delivery-<deliveryId>@<from domain>>`. */
  readonly messageId: string;
  /** The server's final reply, e.g. `250 OK: queued as 1A2B3C`. */
  readonly response: string;
}

/** The header naming the delivery on every message. */
export const DELIVERY_ID_HEADER = 'X-LeadRail-Delivery-Id';
/** The header naming the lead. */
export const LEAD_ID_HEADER = 'X-LeadRail-Lead-Id';
/** The header naming a referral email (instead of a delivery). */
export const REFERRAL_ID_HEADER = 'X-LeadRail-Referral-Id';

// Bounds on each wait, so that a stuck server fails an attempt instead of holding it.
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const RECIPIENT = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+$/;

/**
 * Sends lead emails over SMTP with nodemailer (SMTP_URL, EMAIL_FROM): one
 * connection per message, STARTTLS when the server offers it (smtp://) or
 * TLS throughout (smtps://). Every message carries `X-LeadRail-Delivery-Id`
 * and a Message-ID made from the delivery id, the same on every attempt, so
 * a receiver can recognise a resend. Failures are {@link EmailSendError}s
 * that say whether a retry may help.
 */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private transporter: Transporter | undefined;

  constructor(@Inject(EMAIL_SETTINGS) private readonly settings: EmailSettings) {}

  /** Whether SMTP_URL is set: without it every send fails (transient, NOT_CONFIGURED). */
  get configured(): boolean {
    return this.settings.smtp !== null && this.settings.from !== null;
  }

  async send(email: OutgoingEmail): Promise<SentEmail> {
    return this.deliver(email, email.deliveryId, `delivery-${email.deliveryId}`, {
      [DELIVERY_ID_HEADER]: email.deliveryId,
      [LEAD_ID_HEADER]: email.leadId,
    });
  }

  /**
   * Sends a referral email: the same rules and failures as {@link send}, with
   * `X-LeadRail-Referral-Id` and the Message-ID `<referral-<id>@<domain>>`.
   */
  async sendReferral(email: OutgoingReferralEmail): Promise<SentEmail> {
    return this.deliver(email, email.referralId, `referral-${email.referralId}`, {
      [REFERRAL_ID_HEADER]: email.referralId,
      [LEAD_ID_HEADER]: email.leadId,
    });
  }

  private async deliver(
    email: { to: string; subject: string; html: string; text: string; leadId: string },
    id: string,
    messageLocalPart: string,
    headers: Record<string, string>,
  ): Promise<SentEmail> {
    const { from } = this.settings;
    const transporter = this.transport();
    if (!transporter || !from) {
      throw new EmailSendError(
        'email not sent: SMTP_URL is not set, so this delivery service sends no email',
        false,
        'NOT_CONFIGURED',
      );
    }
    checkMessage(id, email);
    const messageId = `<${messageLocalPart}@${domainOf(from)}>`;
    try {
      const info = (await transporter.sendMail({
        from: from.name === undefined ? from.address : { name: from.name, address: from.address },
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId,
        headers,
        disableFileAccess: true,
        disableUrlAccess: true,
      })) as { messageId?: string; response?: string };
      return { messageId: info.messageId ?? messageId, response: info.response ?? '' };
    } catch (error) {
      throw classifySendFailure(error);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  private transport(): Transporter | undefined {
    const { smtp } = this.settings;
    if (smtp === null) {
      return undefined;
    }
    const options: SMTPTransportOptions = {
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.auth ? { auth: { user: smtp.auth.user, pass: smtp.auth.pass } } : {}),
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: GREETING_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
    };
    this.transporter ??= createTransport(options);
    return this.transporter;
  }
}

function checkMessage(id: string, email: { to: string; leadId: string }): void {
  if (!ID.test(id) || !ID.test(email.leadId)) {
    throw new EmailSendError(
      'email not sent: the delivery id and lead id must be 1-128 letters, digits, ".", "_" or "-"',
      true,
      'INVALID_MESSAGE',
    );
  }
  if (email.to.length > 254 || !RECIPIENT.test(email.to)) {
    throw new EmailSendError(
      'email refused for good: the recipient is not one email address',
      true,
      'INVALID_RECIPIENT',
    );
  }
}

function domainOf(mailbox: Mailbox): string {
  return mailbox.address.slice(mailbox.address.lastIndexOf('@') + 1).toLowerCase();
}
