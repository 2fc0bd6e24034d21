import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import { type CallTransfer, CallTransfers } from './call-transfers';
import { TransferCalls } from './transfer-calls';
import { TransferIdParams, TransferRequestDto } from './transfer-request.dto';

/** Hot-key transfers, for operators (bearer token; placing one takes an administrator). */
@ApiTags('hot-key transfers')
@ApiBearerAuth()
@Controller('notifications/transfers')
@UseGuards(OperatorAuthGuard)
export class TransfersController {
  constructor(
    @Inject(TransferCalls) private readonly calls: TransferCalls,
    @Inject(CallTransfers) private readonly transfers: CallTransfers,
  ) {}

  @Post()
  @HttpCode(201)
  @RequiresAdmin()
  @ApiOperation({
    summary:
      "Put the lead on the phone through to the partner: Twilio calls the lead's number and bridges it to the partner's transfer number",
  })
  place(
    @Body() body: TransferRequestDto,
    @CurrentOperator() operator: Operator,
  ): Promise<CallTransfer> {
    return this.calls.place(body, operator.id);
  }

  @Get(':id')
  @ApiOperation({ summary: "A transfer and how its call went (Twilio's callbacks)" })
  async find(@Param() params: TransferIdParams): Promise<CallTransfer> {
    const transfer = await this.transfers.find(params.id.toLowerCase());
    if (transfer === null) {
      throw new NotFoundException({
        statusCode: 404,
        error: 'TRANSFER_NOT_FOUND',
        message: `no transfer ${params.id}`,
      });
    }
    return transfer;
  }
}
