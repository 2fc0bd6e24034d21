import { Controller, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { PaypalTopUpErrorFilter } from './paypal-top-up-error.filter';
import { type WebhookOutcome, PaypalWebhooks } from './paypal-webhooks';

/**
 * PayPal's webhook (the URL of PAYPAL_WEBHOOK_ID). Public: PayPal sends no
 * credentials; each delivery proves itself through PayPal's signature
 * verification. 200 for every verified event, acted on or not (PayPal
 * retries anything else for days); 400 for a forged, tampered or replayed one.
 */
@ApiTags('paypal top-ups')
@Controller('billing/paypal/webhooks')
@UseFilters(PaypalTopUpErrorFilter)
export class PaypalWebhookController {
  constructor(@Inject(PaypalWebhooks) private readonly webhooks: PaypalWebhooks) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "PayPal's webhook deliveries (PAYMENT.CAPTURE.COMPLETED credits a top-up)",
  })
  receive(@Req() request: Request & { rawBody?: Buffer }): Promise<WebhookOutcome> {
    // The body as parsed only after PayPal vouched for the bytes (`rawBody`) it was parsed from.
    return this.webhooks.receive(request.headers, request.rawBody, request.body as unknown);
  }
}
