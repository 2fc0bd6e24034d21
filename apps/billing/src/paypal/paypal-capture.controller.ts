import {
  Controller,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  SetMetadata,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Operator, RequiresAdmin } from '@leadrail/nest-kit';
import {
  ANY_PORTAL_ACCESS,
  PORTAL_ACCESS_REQUIREMENT,
  type PortalRequest,
} from '@leadrail/portal-session';
import type { Request } from 'express';
import { PartnerOrOperatorGuard } from './partner-or-operator.guard';
import { PaypalOrderIdPipe } from './paypal-ids.pipe';
import { PaypalTopUpErrorFilter } from './paypal-top-up-error.filter';
import { type CaptureOutcome, PaypalTopUps } from './paypal-top-ups';

/**
 * Capturing an approved top-up credits the account. The portal partner
 * captures its own orders only; an operator (administrator) any. Idempotent:
 * asked again, it answers the same outcome with `credited: false`.
 */
@ApiTags('paypal top-ups')
@Controller('billing/paypal/orders')
@UseFilters(PaypalTopUpErrorFilter)
export class PaypalCaptureController {
  constructor(@Inject(PaypalTopUps) private readonly topUps: PaypalTopUps) {}

  @Post(':orderId/capture')
  @HttpCode(200)
  @UseGuards(PartnerOrOperatorGuard)
  // Operators: a change, administrators only. Partners: any portal access level.
  @RequiresAdmin()
  @SetMetadata(PORTAL_ACCESS_REQUIREMENT, ANY_PORTAL_ACCESS)
  @ApiBearerAuth()
  @ApiBearerAuth('portal-session')
  @ApiOperation({
    summary: "Capture an approved PayPal top-up and credit the partner's account, once",
  })
  capture(
    @Param('orderId', PaypalOrderIdPipe) orderId: string,
    @Req() request: Request & PortalRequest & { operator?: Operator },
  ): Promise<CaptureOutcome> {
    if (request.operator !== undefined) {
      return this.topUps.capture(orderId, { type: 'operator', id: request.operator.id });
    }
    const partnerId = request.portalPartner!.partnerId.toLowerCase();
    return this.topUps.capture(orderId, { type: 'partner', id: partnerId }, partnerId);
  }
}
