import { Inject, Injectable } from '@nestjs/common';
import { EmailRenderer } from '../email/email-renderer';
import { EmailSendError } from '../email/email-send-error';
import { EmailSender } from '../email/email-sender';
import { EmailTemplateSettings } from '../email/email-template-settings';
import type { AttemptContext, AttemptResult, ChannelSender } from './channel-sender';

/**
 * Delivery by email: the operators' template (or the default) rendered with
 * the lead's values, sent to the partner's contact email over SMTP. The mail
 * server taking the message is acceptance; a 5xx reply to the recipient or
 * the message is the partner's side refusing it (rejected); anything else
 * (connection, timeout, 4xx, LeadRail's own SMTP settings) is an error a
 * retry may mend.
 */
@Injectable()
export class EmailChannel implements ChannelSender {
  constructor(
    @Inject(EmailTemplateSettings) private readonly templates: EmailTemplateSettings,
    @Inject(EmailRenderer) private readonly renderer: EmailRenderer,
    @Inject(EmailSender) private readonly sender: EmailSender,
  ) {}

  async send(context: AttemptContext): Promise<AttemptResult> {
    const startedAt = new Date();
    const to = context.partner.contactEmail;
    if (to === null) {
      return {
        ...timing(startedAt),
        outcome: 'error',
        httpStatus: null,
        reason: 'the partner has no contact email to deliver to',
        partnerReference: null,
        retryAfter: null,
        permanent: true,
        matched: 'invalid-setting',
        request: {},
        response: null,
      };
    }
    const email = await this.renderer.render(await this.templates.current(), context.input);
    const request = { to, subject: email.subject, html: email.html, text: email.text };
    try {
      const sent = await this.sender.send({
        ...request,
        deliveryId: context.deliveryId,
        leadId: context.input.lead.id,
      });
      return {
        ...timing(startedAt),
        outcome: 'accepted',
        httpStatus: null,
        reason: null,
        partnerReference: null,
        retryAfter: null,
        matched: 'smtp: accepted',
        request: { ...request, messageId: sent.messageId },
        response: { smtp: sent.response },
      };
    } catch (error) {
      const failure =
        error instanceof EmailSendError
          ? error
          : new EmailSendError((error as Error).message, false, 'UNEXPECTED');
      return {
        ...timing(startedAt),
        outcome: failure.permanent ? 'rejected' : 'error',
        httpStatus: null,
        reason: `email ${failure.permanent ? 'refused' : 'not sent'}: ${failure.message}`.slice(
          0,
          500,
        ),
        partnerReference: null,
        retryAfter: null,
        matched: `smtp: ${failure.code}`,
        request,
        response: { error: failure.code, smtp: failure.smtp },
      };
    }
  }
}

function timing(startedAt: Date): { startedAt: string; durationMs: number } {
  return { startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime() };
}
