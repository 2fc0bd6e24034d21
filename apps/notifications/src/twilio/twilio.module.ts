import { type DynamicModule, type ModuleMetadata, Module, type Provider } from '@nestjs/common';
import { OperatorAuthGuard } from '@leadrail/nest-kit';
import type { Twilio } from 'twilio';
import { PARTNER_DELIVERY_SWITCH } from '../ports/partner-directory';
import { SMS_SENDER, type SmsSender } from '../ports/sms-sender';
import { PartnersApiSwitch } from './partner-switch/partners-api-switch';
import { TextCommands } from './text-commands/text-commands';
import { TextCommandsController } from './text-commands/text-commands.controller';
import { CallStatusController } from './transfers/call-status.controller';
import { CallTransfers } from './transfers/call-transfers';
import { TransferCalls } from './transfers/transfer-calls';
import { TransfersController } from './transfers/transfers.controller';
import { TWILIO_SETTINGS, type TwilioSettings, twilioSettingsProvider } from './twilio.env';
import { TWILIO_CLIENT, createTwilioClient } from './twilio-client';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { SmsNotConfigured, TwilioSmsSender } from './twilio-sms-sender';
import { TwilioStatusController } from './twilio-status.controller';

/** What the notifications service gives TwilioModule. */
export interface TwilioModuleOptions {
  /** Modules exporting what `providers` does not give (the notifications core). */
  imports?: ModuleMetadata['imports'];
  /** SMS_STATUS_SINK (where status callbacks go) and PARTNER_DIRECTORY, unless `imports` export them. */
  providers?: Provider[];
}

/**
 * Everything that talks to Twilio: the SMS_SENDER (Messages API), Twilio's
 * signed status callbacks (to SMS_STATUS_SINK), partners' text commands
 * (LEADS OFF / LEADS ON, through PARTNER_DELIVERY_SWITCH: the partners
 * service's admin API) and hot-key transfers (Calls API, the
 * `notification_call_transfers` table of migration
 * CreateCallTransfers1764000004500). Needs the service kit's SERVICE_CONFIG,
 * CLOCK, IDS and TypeORM DataSource (global in every service). With the
 * TWILIO_* variables unset the sender says SMS is off and the routes answer
 * 503. docs/notifications-twilio.md.
 */
@Module({})
export class TwilioModule {
  static register(options: TwilioModuleOptions = {}): DynamicModule {
    return {
      module: TwilioModule,
      imports: options.imports ?? [],
      controllers: [
        TwilioStatusController,
        TextCommandsController,
        TransfersController,
        CallStatusController,
      ],
      providers: [
        ...(options.providers ?? []),
        twilioSettingsProvider,
        {
          provide: TWILIO_CLIENT,
          inject: [TWILIO_SETTINGS],
          useFactory: (settings: TwilioSettings): Twilio | null =>
            settings.twilio === null ? null : createTwilioClient(settings.twilio),
        },
        {
          provide: SMS_SENDER,
          inject: [TWILIO_SETTINGS, TWILIO_CLIENT],
          useFactory: (settings: TwilioSettings, client: Twilio | null): SmsSender =>
            settings.twilio === null || client === null
              ? new SmsNotConfigured()
              : new TwilioSmsSender(client, settings.twilio),
        },
        { provide: PARTNER_DELIVERY_SWITCH, useClass: PartnersApiSwitch },
        TextCommands,
        CallTransfers,
        TransferCalls,
        TwilioSignatureGuard,
        OperatorAuthGuard,
      ],
      exports: [SMS_SENDER, PARTNER_DELIVERY_SWITCH, TWILIO_SETTINGS],
    };
  }
}
