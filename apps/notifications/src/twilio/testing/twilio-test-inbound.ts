import { twilioSid } from './twilio-test-http';
import type { TestMessage } from './twilio-test-messages';
import type { CallbackDelivery, TestWebhooks } from './twilio-test-webhooks';

/** What a text to the account's number came to: the webhook's answer and the reply Twilio sent. */
export interface InboundTextResult extends CallbackDelivery {
  /** The `<Message>` bodies of the TwiML answer, each sent back to the texter. */
  replies: string[];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Delivers a text to the number's messaging webhook as Twilio does (the
 * parameters of an incoming SMS, signed), records the received message, and
 * sends each `<Message>` of a TwiML answer back to the texter (an
 * outbound-reply message from the number).
 */
export async function inboundText(
  url: string,
  text: { from: string; to: string; body: string },
  accountSid: string,
  server: { webhooks: TestWebhooks; record(message: TestMessage): void },
): Promise<InboundTextResult> {
  const sid = twilioSid('SM');
  const now = new Date();
  server.record({
    sid,
    accountSid,
    direction: 'inbound',
    to: text.to,
    from: text.from,
    messagingServiceSid: null,
    body: text.body,
    status: 'received',
    statusCallback: null,
    createdAt: now,
    updatedAt: now,
    sentAt: now,
    errorCode: null,
    outcome: { status: 'delivered', errorCode: null },
  });
  const delivery = await server.webhooks.post(url, {
    AccountSid: accountSid,
    ApiVersion: '2010-04-01',
    Body: text.body,
    From: text.from,
    MessageSid: sid,
    NumMedia: '0',
    NumSegments: '1',
    SmsMessageSid: sid,
    SmsSid: sid,
    SmsStatus: 'received',
    To: text.to,
  });
  const xml = delivery.status === 200 ? delivery.body : '';
  const replies = [...xml.matchAll(/<Message(?:\s[^>]*)?>([\s\S]*?)<\/Message>/g)].map((m) =>
    unescapeXml(m[1]!),
  );
  for (const reply of replies) {
    const at = new Date();
    server.record({
      sid: twilioSid('SM'),
      accountSid,
      direction: 'outbound-reply',
      to: text.from,
      from: text.to,
      messagingServiceSid: null,
      body: reply,
      status: 'delivered',
      statusCallback: null,
      createdAt: at,
      updatedAt: at,
      sentAt: at,
      errorCode: null,
      outcome: { status: 'delivered', errorCode: null },
    });
  }
  return { ...delivery, replies };
}
