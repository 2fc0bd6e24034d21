/**
 * The routes Twilio calls on this service, and the URLs LeadRail gives Twilio
 * for them: PUBLIC_NOTIFICATIONS_URL followed by the route's path. Twilio
 * signs the URL it calls, so the same base rebuilds it when a request is
 * checked (twilio-signature.guard.ts).
 */
export const TWILIO_ROUTES = {
  /** An SMS's status callbacks; the notification's id in the path says which text it is about. */
  smsStatus: 'notifications/twilio/status/:notificationId',
  /** Texts partners send to LeadRail's number (the number's "A message comes in" webhook). */
  inbound: 'notifications/twilio/inbound',
  /** A transfer call's status callbacks. */
  callStatus: 'notifications/twilio/calls/:transferId',
  /** The end of a transfer's <Dial> to the partner (its `action`). */
  dialEnded: 'notifications/twilio/calls/:transferId/dial',
} as const;

export function smsStatusUrl(publicUrl: string, notificationId: string): string {
  return `${publicUrl}/notifications/twilio/status/${encodeURIComponent(notificationId)}`;
}

export function inboundSmsUrl(publicUrl: string): string {
  return `${publicUrl}/notifications/twilio/inbound`;
}

export function callStatusUrl(publicUrl: string, transferId: string): string {
  return `${publicUrl}/notifications/twilio/calls/${encodeURIComponent(transferId)}`;
}

export function dialEndedUrl(publicUrl: string, transferId: string): string {
  return `${callStatusUrl(publicUrl, transferId)}/dial`;
}
