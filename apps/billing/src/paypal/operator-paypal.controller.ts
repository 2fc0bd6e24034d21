import {
  Body,
  Controller,
  HttpCode,
  Inject,
  Param,
  Post,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuthGuard, RequiresAdmin } from '@leadrail/nest-kit';
import { PartnerIdPipe } from './paypal-ids.pipe';
import { PaypalTopUpErrorFilter } from './paypal-top-up-error.filter';
import { StartTopUpDto } from './paypal-top-up.dto';
import { PaypalTopUps, type StartedTopUp } from './paypal-top-ups';

/** An operator starts a top-up for a partner (on the phone, say) and sends it the approveUrl. */
@ApiTags('paypal top-ups')
@ApiBearerAuth()
@Controller('billing/partners/:partnerId/paypal')
@UseGuards(OperatorAuthGuard)
@UseFilters(PaypalTopUpErrorFilter)
export class OperatorPaypalController {
  constructor(@Inject(PaypalTopUps) private readonly topUps: PaypalTopUps) {}

  @Post('orders')
  @HttpCode(201)
  // It starts a payment into an account: a change, administrators only.
  @RequiresAdmin()
  @ApiOperation({
    summary: "Start a PayPal top-up of a partner's account: the order its payer approves at PayPal",
  })
  start(
    @Param('partnerId', PartnerIdPipe) partnerId: string,
    @Body() body: StartTopUpDto,
  ): Promise<StartedTopUp> {
    return this.topUps.start(partnerId, body.amount);
  }
}
