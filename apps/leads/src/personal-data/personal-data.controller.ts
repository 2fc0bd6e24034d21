import {
  Controller,
  Delete,
  Get,
  GoneException,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import { LeadIdPipe } from '../http/lead-id.pipe';
import { LeadErasure } from './lead-erasure';
import { PersonalDataKeys } from './personal-data-keys';

/** What an erasure answers. */
interface ErasureOutcome {
  leadId: string;
  erased: true;
  /** False when it had been erased before (the request is idempotent). */
  changed: boolean;
}

/**
 * Personal data on request (UK GDPR): erasure deletes the lead's key, so every
 * sealed copy of the contact (log, topic, consumers' stores) is unreadable for
 * good, and records `LeadPersonalDataErased` for consumers to drop what they
 * opened. The key itself is served to LeadRail's own consumers (delivery) that
 * must open a lead's contact, with an administrator's token, until erasure.
 */
@ApiTags('personal data')
@ApiBearerAuth()
@Controller('leads/:leadId')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class PersonalDataController {
  constructor(
    @Inject(PersonalDataKeys) private readonly keys: PersonalDataKeys,
    @Inject(LeadErasure) private readonly erasure: LeadErasure,
  ) {}

  @Delete('personal-data')
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase the person's personal data (counts, money and the trail remain)",
  })
  async erase(
    @Param('leadId', LeadIdPipe) leadId: string,
    @CurrentOperator() operator: Operator,
  ): Promise<ErasureOutcome> {
    const changed = await this.erasure.erase(leadId, operator.id);
    return { leadId, erased: true, changed };
  }

  @Get('personal-data-key')
  @ApiOperation({
    summary: "The lead's data key, to open the sealed contact of its events (410 once erased)",
  })
  async key(
    @Param('leadId', LeadIdPipe) leadId: string,
  ): Promise<{ keyId: string; alg: 'A256GCM'; key: string }> {
    const found = await this.keys.lookup(leadId);
    if (found.state === 'erased') {
      throw new GoneException({
        statusCode: 410,
        error: 'PERSONAL_DATA_ERASED',
        message: `the personal data of lead ${leadId} was erased on ${found.erasedAt}`,
      });
    }
    if (found.state === 'absent') {
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `lead ${leadId} was not found`,
      });
    }
    return { keyId: leadId, alg: 'A256GCM', key: found.key.toString('base64url') };
  }
}
