import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  PARTNER_DELIVERY_SWITCH,
  PARTNER_DIRECTORY,
  type PartnerDeliverySwitch,
  type PartnerDirectory,
} from '../../ports/partner-directory';
import { textCommandOf, textReplies } from './text-command';

/** A text a partner sent to LeadRail's number, as Twilio's signed webhook gives it. */
export interface InboundText {
  from: string;
  body: string;
  messageSid: string;
}

/**
 * Partners' text commands. The sender is known by the number it texts from
 * (Twilio's `From`, E.164), looked up in the partner directory: a partner
 * pauses or resumes only its own deliveries, and only from the phone number
 * registered in its contact details. The reply (null: none) is what the
 * partner reads back.
 */
@Injectable()
export class TextCommands {
  private readonly logger = new Logger(TextCommands.name);

  constructor(
    @Inject(PARTNER_DIRECTORY) private readonly directory: PartnerDirectory,
    @Inject(PARTNER_DELIVERY_SWITCH) private readonly deliveries: PartnerDeliverySwitch,
  ) {}

  async answer(text: InboundText): Promise<string | null> {
    const command = textCommandOf(text.body);
    if (command === 'carrier-keyword') {
      return null;
    }
    const partner = await this.directory.byPhone(text.from);
    if (partner === null) {
      this.logger.log(`text ${text.messageSid} from a number no partner has: refused`);
      return textReplies.unknownNumber;
    }
    if (command === 'help') {
      return textReplies.help;
    }
    try {
      if (command === 'pause') {
        await this.deliveries.pause(
          partner.partnerId,
          `the partner texted LEADS OFF from ${text.from} (Twilio message ${text.messageSid})`,
        );
      } else {
        await this.deliveries.resume(partner.partnerId);
      }
    } catch (error) {
      this.logger.error(
        `text ${text.messageSid}: could not ${command} partner ${partner.partnerId}: ${(error as Error).message}`,
      );
      return textReplies.failed;
    }
    this.logger.log(`text ${text.messageSid}: partner ${partner.partnerId} ${command}d by text`);
    return command === 'pause'
      ? textReplies.paused(partner.name)
      : textReplies.resumed(partner.name);
  }
}
