import {
  E164,
  type FormParams,
  type TestAnswer,
  isCallbackUrl,
  one,
  rfc2822,
  twilioError,
  twilioSid,
} from './twilio-test-http';

/** Where a message is in its life, as Twilio names it. */
export type MessageStatus =
  'received' | 'accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed';

/** A message as the test server keeps it. */
export interface TestMessage {
  sid: string;
  accountSid: string;
  /** outbound-api: created through the API; outbound-reply: a webhook's TwiML reply; inbound: received. */
  direction: 'outbound-api' | 'outbound-reply' | 'inbound';
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  status: MessageStatus;
  statusCallback: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  errorCode: number | null;
  /** How it ends: delivered, or the failure a test chose for its number. */
  outcome: { status: 'delivered' | 'undelivered' | 'failed'; errorCode: number | null };
}

const ERROR_MESSAGES: Record<number, string> = {
  30003: 'Unreachable destination handset',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
  30008: 'Unknown error',
};

/** The account's side of a create request: its numbers and Messaging Services. */
export interface SenderAccount {
  accountSid: string;
  numbers: ReadonlySet<string>;
  messagingServiceSids: ReadonlySet<string>;
}

/**
 * Checks a create request as Twilio does, in Twilio's order, and answers its
 * error codes: 21604 no To, 21603 neither From nor MessagingServiceSid, 21602
 * no Body (nor MediaUrl), 21211 a To that is no phone number, 21606 a From
 * that is not the account's, 21705 an unknown Messaging Service, 21617 a body
 * over 1600 characters, 21609 a StatusCallback that is no URL.
 */
export function checkMessage(
  form: FormParams,
  account: SenderAccount,
): TestAnswer | { to: string; from: string | null; service: string | null; body: string } {
  const to = one(form, 'To')?.trim();
  const from = one(form, 'From')?.trim();
  const service = one(form, 'MessagingServiceSid')?.trim();
  const body = one(form, 'Body');
  const callback = one(form, 'StatusCallback');
  if (to === undefined || to === '') {
    return twilioError(400, 21604, "A 'To' phone number is required.");
  }
  if (!from && !service) {
    return twilioError(400, 21603, "A 'From' phone number is required.");
  }
  if ((body === undefined || body === '') && one(form, 'MediaUrl') === undefined) {
    return twilioError(400, 21602, 'Message body is required.');
  }
  if (!E164.test(to)) {
    return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
  }
  if (from && !account.numbers.has(from)) {
    return twilioError(
      400,
      21606,
      `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
    );
  }
  if (service && !account.messagingServiceSids.has(service)) {
    return twilioError(400, 21705, `The Messaging Service Sid ${service} is invalid.`);
  }
  if ((body ?? '').length > 1600) {
    return twilioError(
      400,
      21617,
      'The concatenated message body exceeds the 1600 character limit.',
    );
  }
  if (callback !== undefined && !isCallbackUrl(callback)) {
    return twilioError(400, 21609, 'Invalid StatusCallback: it must be an absolute URL.');
  }
  return { to, from: from || null, service: service || null, body: body ?? '' };
}

/** The message as the API shows it (`GET …/Messages/{Sid}.json`). */
export function messageJson(message: TestMessage): Record<string, unknown> {
  const base = `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}`;
  const charged = message.sentAt !== null && message.status !== 'failed';
  return {
    account_sid: message.accountSid,
    api_version: '2010-04-01',
    body: message.body,
    date_created: rfc2822(message.createdAt),
    date_sent: message.sentAt === null ? null : rfc2822(message.sentAt),
    date_updated: rfc2822(message.updatedAt),
    direction: message.direction,
    error_code: message.errorCode,
    error_message: message.errorCode === null ? null : (ERROR_MESSAGES[message.errorCode] ?? null),
    from: message.from,
    messaging_service_sid: message.messagingServiceSid,
    num_media: '0',
    num_segments: String(Math.max(1, Math.ceil(message.body.length / 153))),
    price: charged ? '-0.00790' : null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    subresource_uris: { media: `${base}/Media.json`, feedback: `${base}/Feedback.json` },
    to: message.to,
    uri: `${base}.json`,
  };
}

/** A DateSent filter's value: a day (YYYY-MM-DD, its midnight in GMT) or an ISO 8601 instant. */
function filterDate(text: string): Date | null {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const date = new Date(day);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * `GET …/Messages.json`: To, From, DateSent (that GMT day), `DateSent<`
 * (sent on or before), `DateSent>` (sent on or after); messages not sent
 * yet have no date_sent and match no DateSent filter. Newest first, PageSize
 * (50, at most 1000) a page, Page from 0, with Twilio's page envelope.
 */
export function listMessages(
  accountSid: string,
  all: readonly TestMessage[],
  query: URLSearchParams,
): TestAnswer {
  const [to, from] = [query.get('To'), query.get('From')];
  const dates: [string, (sent: number, at: Date) => boolean][] = [
    ['DateSent', (sent, at) => sent >= at.getTime() && sent < at.getTime() + 86_400_000],
    ['DateSent<', (sent, at) => sent <= at.getTime()],
    ['DateSent>', (sent, at) => sent >= at.getTime()],
  ];
  const checks: ((message: TestMessage) => boolean)[] = [];
  for (const [name, test] of dates) {
    const value = query.get(name);
    if (value === null) {
      continue;
    }
    const at = filterDate(value);
    if (at === null) {
      return twilioError(400, 20001, `Invalid ${name}: ${value}`);
    }
    checks.push((message) => message.sentAt !== null && test(message.sentAt.getTime(), at));
  }
  const pageSize = Math.min(Number(query.get('PageSize') ?? 50) || 50, 1000);
  const page = Math.max(Number(query.get('Page') ?? 0) || 0, 0);
  const found = all
    .filter(
      (message) => (to === null || message.to === to) && (from === null || message.from === from),
    )
    .filter((message) => checks.every((check) => check(message)))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const start = page * pageSize;
  const messages = found.slice(start, start + pageSize);
  const uriOf = (n: number) => {
    const next = new URLSearchParams(query);
    next.set('PageSize', String(pageSize));
    next.set('Page', String(n));
    if (n > 0) {
      next.set('PageToken', `PA${found[n * pageSize - 1]?.sid ?? ''}`);
    } else {
      next.delete('PageToken');
    }
    return `/2010-04-01/Accounts/${accountSid}/Messages.json?${next.toString()}`;
  };
  return {
    status: 200,
    body: {
      first_page_uri: uriOf(0),
      end: start + Math.max(messages.length - 1, 0),
      previous_page_uri: page === 0 ? null : uriOf(page - 1),
      messages: messages.map(messageJson),
      uri: uriOf(page),
      page_size: pageSize,
      start,
      next_page_uri: start + pageSize < found.length ? uriOf(page + 1) : null,
      page,
    },
  };
}

/** A new message, accepted (Messaging Service) or queued, as Twilio answers a create. */
export function newMessage(
  accountSid: string,
  checked: { to: string; from: string | null; service: string | null; body: string },
  statusCallback: string | null,
  outcome: TestMessage['outcome'],
  now: Date,
): TestMessage {
  return {
    sid: twilioSid('SM'),
    accountSid,
    direction: 'outbound-api',
    to: checked.to,
    from: checked.from,
    messagingServiceSid: checked.service,
    body: checked.body,
    status: checked.from === null ? 'accepted' : 'queued',
    statusCallback,
    createdAt: now,
    updatedAt: now,
    sentAt: null,
    errorCode: null,
    outcome,
  };
}

/**
 * The message's next status, and whether Twilio calls back for it: a
 * Messaging Service's message goes accepted → queued (called back) → …;
 * queued → sent → delivered or undelivered, or queued → failed (never sent).
 * Null once it is final.
 */
export function nextStatus(
  message: TestMessage,
): { status: MessageStatus; callback: boolean } | null {
  switch (message.status) {
    case 'accepted':
      return { status: 'queued', callback: true };
    case 'queued':
    case 'sending':
      return message.outcome.status === 'failed'
        ? { status: 'failed', callback: true }
        : { status: 'sent', callback: true };
    case 'sent':
      return { status: message.outcome.status, callback: true };
    case 'delivered':
    case 'undelivered':
    case 'failed':
    case 'received':
      return null;
  }
}

/** The status callback's parameters for the message as it is now. */
export function statusCallbackParams(message: TestMessage): Record<string, string> {
  return {
    AccountSid: message.accountSid,
    ApiVersion: '2010-04-01',
    ...(message.errorCode === null ? {} : { ErrorCode: String(message.errorCode) }),
    From: message.from ?? '',
    MessageSid: message.sid,
    MessageStatus: message.status,
    ...(message.messagingServiceSid === null
      ? {}
      : { MessagingServiceSid: message.messagingServiceSid }),
    ...(message.status === 'delivered' ? { RawDlrDoneDate: rawDlrDate(message.updatedAt) } : {}),
    SmsSid: message.sid,
    SmsStatus: message.status,
    To: message.to,
  };
}

/** The carrier's delivery receipt time, YYMMDDhhmm. */
function rawDlrDate(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(2, 12);
}
