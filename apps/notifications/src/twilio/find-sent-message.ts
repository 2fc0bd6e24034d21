import type { Twilio } from 'twilio';
import type { MessageInstance } from 'twilio/lib/rest/api/v2010/account/message';
import type { SentSms, SmsToSend } from '../ports/sms-sender';
import type { TwilioSender } from './twilio.env';

/** How much earlier than our first attempt Twilio may date the message: its clock is not ours. */
export const CLOCK_SKEW_MS = 60_000;

/** The most messages one lookup reads per listing (a partner's number gets a few texts a day). */
const MOST_READ = 1_000;

/**
 * The message an earlier attempt of this text created, if Twilio has it.
 *
 * Twilio's message list does not return the StatusCallback (where the
 * notification's id is), and a message has no field of ours, so the text is
 * recognised by what Twilio does return: sent to the same number, by the same
 * sender (our number, or our Messaging Service), outbound from the API, with
 * exactly the same body, created no earlier than the first attempt began
 * (less {@link CLOCK_SKEW_MS}). A second text with the same body to the same
 * number within that window would be taken for this one; the notifications
 * core keeps bodies apart by a short reference where that can happen.
 *
 * Two listings, newest first: Twilio filters `DateSent>` on `date_sent`, so
 * the first finds every message already sent since the window opened; a
 * message still queued (accepted, scheduled, queued, sending) has no
 * `date_sent` yet and is looked for among the newest messages to the number.
 * Several matches (an earlier double send): the oldest, the first attempt's.
 */
export async function findSentMessage(
  client: Twilio,
  sender: TwilioSender,
  sms: SmsToSend,
): Promise<SentSms | null> {
  const since = new Date(sms.firstAttemptAt.getTime() - CLOCK_SKEW_MS);
  const filter = {
    to: sms.to,
    ...('phoneNumber' in sender ? { from: sender.phoneNumber } : {}),
  };
  const isOurs = (message: MessageInstance): boolean =>
    message.direction === 'outbound-api' &&
    message.body === sms.body &&
    sentBy(message, sender) &&
    message.dateCreated instanceof Date &&
    message.dateCreated.getTime() >= since.getTime();
  const sent = await client.messages.list({
    ...filter,
    dateSentAfter: since,
    pageSize: 100,
    limit: MOST_READ,
  });
  const found = oldest(sent.filter(isOurs));
  if (found !== null) {
    return found;
  }
  const newest = await client.messages.list({ ...filter, pageSize: 100, limit: 100 });
  return oldest(newest.filter((message) => !(message.dateSent instanceof Date) && isOurs(message)));
}

function sentBy(message: MessageInstance, sender: TwilioSender): boolean {
  return 'phoneNumber' in sender
    ? message.from === sender.phoneNumber
    : message.messagingServiceSid === sender.messagingServiceSid;
}

function oldest(messages: MessageInstance[]): SentSms | null {
  const first = [...messages].sort(
    (a, b) => a.dateCreated.getTime() - b.dateCreated.getTime() || a.sid.localeCompare(b.sid),
  )[0];
  return first === undefined ? null : { providerId: first.sid, status: first.status };
}
