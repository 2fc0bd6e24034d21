import { Module } from '@nestjs/common';
import { RedeliverController } from './commands/redeliver/redeliver.controller';
import { TestDeliveryController } from './commands/test-delivery/test-delivery.controller';
import { deliverySettingsProvider } from './config/delivery.env';
import { AttemptLog } from './deliveries/attempt-log';
import { AttemptLogRetention } from './deliveries/attempt-log-retention';
import { AttemptRunner } from './deliveries/attempt-runner';
import { CHANNEL_SENDERS, type ChannelSenders } from './deliveries/channel-senders';
import { Deliveries } from './deliveries/deliveries';
import { DeliveryAttemptsPoller } from './deliveries/delivery-attempts.poller';
import { DeliverySchedule } from './deliveries/delivery-schedule';
import { EmailChannel } from './deliveries/email-channel';
import { InternetChannel } from './deliveries/internet-channel';
import { EmailModule } from './email/email.module';
import { InternetModule } from './internet';
import { LeadContacts } from './lead-view/lead-contacts';
import { DeliveryAttemptsController } from './queries/attempts/delivery-attempts.controller';
import { DeliveryAttemptsQuery } from './queries/attempts/delivery-attempts.query';
import { ReferralEmailAttempts } from './referrals/referral-email-attempts';
import { ReferralEmailRenderer } from './referrals/referral-email-renderer';
import { ReferralEmails } from './referrals/referral-emails';
import { ReferralEmailsPoller } from './referrals/referral-emails.poller';
import { referralLinkSettingsProvider } from './referrals/referral-links.env';

/**
 * The delivery service's use cases: delivering leads by internet and email,
 * the referral email (the redacted lead with Accept and Decline links), and
 * the attempt log.
 */
@Module({
  imports: [InternetModule, EmailModule],
  controllers: [DeliveryAttemptsController, RedeliverController, TestDeliveryController],
  providers: [
    deliverySettingsProvider,
    LeadContacts,
    Deliveries,
    DeliverySchedule,
    AttemptLog,
    AttemptLogRetention,
    InternetChannel,
    EmailChannel,
    {
      provide: CHANNEL_SENDERS,
      inject: [InternetChannel, EmailChannel],
      useFactory: (internet: InternetChannel, email: EmailChannel): ChannelSenders => ({
        internet,
        email,
      }),
    },
    AttemptRunner,
    DeliveryAttemptsPoller,
    DeliveryAttemptsQuery,
    referralLinkSettingsProvider,
    ReferralEmails,
    ReferralEmailRenderer,
    ReferralEmailAttempts,
    ReferralEmailsPoller,
  ],
  // The integration-event handlers live in the service's root module and use these.
  exports: [Deliveries],
})
export class DeliveryModule {}
