import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import type { IdGenerator } from '@leadrail/event-store';
import { CLOCK, type Clock, IDS } from '@leadrail/nest-kit';
import type { Twilio } from 'twilio';
import { PARTNER_DIRECTORY, type PartnerDirectory } from '../../ports/partner-directory';
import { TWILIO_SETTINGS, type TwilioSettings, callerNumberOf } from '../twilio.env';
import { TWILIO_CLIENT } from '../twilio-client';
import { refusalOf } from '../twilio-refusal';
import { callStatusUrl, dialEndedUrl } from '../twilio-routes';
import { type CallTransfer, CallTransfers } from './call-transfers';
import { transferTwiml } from './transfer-twiml';

/** The call's status callbacks: every step, so operators see it ring, connect and end. */
const CALL_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

function refused(status: number, error: string, message: string, extra: object = {}): never {
  throw new HttpException({ statusCode: status, error, message, ...extra }, status);
}

/**
 * Hot-key transfers: while an agent has the lead on the phone, LeadRail has
 * Twilio call the lead's number (Calls API) with TwiML that bridges the lead
 * to the partner's transfer number, and follows the call through Twilio's
 * signed status callbacks (CallStatusController). The transfer is recorded
 * before Twilio is asked, so a callback can never arrive for a transfer
 * LeadRail does not know.
 */
@Injectable()
export class TransferCalls {
  private readonly logger = new Logger(TransferCalls.name);

  constructor(
    @Inject(TWILIO_SETTINGS) private readonly settings: TwilioSettings,
    @Inject(TWILIO_CLIENT) private readonly client: Twilio | null,
    @Inject(PARTNER_DIRECTORY) private readonly directory: PartnerDirectory,
    @Inject(CallTransfers) private readonly transfers: CallTransfers,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDS) private readonly ids: IdGenerator,
  ) {}

  async place(
    request: { leadId: string; partnerId: string; leadPhone: string },
    operatorId: string,
  ): Promise<CallTransfer> {
    const twilio = this.settings.twilio;
    if (twilio === null || this.client === null) {
      return refused(503, 'TRANSFERS_NOT_CONFIGURED', 'Twilio is not configured (TWILIO_*)');
    }
    const from = callerNumberOf(twilio);
    if (from === null) {
      return refused(
        503,
        'TRANSFERS_NOT_CONFIGURED',
        'hot-key transfers need TWILIO_FROM to be a phone number: Twilio places calls from a number, not from a Messaging Service',
      );
    }
    const partner = await this.directory.byId(request.partnerId);
    if (partner === null) {
      return refused(404, 'PARTNER_NOT_FOUND', `no partner ${request.partnerId}`);
    }
    if (partner.transferPhone === null) {
      return refused(
        409,
        'NO_TRANSFER_NUMBER',
        `partner ${partner.name} has no transfer telephone number (its contact details)`,
      );
    }
    const transferId = this.ids.next();
    await this.transfers.add({
      transferId,
      ...request,
      partnerPhone: partner.transferPhone,
      requestedBy: operatorId,
      at: this.clock.now(),
    });
    try {
      const call = await this.client.calls.create({
        to: request.leadPhone,
        from,
        twiml: transferTwiml({
          partnerName: partner.name,
          partnerPhone: partner.transferPhone,
          callerId: from,
          dialEndedUrl: dialEndedUrl(twilio.publicUrl, transferId),
        }),
        statusCallback: callStatusUrl(twilio.publicUrl, transferId),
        statusCallbackMethod: 'POST',
        statusCallbackEvent: CALL_EVENTS,
      });
      await this.transfers.placed(transferId, call.sid, call.status, this.clock.now());
    } catch (error) {
      await this.notPlaced(transferId, error);
    }
    return (await this.transfers.find(transferId))!;
  }

  private async notPlaced(transferId: string, error: unknown): Promise<never> {
    const refusal = refusalOf(error);
    const reason =
      refusal === null
        ? `Twilio did not answer: ${(error as Error).message}`
        : `Twilio ${refusal.status}${refusal.code === null ? '' : ` (${refusal.code})`}: ${refusal.message}`;
    await this.transfers.notPlaced(transferId, reason, this.clock.now());
    this.logger.warn(`transfer ${transferId} not placed: ${reason}`);
    if (
      refusal !== null &&
      refusal.status < 500 &&
      refusal.status !== 401 &&
      refusal.status !== 429
    ) {
      return refused(422, 'TRANSFER_REFUSED', `Twilio refused the call: ${refusal.message}`, {
        transferId,
        twilio: { code: refusal.code, message: refusal.message },
      });
    }
    return refused(502, 'TWILIO_UNAVAILABLE', reason, { transferId });
  }
}
