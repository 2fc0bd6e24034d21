import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IdGenerator } from '@leadrail/event-store';
import {
  CurrentOperator,
  IDS,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
  etagOf,
} from '@leadrail/nest-kit';
import type { PartnerState } from '@leadrail/partners-domain';
import type { Response } from 'express';
import { type CommandOf, PartnerCommands } from '../partner/partner-commands';
import { PartnerDirectory } from '../read-model/partner-directory';
import { type PartnerChange, PartnerHistory } from '../read-model/partner-history';
import { DeliveryUrlCheck, type Warning } from './delivery-url-check';
import { limitWarnings } from './limit-warnings';
import { ListPartnersQuery } from './list-partners.query';
import { PartnerIdPipe } from './partner-id.pipe';
import { RegisterPartnerDto } from './register-partner.dto';

@ApiTags('partners')
@ApiBearerAuth()
@Controller('partners')
@UseGuards(OperatorAuthGuard)
export class PartnersController {
  constructor(
    @Inject(PartnerCommands) private readonly commands: PartnerCommands,
    @Inject(PartnerDirectory) private readonly directory: PartnerDirectory,
    @Inject(PartnerHistory) private readonly changes: PartnerHistory,
    @Inject(DeliveryUrlCheck) private readonly urls: DeliveryUrlCheck,
    @Inject(IDS) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @RequiresAdmin()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a partner (introducer, partner or both)' })
  @ApiCreatedResponse({
    description: 'Registered; Location and ETag headers name the partner and its revision',
  })
  async register(
    @Body() body: RegisterPartnerDto,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ id: string; warnings: Warning[] }> {
    const urlWarnings = await this.urls.check(
      body.delivery?.internet?.url,
      'delivery.internet.url',
    );
    const partnerId = this.ids.next();
    const { delivery, ...settings } = body;
    const data: Omit<CommandOf<'RegisterPartner'>['data'], 'partnerId'> = {
      ...settings,
      ...(delivery
        ? { delivery: { email: delivery.email, internet: delivery.internet ?? null } }
        : {}),
    };
    const outcome = await this.commands.issue('RegisterPartner', partnerId, data, {
      actor: { type: 'operator', id: operator.id },
      expectedRevision: 'no_stream',
    });
    response.setHeader('Location', `/partners/${partnerId}`);
    response.setHeader('ETag', etagOf(outcome.revision));
    return { id: partnerId, warnings: [...limitWarnings(outcome.state), ...urlWarnings] };
  }

  /** Read from the partner's stream, not the directory: what a client reads is exactly what its If-Match will be checked against. */
  @Get(':id')
  @ApiOperation({ summary: "One partner's full settings; the ETag is its revision" })
  async get(
    @Param('id', PartnerIdPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PartnerState> {
    const { state, revision } = await this.commands.load(id);
    if (revision === undefined) {
      throw notFound(id);
    }
    response.setHeader('ETag', etagOf(revision));
    return state;
  }

  @Get()
  @ApiOperation({ summary: 'List partners, filtered' })
  list(@Query() query: ListPartnersQuery): Promise<object[]> {
    return this.directory.list(query);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every change to a partner: what, who, when and why' })
  async history(@Param('id', PartnerIdPipe) id: string): Promise<PartnerChange[]> {
    const changes = await this.changes.of(id);
    // The read model may not have caught up with a new partner: the stream says whether it exists.
    if (changes.length === 0 && (await this.commands.load(id)).revision === undefined) {
      throw notFound(id);
    }
    return changes;
  }
}

function notFound(id: string): NotFoundException {
  return new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    message: `no partner ${id}`,
  });
}
