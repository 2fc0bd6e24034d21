import { Module } from '@nestjs/common';
import { EMAIL_SETTINGS, emailSettingsProvider } from './email.env';
import { EmailRenderer } from './email-renderer';
import { EmailSender } from './email-sender';
import { EmailTemplateSettings } from './email-template-settings';
import { EmailTemplateController } from './email-template.controller';

/**
 * The email channel of delivery: the operators' template setting and its
 * endpoints (`/delivery/email-template`), rendering (MJML, subject, text) and
 * sending over SMTP. Needs the service kit's EVENT_STORE, CLOCK, IDS and
 * SERVICE_CONFIG (global in every service).
 */
@Module({
  controllers: [EmailTemplateController],
  providers: [emailSettingsProvider, EmailRenderer, EmailTemplateSettings, EmailSender],
  exports: [EMAIL_SETTINGS, EmailRenderer, EmailTemplateSettings, EmailSender],
})
export class EmailModule {}
