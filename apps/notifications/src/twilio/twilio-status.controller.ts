import {
  BadRequestException,
  Controller,
  HttpCode,
  Inject,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { SMS_STATUS_SINK, type SmsStatusSink } from '../ports/sms-sender';
import { TWILIO_ROUTES } from './twilio-routes';
import {
  TwilioParams,
  type TwilioParamsOf,
  TwilioSignatureGuard,
  param,
} from './twilio-signature.guard';

/**
 * Twilio's status callbacks of the texts LeadRail sent (queued, sent,
 * delivered, undelivered, failed…), at the URL each message named. Public:
 * Twilio sends no credentials, its signature proves the request; a forged or
 * tampered one is 403 and nothing is recorded. Twilio does not promise the
 * order of callbacks: the sink keeps what a later status may not undo.
 */
@ApiTags('twilio webhooks')
@Controller()
@UseGuards(TwilioSignatureGuard)
export class TwilioStatusController {
  constructor(
    @Inject(SMS_STATUS_SINK) private readonly sink: SmsStatusSink,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(TWILIO_ROUTES.smsStatus)
  @HttpCode(204)
  @ApiOperation({
    summary: "Twilio's status callbacks of a text (signed with X-Twilio-Signature; 403 otherwise)",
  })
  async status(
    @Param('notificationId') notificationId: string,
    @TwilioParams() params: TwilioParamsOf,
  ): Promise<void> {
    // SmsSid and SmsStatus are the older names Twilio still sends beside these.
    const providerId = param(params, 'MessageSid') ?? param(params, 'SmsSid');
    const status = param(params, 'MessageStatus') ?? param(params, 'SmsStatus');
    if (providerId === undefined || status === undefined) {
      throw new BadRequestException('a status callback names MessageSid and MessageStatus');
    }
    const errorCode = param(params, 'ErrorCode');
    await this.sink.recordStatus({
      notificationId,
      providerId,
      status,
      errorCode: errorCode === undefined || errorCode === '' ? null : errorCode,
      // Message status callbacks carry no time of their own: the time Twilio told us.
      at: this.clock.now().toISOString(),
    });
  }
}
