import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  ForbiddenException,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  UnprocessableEntityException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { sampleEmailInput } from '@leadrail/delivery-domain';
import {
  CLOCK,
  type Clock,
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
} from '@leadrail/nest-kit';
import { DataSource } from 'typeorm';
import type { AttemptResult } from '../../deliveries/channel-sender';
import { InternetChannel, loggedRequest } from '../../deliveries/internet-channel';
import type { DeliveryPartnerRecord } from '../../partner-view/delivery-partner-record';
import { TestDeliveryDto } from './test-delivery.dto';

/** What a test delivery shows: the exact request, and the answer when it was sent. */
export interface TestDeliveryAnswer {
  deliveryId: string;
  request: Record<string, unknown>;
  sent: boolean;
  result: Omit<AttemptResult, 'request'> | null;
}

/**
 * Tries a partner's internet delivery without a lead: its template rendered
 * with the sample lead (or the values given), the exact request shown, and,
 * when asked by an administrator, sent to the partner with its answer judged
 * by the partner's rules. Nothing is recorded and nobody is charged; the
 * request carries a fresh test delivery id.
 */
@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
@UseGuards(OperatorAuthGuard)
export class TestDeliveryController {
  constructor(
    @Inject(InternetChannel) private readonly internet: InternetChannel,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('test-delivery')
  @HttpCode(200)
  @ApiOperation({ summary: "Show (and optionally send) a partner's delivery of a sample lead" })
  async test(
    @Body() body: TestDeliveryDto,
    @CurrentOperator() operator: Operator,
  ): Promise<TestDeliveryAnswer> {
    if (body.send === true && operator.role !== 'admin') {
      throw new ForbiddenException('sending a test delivery to a partner needs an administrator');
    }
    const rows = await this.dataSource.query<{ record: DeliveryPartnerRecord }[]>(
      'SELECT record FROM delivery_partners WHERE partner_id = $1',
      [body.partnerId],
    );
    const partner = rows[0]?.record;
    if (partner === undefined) {
      throw new NotFoundException(`delivery knows no partner ${body.partnerId}`);
    }
    const setting = partner.delivery.internet;
    if (setting === null) {
      throw new UnprocessableEntityException('the partner has no internet delivery configured');
    }
    const sample = sampleEmailInput(this.clock.now());
    const deliveryId = randomUUID();
    const input = {
      ...sample,
      lead: {
        ...sample.lead,
        ...body.lead,
        answers: body.lead?.answers ?? sample.lead.answers,
      },
      partner: { id: partner.partnerId, name: partner.name, timeZone: partner.timeZone },
      delivery: { id: deliveryId, attempt: 1 },
    };
    let request;
    try {
      request = this.internet.prepare(setting, input);
    } catch (error) {
      throw new UnprocessableEntityException(
        `the partner's delivery setting cannot make a request: ${(error as Error).message}`,
      );
    }
    if (body.send !== true) {
      return { deliveryId, request: loggedRequest(request), sent: false, result: null };
    }
    const { request: sent, ...result } = await this.internet.deliver(setting, request);
    return { deliveryId, request: sent, sent: true, result };
  }
}
