import {
  BadRequestException,
  Controller,
  Header,
  HttpCode,
  Inject,
  Logger,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { TWILIO_ROUTES } from '../twilio-routes';
import {
  TwilioParams,
  type TwilioParamsOf,
  TwilioSignatureGuard,
  param,
} from '../twilio-signature.guard';
import { CallTransfers } from './call-transfers';
import { afterDialTwiml } from './transfer-twiml';

const CALL_STATUSES = new Set([
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
]);
const DIAL_STATUSES = new Set(['completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled']);

/** A whole number Twilio sent, or null. */
function count(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/**
 * Twilio's callbacks of a transfer's call (public, signed by Twilio; 403
 * otherwise): its status callbacks (initiated, ringing, in-progress, then
 * completed, busy, no-answer, failed or canceled) and the end of its <Dial>
 * to the partner, which answers the TwiML that ends the call.
 */
@ApiTags('twilio webhooks')
@Controller()
@UseGuards(TwilioSignatureGuard)
export class CallStatusController {
  private readonly logger = new Logger(CallStatusController.name);

  constructor(
    @Inject(CallTransfers) private readonly transfers: CallTransfers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(TWILIO_ROUTES.callStatus)
  @HttpCode(204)
  @ApiOperation({ summary: "Twilio's status callbacks of a transfer's call (signed by Twilio)" })
  async status(
    @Param('transferId') transferId: string,
    @TwilioParams() params: TwilioParamsOf,
  ): Promise<void> {
    const callSid = param(params, 'CallSid');
    const status = param(params, 'CallStatus');
    if (callSid === undefined || status === undefined || !CALL_STATUSES.has(status)) {
      throw new BadRequestException('a call status callback names CallSid and a CallStatus');
    }
    const timestamp = new Date(param(params, 'Timestamp') ?? Number.NaN);
    const known = await this.transfers.progress(transferId, {
      callSid,
      status,
      at: Number.isNaN(timestamp.getTime()) ? this.clock.now() : timestamp,
      sequence: count(param(params, 'SequenceNumber')),
      durationSeconds: count(param(params, 'CallDuration')),
    });
    if (!known) {
      this.logger.warn(
        `status ${status} of call ${callSid} for no transfer of ours (${transferId})`,
      );
    }
  }

  @Post(TWILIO_ROUTES.dialEnded)
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiOperation({
    summary: "The end of a transfer's dial to the partner (signed by Twilio): TwiML",
  })
  async dialEnded(
    @Param('transferId') transferId: string,
    @TwilioParams() params: TwilioParamsOf,
  ): Promise<string> {
    const status = param(params, 'DialCallStatus') ?? 'failed';
    if (!DIAL_STATUSES.has(status)) {
      throw new BadRequestException('DialCallStatus is not one Twilio sends');
    }
    await this.transfers.dialEnded(transferId, {
      status,
      callSid: param(params, 'DialCallSid') ?? null,
      durationSeconds: count(param(params, 'DialCallDuration')),
    });
    return afterDialTwiml(status);
  }
}
