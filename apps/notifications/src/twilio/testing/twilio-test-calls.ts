import {
  E164,
  type FormParams,
  type TestAnswer,
  all,
  isCallbackUrl,
  one,
  rfc2822,
  twilioError,
  twilioSid,
} from './twilio-test-http';

/** How the callee (the lead) takes the call. */
export type CallOutcome = 'answer' | 'busy' | 'no-answer' | 'failed';
/** How the <Dial>'s callee (the partner) takes it. */
export type DialOutcome = 'completed' | 'busy' | 'no-answer' | 'failed';

/** What a call's TwiML dials, read from it as Twilio would. */
export interface TestDial {
  action: string | null;
  callerId: string | null;
  timeout: number | null;
  numbers: string[];
}

/** A call as the test server keeps it. */
export interface TestCall {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  /** The TwiML given with the request (`Twiml`), or null when it named a `Url`. */
  twiml: string | null;
  url: string | null;
  /** What `<Say>` says, in order. */
  says: string[];
  dial: TestDial | null;
  statusCallback: string | null;
  statusCallbackEvents: string[];
  status: string;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  sequence: number;
}

const EVENTS = new Set(['initiated', 'ringing', 'answered', 'completed']);

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attribute(attributes: string, name: string): string | null {
  const found = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return found === null ? null : unescapeXml(found[1]!);
}

/** The TwiML's `<Say>`s and `<Dial>`, or null when it is not a `<Response>` document. */
export function readTwiml(twiml: string): { says: string[]; dial: TestDial | null } | null {
  const body = twiml.replace(/^<\?xml[^>]*\?>/, '').trim();
  if (!/^<Response>[\s\S]*<\/Response>$|^<Response\/>$/.test(body)) {
    return null;
  }
  const says = [...body.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((say) => unescapeXml(say[1]!));
  const dial = /<Dial([^>]*)>([\s\S]*?)<\/Dial>/.exec(body);
  if (dial === null) {
    return { says, dial: null };
  }
  const attributes = dial[1]!;
  const timeout = attribute(attributes, 'timeout');
  return {
    says,
    dial: {
      action: attribute(attributes, 'action'),
      callerId: attribute(attributes, 'callerId'),
      timeout: timeout === null ? null : Number(timeout),
      numbers: [...dial[2]!.matchAll(/<Number[^>]*>([^<]*)<\/Number>/g)].map((n) =>
        unescapeXml(n[1]!).trim(),
      ),
    },
  };
}

/**
 * Checks a call request as Twilio does: 21201 no To, 21213 no From, 21205 no
 * Url, Twiml or ApplicationSid (or a Url that is none), 21211 a To that is
 * no phone number, 21210 a From that is not the account's, 12100 TwiML that
 * does not parse, 21609 a StatusCallback that is no URL, 20001 an unknown
 * StatusCallbackEvent.
 */
export function checkCall(
  form: FormParams,
  numbers: ReadonlySet<string>,
):
  | TestAnswer
  | (Pick<TestCall, 'to' | 'from' | 'twiml' | 'url' | 'says' | 'dial' | 'statusCallback'> & {
      events: string[];
    }) {
  const to = one(form, 'To')?.trim();
  const from = one(form, 'From')?.trim();
  const twiml = one(form, 'Twiml') ?? null;
  const url = one(form, 'Url') ?? null;
  const callback = one(form, 'StatusCallback') ?? null;
  const events = all(form, 'StatusCallbackEvent').flatMap((event) => event.split(' '));
  if (!to) {
    return twilioError(400, 21201, "No 'To' number is specified");
  }
  if (!from) {
    return twilioError(400, 21213, "No 'From' number is specified");
  }
  if (twiml === null && url === null && one(form, 'ApplicationSid') === undefined) {
    return twilioError(400, 21205, "A 'Url', 'Twiml' or 'ApplicationSid' parameter is required.");
  }
  if (url !== null && !isCallbackUrl(url)) {
    return twilioError(400, 21205, `Url is not a valid URL: ${url}`);
  }
  if (!E164.test(to)) {
    return twilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`);
  }
  if (!numbers.has(from)) {
    return twilioError(
      400,
      21210,
      `The source phone number provided, ${from}, is not yet verified for your account. You may only make calls from phone numbers that you've verified or purchased from Twilio.`,
    );
  }
  const read = twiml === null ? { says: [], dial: null } : readTwiml(twiml);
  if (read === null) {
    return twilioError(400, 12100, 'Document parse failure: Twiml is not a <Response> document.');
  }
  if (callback !== null && !isCallbackUrl(callback)) {
    return twilioError(400, 21609, 'Invalid StatusCallback: it must be an absolute URL.');
  }
  const unknown = events.find((event) => !EVENTS.has(event));
  if (unknown !== undefined) {
    return twilioError(400, 20001, `Invalid StatusCallbackEvent: ${unknown}`);
  }
  return { to, from, twiml, url, ...read, statusCallback: callback, events };
}

export function newCall(
  accountSid: string,
  checked: Exclude<ReturnType<typeof checkCall>, TestAnswer>,
  now: Date,
): TestCall {
  return {
    sid: twilioSid('CA'),
    accountSid,
    to: checked.to,
    from: checked.from,
    twiml: checked.twiml,
    url: checked.url,
    says: checked.says,
    dial: checked.dial,
    statusCallback: checked.statusCallback,
    // Twilio's default when a StatusCallback comes alone: the call's end only.
    statusCallbackEvents: checked.events.length > 0 ? checked.events : ['completed'],
    status: 'queued',
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    endedAt: null,
    durationSeconds: null,
    sequence: 0,
  };
}

/** The call as the API shows it (`GET …/Calls/{Sid}.json`). */
export function callJson(call: TestCall): Record<string, unknown> {
  const base = `/2010-04-01/Accounts/${call.accountSid}/Calls/${call.sid}`;
  return {
    account_sid: call.accountSid,
    annotation: null,
    answered_by: null,
    api_version: '2010-04-01',
    caller_name: null,
    date_created: rfc2822(call.createdAt),
    date_updated: rfc2822(call.updatedAt),
    direction: 'outbound-api',
    duration: call.durationSeconds === null ? null : String(call.durationSeconds),
    end_time: call.endedAt === null ? null : rfc2822(call.endedAt),
    forwarded_from: null,
    from: call.from,
    from_formatted: call.from,
    group_sid: null,
    parent_call_sid: null,
    phone_number_sid: null,
    price: null,
    price_unit: 'USD',
    queue_time: '0',
    sid: call.sid,
    start_time: call.startedAt === null ? null : rfc2822(call.startedAt),
    status: call.status,
    subresource_uris: {
      notifications: `${base}/Notifications.json`,
      recordings: `${base}/Recordings.json`,
      events: `${base}/Events.json`,
    },
    to: call.to,
    to_formatted: call.to,
    trunk_sid: null,
    uri: `${base}.json`,
  };
}

/** The parameters Twilio sends about a call (its voice webhooks and status callbacks). */
export function callParams(call: TestCall): Record<string, string> {
  return {
    AccountSid: call.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: call.sid,
    CallStatus: call.status,
    Called: call.to,
    Caller: call.from,
    Direction: 'outbound-api',
    From: call.from,
    To: call.to,
  };
}

/** A status callback's parameters for the call as it is now. */
export function callStatusParams(call: TestCall, at: Date): Record<string, string> {
  const ended = call.endedAt !== null;
  return {
    ...callParams(call),
    CallbackSource: 'call-progress-events',
    SequenceNumber: String(call.sequence),
    Timestamp: rfc2822(at),
    ...(ended
      ? {
          CallDuration: String(call.durationSeconds ?? 0),
          Duration: String(Math.ceil((call.durationSeconds ?? 0) / 60)),
          SipResponseCode: SIP_CODES[call.status] ?? '200',
        }
      : {}),
  };
}

const SIP_CODES: Record<string, string> = {
  completed: '200',
  busy: '486',
  'no-answer': '487',
  failed: '500',
};

/** The status callback event a status belongs to, or null (queued has none). */
export function eventOf(status: string): string | null {
  switch (status) {
    case 'initiated':
      return 'initiated';
    case 'ringing':
      return 'ringing';
    case 'in-progress':
      return 'answered';
    case 'queued':
      return null;
    default:
      return 'completed';
  }
}
