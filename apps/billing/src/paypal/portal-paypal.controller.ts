import { Body, Controller, HttpCode, Inject, Post, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPortalPartner,
  PortalAccessRequired,
  type PortalPartner,
} from '@leadrail/portal-session';
import { PaypalTopUpErrorFilter } from './paypal-top-up-error.filter';
import { StartTopUpDto } from './paypal-top-up.dto';
import { PaypalTopUps, type StartedTopUp } from './paypal-top-ups';

/**
 * The partner's own top-up from its portal. Paying in is not a lead
 * permission: any level that opens the portal may (`PortalAccessRequired()`
 * with no level: leads-and-reports, leads-only, everything-except-leads), and
 * an inactive partner or level `none` may not.
 */
@ApiTags('paypal top-ups')
@Controller('billing/portal/paypal')
@PortalAccessRequired()
@UseFilters(PaypalTopUpErrorFilter)
export class PortalPaypalController {
  constructor(@Inject(PaypalTopUps) private readonly topUps: PaypalTopUps) {}

  @Post('orders')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Start a PayPal top-up of the partner's account: the order to approve at PayPal (approveUrl), then to capture",
  })
  start(
    @CurrentPortalPartner() partner: PortalPartner,
    @Body() body: StartTopUpDto,
  ): Promise<StartedTopUp> {
    return this.topUps.start(partner.partnerId.toLowerCase(), body.amount);
  }
}
