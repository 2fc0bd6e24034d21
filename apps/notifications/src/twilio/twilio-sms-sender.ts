import type { Twilio } from 'twilio';
import { type SentSms, SmsSendError, type SmsSender, type SmsToSend } from '../ports/sms-sender';
import { findSentMessage } from './find-sent-message';
import type { TwilioConnection } from './twilio.env';
import { smsStatusUrl } from './twilio-routes';
import { smsSendErrorOf } from './twilio-refusal';

/** What the sender answers while the TWILIO_* variables are unset. */
export const SMS_NOT_CONFIGURED = 'SMS is not configured (the TWILIO_* variables are unset)';

/**
 * Texts through Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`)
 * with the real `twilio` library. Each message asks Twilio for status
 * callbacks at `/notifications/twilio/status/{notificationId}`, so a callback
 * names the text it is about; TwilioStatusController checks Twilio's signature
 * before the core hears of it.
 */
export class TwilioSmsSender implements SmsSender {
  readonly enabled = true;

  constructor(
    private readonly client: Twilio,
    private readonly connection: TwilioConnection,
  ) {}

  async send(sms: SmsToSend): Promise<SentSms> {
    const sender = this.connection.sender;
    try {
      const message = await this.client.messages.create({
        to: sms.to,
        body: sms.body,
        ...('phoneNumber' in sender
          ? { from: sender.phoneNumber }
          : { messagingServiceSid: sender.messagingServiceSid }),
        statusCallback: smsStatusUrl(this.connection.publicUrl, sms.notificationId),
      });
      return { providerId: message.sid, status: message.status };
    } catch (error) {
      throw smsSendErrorOf(error);
    }
  }

  async findSent(sms: SmsToSend): Promise<SentSms | null> {
    try {
      return await findSentMessage(this.client, this.connection.sender, sms);
    } catch (error) {
      // Not knowing is not "not sent": the core must not send again on a failed lookup.
      const failed = smsSendErrorOf(error);
      throw new SmsSendError(`looking up the text: ${failed.message}`, true, null);
    }
  }
}

/** The sender while SMS is off: `enabled` false, so the core records its texts as skipped. */
export class SmsNotConfigured implements SmsSender {
  readonly enabled = false;

  send(): Promise<SentSms> {
    return Promise.reject(new SmsSendError(SMS_NOT_CONFIGURED, false, null));
  }

  findSent(): Promise<SentSms | null> {
    return Promise.resolve(null);
  }
}
