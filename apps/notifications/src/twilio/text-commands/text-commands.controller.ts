import { Controller, Header, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { twiml } from 'twilio';
import { TWILIO_ROUTES } from '../twilio-routes';
import {
  TwilioParams,
  type TwilioParamsOf,
  TwilioSignatureGuard,
  param,
} from '../twilio-signature.guard';
import { TextCommands } from './text-commands';

/**
 * The webhook of LeadRail's Twilio number for incoming texts ("A message
 * comes in": `POST <PUBLIC_NOTIFICATIONS_URL>/notifications/twilio/inbound`).
 * Public, signed by Twilio (403 otherwise). Answers TwiML: the reply as a
 * `<Message>`, or an empty `<Response/>` for no reply.
 */
@ApiTags('twilio webhooks')
@Controller()
@UseGuards(TwilioSignatureGuard)
export class TextCommandsController {
  constructor(@Inject(TextCommands) private readonly commands: TextCommands) {}

  @Post(TWILIO_ROUTES.inbound)
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiProduces('text/xml')
  @ApiOperation({
    summary:
      "Texts to LeadRail's number: LEADS OFF / LEADS ON from a partner's registered phone (signed by Twilio)",
  })
  async receive(@TwilioParams() params: TwilioParamsOf): Promise<string> {
    const reply = await this.commands.answer({
      from: param(params, 'From') ?? '',
      body: param(params, 'Body') ?? '',
      messageSid: param(params, 'MessageSid') ?? param(params, 'SmsSid') ?? '(none)',
    });
    const response = new twiml.MessagingResponse();
    if (reply !== null) {
      response.message(reply);
    }
    return response.toString();
  }
}
