import { Body, Controller, HttpCode, Inject, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuthGuard, RequiresAdmin } from '@leadrail/nest-kit';
import { PartnerError } from '@leadrail/partners-domain';
import { PartnerCommands } from '../partner/partner-commands';
import {
  type Change,
  SettingChange,
  type SettingChangeRequest,
  changeSetting,
} from './change-setting';
import { DeliveryUrlCheck } from './delivery-url-check';
import { ReasonDto } from './register-partner.dto';
import {
  ContactDetailsDto,
  DeliveryChannelsDto,
  DeliveryLimitsDto,
  DeliveryScheduleDto,
  MoneyDto,
  TextAlertsDto,
} from './settings.dto';

/**
 * How and when the partner receives leads and is told about them, pausing,
 * and the partner's lifecycle. Every change names the revision the operator
 * last read (If-Match); the response carries the new ETag.
 */
@ApiTags('partner delivery and lifecycle')
@ApiBearerAuth()
@ApiHeader({
  name: 'If-Match',
  required: true,
  description: 'The ETag of the partner as last read',
})
@Controller('partners/:id')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class PartnerDeliverySettingsController {
  constructor(
    @Inject(PartnerCommands) private readonly commands: PartnerCommands,
    @Inject(DeliveryUrlCheck) private readonly urls: DeliveryUrlCheck,
  ) {}

  @Put('delivery')
  @ApiOperation({ summary: 'Email and/or internet delivery (XML, JSON, SOAP 1.1/1.2, POST)' })
  async delivery(
    @Body() body: DeliveryChannelsDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    const warnings = await this.urls.check(body.internet?.url, 'internet.url');
    const changed = await changeSetting(this.commands, change, {
      type: 'ConfigureDelivery',
      data: { delivery: { email: body.email, internet: body.internet ?? null } },
    }).catch((error: unknown) => {
      throw error instanceof PartnerError ? fieldsInBody(error, 'delivery') : error;
    });
    return warnings.length === 0 ? changed : { ...changed, warnings };
  }

  @Put('delivery-limits')
  @ApiOperation({
    summary:
      'Daily and monthly lead limits (0 disables); warns when the monthly one can never be reached',
  })
  limits(
    @Body() body: DeliveryLimitsDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    return changeSetting(
      this.commands,
      change,
      { type: 'SetDeliveryLimits', data: { limits: body } },
      { withLimitWarnings: true },
    );
  }

  @Put('schedule')
  @ApiOperation({ summary: 'Weekly delivery schedule in the partner’s time zone' })
  schedule(
    @Body() body: DeliveryScheduleDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    return changeSetting(
      this.commands,
      change,
      { type: 'SetDeliverySchedule', data: { schedule: body } },
      { withLimitWarnings: true },
    );
  }

  @Put('contact-details')
  @ApiOperation({ summary: 'Phone, email and transfer telephone number' })
  contact(
    @Body() body: ContactDetailsDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    const contact = {
      phone: body.phone ?? null,
      email: body.email ?? null,
      transferPhone: body.transferPhone ?? null,
    };
    return changeSetting(this.commands, change, {
      type: 'SetContactDetails',
      data: { contact },
    });
  }

  @Put('text-alerts')
  @ApiOperation({ summary: 'SMS on referral and on low funds' })
  textAlerts(
    @Body() body: TextAlertsDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    return changeSetting(this.commands, change, {
      type: 'SetTextAlerts',
      data: { textAlerts: body },
    });
  }

  @Put('low-funds-threshold')
  @ApiOperation({ summary: 'The balance (or credit remaining) that triggers a low-funds alert' })
  lowFunds(@Body() body: MoneyDto, @SettingChange() change: SettingChangeRequest): Promise<Change> {
    return changeSetting(this.commands, change, {
      type: 'SetLowFundsThreshold',
      data: { lowFundsThreshold: body },
    });
  }

  @Post('pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause deliveries, leaving every setting as it is' })
  pause(@SettingChange() change: SettingChangeRequest): Promise<Change> {
    return changeSetting(this.commands, change, { type: 'PauseDeliveries', data: {} });
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume deliveries' })
  resume(@SettingChange() change: SettingChangeRequest): Promise<Change> {
    return changeSetting(this.commands, change, { type: 'ResumeDeliveries', data: {} });
  }

  @Post('deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate, with a reason' })
  deactivate(
    @Body() body: ReasonDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    return changeSetting(
      this.commands,
      change,
      { type: 'DeactivatePartner', data: { reason: body.reason } },
      { reason: body.reason },
    );
  }

  @Post('reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate' })
  reactivate(@SettingChange() change: SettingChangeRequest): Promise<Change> {
    return changeSetting(this.commands, change, { type: 'ReactivatePartner', data: {} });
  }
}

/**
 * The refusal with its fields named as in the request body. The command holds
 * the body under `delivery` (`delivery.internet.outcome.rules[0].pattern`), the
 * client sent it at the top (`internet.outcome.rules[0].pattern`), as the
 * validation pipe's fields are; a refusal of the whole body keeps `delivery`.
 */
function fieldsInBody(error: PartnerError, key: string): PartnerError {
  const prefix = `${key}.`;
  const relative = (field: string) =>
    field.startsWith(prefix) ? field.slice(prefix.length) : field;
  return new PartnerError(
    error.code,
    error.problems.length > 0
      ? error.problems.map((problem) => `${relative(problem.field)}: ${problem.message}`).join('; ')
      : error.detail,
    error.field === undefined ? undefined : relative(error.field),
    error.problems.map((problem) => ({ field: relative(problem.field), message: problem.message })),
  );
}
