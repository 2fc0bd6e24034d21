/** Everything that talks to Twilio: what the notifications service wires in (docs/notifications-twilio.md). */
export { TwilioModule, type TwilioModuleOptions } from './twilio.module';
export {
  TWILIO_SETTINGS,
  type PartnersApi,
  type TwilioConnection,
  type TwilioSender,
  type TwilioSettings,
  twilioSettings,
} from './twilio.env';
export { SMS_NOT_CONFIGURED, SmsNotConfigured, TwilioSmsSender } from './twilio-sms-sender';
export { PartnerSwitchError, PartnersApiSwitch } from './partner-switch/partners-api-switch';
export { CreateCallTransfers1764000004500 } from './migrations/1764000004500-create-call-transfers';
export type { CallTransfer } from './transfers/call-transfers';
// For tests of the notifications service (Twilio's endpoints and webhooks); depends on node: only.
export {
  TwilioTestServer,
  type TwilioTestServerOptions,
  type CallbackDelivery,
  type ReceivedRequest,
} from './testing/twilio-test-server';
