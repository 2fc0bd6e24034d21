import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CallOutcome,
  type DialOutcome,
  type TestCall,
  type TestDial,
  callParams,
  callStatusParams,
  eventOf,
  readTwiml,
} from './twilio-test-calls';
import { twilioSid } from './twilio-test-http';
import { type TestMessage, nextStatus, statusCallbackParams } from './twilio-test-messages';
import type { CallbackDelivery, TestWebhooks } from './twilio-test-webhooks';

/** What moving messages and calls on needs from the server. */
export interface Lifecycle {
  webhooks: TestWebhooks;
  /** The account's first number: what a Messaging Service sends from. */
  senderNumber: string;
  stepMs: number;
  stopped(): boolean;
}

/**
 * Moves a message one status on (queued → sent → delivered…) and, when Twilio
 * would, POSTs the signed status callback. Null once it is final.
 */
export async function advanceMessage(
  message: TestMessage,
  lifecycle: Lifecycle,
): Promise<CallbackDelivery | 'no-callback' | null> {
  const next = nextStatus(message);
  if (next === null) {
    return null;
  }
  const now = new Date();
  message.status = next.status;
  message.updatedAt = now;
  // A Messaging Service picks the sender from its pool once it queues the message.
  message.from ??= lifecycle.senderNumber;
  if (next.status === 'sent') {
    message.sentAt = now;
  }
  if (next.status === 'failed' || next.status === 'undelivered') {
    message.errorCode = message.outcome.errorCode;
  }
  if (!next.callback || message.statusCallback === null) {
    return 'no-callback';
  }
  return lifecycle.webhooks.post(message.statusCallback, statusCallbackParams(message));
}

/** Moves a message on step by step until it is final (or the server stops). */
export async function runMessage(message: TestMessage, lifecycle: Lifecycle): Promise<void> {
  for (;;) {
    await sleep(lifecycle.stepMs);
    if (lifecycle.stopped() || (await advanceMessage(message, lifecycle)) === null) {
      return;
    }
  }
}

/** How a call's callee and its <Dial>'s callees take it. */
export interface CallScript {
  outcome: CallOutcome;
  dialOutcome(number: string): DialOutcome;
}

/**
 * A call from start to end, as Twilio places it: initiated, ringing, then
 * answered (in-progress) or busy, no-answer, failed. An answered call runs
 * its TwiML (`Twiml`, or fetched from `Url` with a signed POST): a `<Dial>`
 * rings its number, and its end is POSTed to the dial's `action` (with
 * DialCallStatus, DialCallSid, DialCallDuration); then the call completes.
 * Each status is called back when its event (initiated, ringing, answered,
 * completed) was asked for, with an increasing SequenceNumber.
 */
export async function runCall(call: TestCall, script: CallScript, lifecycle: Lifecycle) {
  const move = async (status: string, change: (now: Date) => void = () => undefined) => {
    await sleep(lifecycle.stepMs);
    if (lifecycle.stopped()) {
      return false;
    }
    const now = new Date();
    call.status = status;
    call.updatedAt = now;
    change(now);
    const event = eventOf(status);
    if (
      call.statusCallback !== null &&
      event !== null &&
      call.statusCallbackEvents.includes(event)
    ) {
      await lifecycle.webhooks.post(call.statusCallback, callStatusParams(call, now));
      call.sequence += 1;
    }
    return true;
  };
  if (!(await move('initiated')) || !(await move('ringing'))) {
    return;
  }
  if (script.outcome !== 'answer') {
    await move(script.outcome, (now) => {
      call.endedAt = now;
      call.durationSeconds = 0;
    });
    return;
  }
  if (!(await move('in-progress', (now) => (call.startedAt = now)))) {
    return;
  }
  const dial = call.dial ?? (await fetchDial(call, lifecycle));
  const talked = dial === null ? 5 : await runDial(call, dial, script, lifecycle);
  await move('completed', (now) => {
    call.endedAt = now;
    call.durationSeconds = talked + 3;
  });
}

/** The TwiML at the call's Url (a signed POST, as Twilio fetches it), and its dial. */
async function fetchDial(call: TestCall, lifecycle: Lifecycle): Promise<TestDial | null> {
  if (call.url === null) {
    return null;
  }
  const answer = await lifecycle.webhooks.post(call.url, callParams(call));
  const read = answer.status === 200 ? readTwiml(answer.body) : null;
  if (read !== null) {
    call.says.push(...read.says);
    call.dial = read.dial;
  }
  return read?.dial ?? null;
}

/** Rings the dial's number; reports its end to the dial's action. Returns how long they talked. */
async function runDial(
  call: TestCall,
  dial: TestDial,
  script: CallScript,
  lifecycle: Lifecycle,
): Promise<number> {
  await sleep(lifecycle.stepMs);
  const outcome = script.dialOutcome(dial.numbers[0] ?? '');
  const talked = outcome === 'completed' ? 42 : 0;
  if (dial.action !== null && !lifecycle.stopped()) {
    await lifecycle.webhooks.post(dial.action, {
      ...callParams(call),
      DialBridged: String(outcome === 'completed'),
      ...(outcome === 'failed' ? {} : { DialCallSid: twilioSid('CA') }),
      DialCallDuration: String(talked),
      DialCallStatus: outcome,
    });
  }
  return talked;
}
