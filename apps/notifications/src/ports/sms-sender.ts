export const SMS_SENDER = Symbol('SMS_SENDER');
export interface SmsToSend {
  notificationId: string;
  to: string;
  body: string;
  /** when the first attempt began: a lookup searches from here */ firstAttemptAt: Date;
}
export interface SentSms {
  providerId: string;
  status: string;
}
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly providerCode: string | null,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}
export interface SmsSender {
  /** Whether SMS is configured at all. */
  readonly enabled: boolean;
  send(sms: SmsToSend): Promise<SentSms>;
  /** The message an earlier attempt of this notification sent, if the provider has it: a crash between sending and recording is resolved by looking it up, not by sending again. */
  findSent(sms: SmsToSend): Promise<SentSms | null>;
}
export const SMS_STATUS_SINK = Symbol('SMS_STATUS_SINK');
export interface SmsStatusSink {
  recordStatus(update: {
    notificationId: string;
    providerId: string;
    status: string;
    errorCode: string | null;
    at: string;
  }): Promise<void>;
}
