import { Body, Controller, Get, Headers, Inject, Put, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { NestedObject } from '@leadrail/integration-events';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
  etagOf,
  revisionFromIfMatch,
} from '@leadrail/nest-kit';
import type { NotificationSettings } from '@leadrail/notifications-domain';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { NotificationSettingsStore } from './notification-settings-store';

class SmsRateDto {
  @ApiProperty({ description: 'Whole minor units per SMS', example: 5 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  amount!: number;

  @ApiProperty({ example: 'GBP' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like GBP' })
  currency!: string;
}

class SmsTemplatesDto {
  @ApiProperty({ description: 'Variables: partnerName, leadType, area, expiresAt' })
  @IsString()
  @MaxLength(2000)
  referral!: string;

  @ApiProperty({ description: 'Variables: partnerName, available, threshold' })
  @IsString()
  @MaxLength(2000)
  'low-funds'!: string;
}

export class NotificationSettingsDto {
  @ApiProperty({ type: SmsRateDto })
  @NestedObject(() => SmsRateDto)
  smsRate!: SmsRateDto;

  @ApiProperty({ type: SmsTemplatesDto })
  @NestedObject(() => SmsTemplatesDto)
  smsTemplates!: SmsTemplatesDto;
}

/** The operators' notification settings: what an SMS costs, and the texts (versioned, ETag/If-Match). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/settings')
@UseGuards(OperatorAuthGuard)
export class NotificationSettingsController {
  constructor(
    @Inject(NotificationSettingsStore) private readonly store: NotificationSettingsStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The SMS rate and text templates' })
  async read(@Res({ passthrough: true }) response: Response): Promise<NotificationSettings> {
    const { state, revision } = await this.store.load();
    if (revision !== undefined) {
      response.setHeader('ETag', etagOf(revision));
    }
    return state;
  }

  @Put()
  @RequiresAdmin()
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOperation({ summary: 'Change the SMS rate and text templates (templates are checked)' })
  async change(
    @Body() body: NotificationSettingsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotificationSettings> {
    const settings: NotificationSettings = {
      smsRate: { amount: body.smsRate.amount, currency: body.smsRate.currency },
      smsTemplates: {
        referral: body.smsTemplates.referral,
        'low-funds': body.smsTemplates['low-funds'],
      },
    };
    // The first change has nothing to match; later ones must send the ETag they read (428 without).
    const { revision: current } = await this.store.load();
    const expected =
      current === undefined && ifMatch === undefined ? 'no_stream' : revisionFromIfMatch(ifMatch);
    const { state, revision } = await this.store.change(settings, operator.id, expected);
    if (revision !== undefined) {
      response.setHeader('ETag', etagOf(revision));
    }
    return state;
  }
}
