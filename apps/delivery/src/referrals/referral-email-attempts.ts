import { Inject, Injectable, Logger } from '@nestjs/common';
import { referralLinkUrl, signReferralLinkToken } from '@leadrail/delivery-contracts';
import { type ReferralEmailInput, nextAttemptAt } from '@leadrail/delivery-domain';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import type { EntityManager } from 'typeorm';
import { DELIVERY_SETTINGS, type DeliverySettings } from '../config/delivery.env';
import { AttemptLog, type AttemptKey } from '../deliveries/attempt-log';
import type { AttemptResult } from '../deliveries/channel-sender';
import { EmailSendError } from '../email/email-send-error';
import { EmailSender } from '../email/email-sender';
import type { DeliveryLeadRecord } from '../lead-view/delivery-leads.handler';
import type { DeliveryPartnerRecord } from '../partner-view/delivery-partner-record';
import { ReferralEmailRenderer } from './referral-email-renderer';
import {
  type DueReferralEmail,
  ReferralEmails,
  type SettledReferralEmail,
} from './referral-emails';
import { REFERRAL_LINK_SETTINGS, type ReferralLinkSettings } from './referral-links.env';

/** How long an email waits for the lead or the partner to arrive from Kafka, between looks. */
const NOT_READY_WAIT_MS = 1000;
/** How long it waits in all before it fails for want of them. */
const MAX_NOT_READY_MS = 5 * 60_000;
/** Characters of a link's token the attempt log keeps: the links answer for the partner. */
const TOKEN_SHOWN = 12;

interface Ready {
  lead: DeliveryLeadRecord;
  erased: boolean;
  partner: DeliveryPartnerRecord;
}

/** What one attempt came to, and how the email stands after it. */
type Outcome = { result: AttemptResult; then: SettledReferralEmail | 'retry' };

/**
 * Makes one referral email attempt due: reads the lead (redacted: type,
 * area, answers; its contact stays sealed and is never opened) and the
 * partner, signs the Accept and Decline links, renders and sends the email
 * to the partner's contact address, keeps the attempt in the attempt log
 * (links masked) and settles the email or schedules its retry, all in the
 * transaction that claimed it.
 */
@Injectable()
export class ReferralEmailAttempts {
  private readonly logger = new Logger(ReferralEmailAttempts.name);

  constructor(
    @Inject(ReferralEmails) private readonly emails: ReferralEmails,
    @Inject(ReferralEmailRenderer) private readonly renderer: ReferralEmailRenderer,
    @Inject(EmailSender) private readonly sender: EmailSender,
    @Inject(AttemptLog) private readonly log: AttemptLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    @Inject(REFERRAL_LINK_SETTINGS) private readonly links: ReferralLinkSettings,
  ) {}

  async run(due: DueReferralEmail, manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    const ready = await this.ready(due, manager);
    const waited = now.getTime() - (due.waitingSince ?? now).getTime();
    if (ready === null && waited < MAX_NOT_READY_MS && now < due.expiresAt) {
      await this.emails.postpone(manager, due, now, new Date(now.getTime() + NOT_READY_WAIT_MS));
      return;
    }
    const { result, then } = await this.attempt(due, ready, now);
    const key: AttemptKey = {
      deliveryId: due.referralId,
      leadId: due.leadId,
      partnerId: due.partnerId,
      channel: 'referral-email',
      attempt: due.attempt,
    };
    await this.log.keep(manager, key, 1, result);
    const retryAt =
      then === 'retry'
        ? nextAttemptAt(due.attempt, this.clock.now(), this.settings.retry, { random: Math.random })
        : null;
    if (retryAt !== null) {
      await this.emails.retry(manager, due, retryAt, this.clock.now());
      return;
    }
    await this.emails.settle(manager, due, then === 'retry' ? 'failed' : then, this.clock.now());
  }

  private async attempt(due: DueReferralEmail, ready: Ready | null, now: Date): Promise<Outcome> {
    const skip = (then: SettledReferralEmail, matched: string, reason: string): Outcome => {
      this.logger.warn(
        `referral email of lead ${due.leadId} to partner ${due.partnerId}: ${reason}`,
      );
      return { result: unsent(now, matched, reason), then };
    };
    if (now >= due.expiresAt) {
      return skip('expired', 'referral-expired', 'not sent: the offer expired before it went out');
    }
    if (ready === null) {
      return skip(
        'failed',
        'lead-unavailable',
        `not sent: the lead or its partner did not reach delivery within ${MAX_NOT_READY_MS / 1000} s`,
      );
    }
    if (ready.erased) {
      return skip('skipped', 'lead-unavailable', "not sent: the lead's personal data was erased");
    }
    const to = ready.partner.contactEmail;
    if (to === null) {
      return skip(
        'skipped',
        'no-contact-email',
        'not sent: the partner has no contact email; it can answer in the portal',
      );
    }
    return this.send(due, ready, to);
  }

  private async send(due: DueReferralEmail, ready: Ready, to: string): Promise<Outcome> {
    const startedAt = this.clock.now();
    const links = this.signedLinks(due);
    const hide = (text: string): string =>
      links === null
        ? text
        : text
            .replaceAll(links.accept.token, links.accept.shown)
            .replaceAll(links.decline.token, links.decline.shown);
    const timing = () => ({
      startedAt: startedAt.toISOString(),
      durationMs: this.clock.now().getTime() - startedAt.getTime(),
    });
    let request: Record<string, unknown> = { to };
    try {
      const email = await this.renderer.render(this.input(due, ready, links));
      request = { to, subject: email.subject, html: hide(email.html), text: hide(email.text) };
      const sent = await this.sender.sendReferral({
        ...email,
        to,
        referralId: due.referralId,
        leadId: due.leadId,
      });
      return {
        result: {
          ...timing(),
          ...NO_HTTP,
          outcome: 'accepted',
          reason: null,
          matched: 'smtp: accepted',
          request: { ...request, messageId: sent.messageId },
          response: { smtp: sent.response },
        },
        then: 'sent',
      };
    } catch (error) {
      const failure =
        error instanceof EmailSendError
          ? error
          : new EmailSendError((error as Error).message, false, 'UNEXPECTED');
      this.logger.warn(
        `referral email of lead ${due.leadId} to partner ${due.partnerId} not sent (attempt ${due.attempt}): ${failure.message}`,
      );
      return {
        result: {
          ...timing(),
          ...NO_HTTP,
          outcome: failure.permanent ? 'rejected' : 'error',
          reason: `email ${failure.permanent ? 'refused' : 'not sent'}: ${failure.message}`.slice(
            0,
            500,
          ),
          matched: `smtp: ${failure.code}`,
          request,
          response: { error: failure.code, smtp: failure.smtp },
        },
        then: failure.permanent ? 'failed' : 'retry',
      };
    }
  }

  /** The links, and what the attempt log shows of their tokens; null when links are not set up. */
  private signedLinks(due: DueReferralEmail) {
    const { publicLeadsUrl, secret } = this.links;
    if (publicLeadsUrl === null || secret === null) {
      return null;
    }
    const link = (action: 'accept' | 'decline') => {
      const token = signReferralLinkToken(
        {
          leadId: due.leadId,
          partnerId: due.partnerId,
          action,
          expiresAt: due.expiresAt.toISOString(),
        },
        secret,
      );
      return {
        url: referralLinkUrl(publicLeadsUrl, action, token),
        token,
        shown: `${token.slice(0, TOKEN_SHOWN)}…(masked)`,
      };
    };
    return { accept: link('accept'), decline: link('decline') };
  }

  private input(
    due: DueReferralEmail,
    ready: Ready,
    links: ReturnType<ReferralEmailAttempts['signedLinks']>,
  ): ReferralEmailInput {
    const { lead, partner } = ready;
    // Field by field: whatever the lead record gains later stays out unless chosen here.
    return {
      leadId: due.leadId,
      leadType: lead.leadType,
      area: {
        country: lead.area.country,
        city: lead.area.city,
        postcodeDistrict: lead.area.postcodeDistrict,
      },
      answers: lead.answers,
      expiresAt: due.expiresAt.toISOString(),
      partner: { name: partner.name, timeZone: partner.timeZone },
      links: links === null ? null : { accept: links.accept.url, decline: links.decline.url },
    };
  }

  private async ready(due: DueReferralEmail, manager: EntityManager): Promise<Ready | null> {
    const [lead] = await manager.query<{ record: DeliveryLeadRecord; erased: boolean }[]>(
      'SELECT record, erased_at IS NOT NULL AS erased FROM delivery_leads WHERE lead_id = $1',
      [due.leadId],
    );
    const [partner] = await manager.query<{ record: DeliveryPartnerRecord }[]>(
      'SELECT record FROM delivery_partners WHERE partner_id = $1',
      [due.partnerId],
    );
    if (lead === undefined || partner === undefined) {
      return null;
    }
    return { lead: lead.record, erased: lead.erased, partner: partner.record };
  }
}

const NO_HTTP = { httpStatus: null, partnerReference: null, retryAfter: null } as const;

/** An attempt that sent nothing, and why (kept in the attempt log so operators see it). */
function unsent(now: Date, matched: string, reason: string): AttemptResult {
  return {
    ...NO_HTTP,
    outcome: 'error',
    reason,
    permanent: true,
    matched,
    startedAt: now.toISOString(),
    durationMs: 0,
    request: {},
    response: null,
  };
}
