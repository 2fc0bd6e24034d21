import { twiml } from 'twilio';

/** How long the partner's transfer number may ring before the lead is told nobody answered. */
export const PARTNER_RING_SECONDS = 30;

/**
 * What Twilio does once the lead answers LeadRail's call: says who they are
 * being put through to, then bridges them to the partner's transfer number
 * (`<Dial><Number>`), showing LeadRail's number as the caller (Twilio allows
 * only the account's own numbers there). When the dial ends Twilio POSTs its
 * outcome to `dialEndedUrl`, whose TwiML ends the call.
 */
export function transferTwiml(options: {
  partnerName: string;
  partnerPhone: string;
  callerId: string;
  dialEndedUrl: string;
}): string {
  const response = new twiml.VoiceResponse();
  response.say(`Connecting you to ${options.partnerName.slice(0, 100)}. Please hold.`);
  response
    .dial({
      callerId: options.callerId,
      timeout: PARTNER_RING_SECONDS,
      action: options.dialEndedUrl,
      method: 'POST',
    })
    .number(options.partnerPhone);
  return response.toString();
}

/** What the lead hears after the dial: nothing when the partner took the call, an apology otherwise. */
export function afterDialTwiml(dialStatus: string): string {
  const response = new twiml.VoiceResponse();
  if (dialStatus !== 'completed' && dialStatus !== 'answered') {
    response.say('Sorry, we could not connect your call. We will be in touch. Goodbye.');
  }
  response.hangup();
  return response.toString();
}
