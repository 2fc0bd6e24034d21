import { randomUUID } from 'node:crypto';
import { Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeliveryError, DeliveryErrorCode, deliveryIdOf } from '@leadrail/delivery-domain';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import { IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Deliveries } from '../../deliveries/deliveries';

export class RedeliverParams {
  @IsUUID()
  leadId!: string;

  @IsUUID()
  partnerId!: string;
}

/**
 * An operator's redelivery of a lead its partner already has (it lost it,
 * its CRM was down): the same delivery, again, by the same channels, with
 * the same delivery id so the partner can recognise it, and no new charge
 * (`DeliverySucceeded` says `redelivery: true`).
 */
@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
@UseGuards(OperatorAuthGuard)
export class RedeliverController {
  constructor(
    @Inject(Deliveries) private readonly deliveries: Deliveries,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  @Post('leads/:leadId/partners/:partnerId/redeliver')
  @HttpCode(202)
  @RequiresAdmin()
  @ApiOperation({ summary: 'Send a delivered lead to its partner again, without a new charge' })
  async redeliver(
    @Param() { leadId, partnerId }: RedeliverParams,
    @CurrentOperator() operator: Operator,
  ): Promise<{ deliveryId: string; channels: string[] }> {
    const deliveryId = deliveryIdOf(leadId, partnerId);
    const { state } = await this.deliveries.load(deliveryId);
    if (state.status === 'new') {
      throw new DeliveryError(
        DeliveryErrorCode.NOT_REQUESTED,
        `lead ${leadId} was never delivered to partner ${partnerId}`,
      );
    }
    await this.dataSource.transaction((manager) =>
      this.deliveries.request(
        { deliveryId, leadId, partnerId, channels: state.channels, redelivery: true },
        {
          eventId: randomUUID(),
          correlationId: deliveryId,
          actor: { type: 'operator', id: operator.id },
        },
        manager,
      ),
    );
    return { deliveryId, channels: state.channels };
  }
}
