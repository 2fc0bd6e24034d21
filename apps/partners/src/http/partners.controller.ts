import { randomUUID } from 'node:crypto';
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
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { EventStore } from '@leadrail/event-store';
import {
  CurrentOperator,
  EVENT_STORE,
  EventStoreErrorsFilter,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
  etagOf,
} from '@leadrail/nest-kit';
import { type RegisterPartner, deliveryLimitWarnings } from '@leadrail/partners-domain';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { loadPartner } from '../commands/load-partner';
import { PartnerCommandHandler, operatorMetadata } from '../commands/partner-command-handler';
import { PartnerErrorsFilter } from './partner-errors.filter';
import { DeliveryUrlCheck } from './delivery-url-check';
import { PartnerIdPipe } from './partner-id.pipe';
import { RegisterPartnerDto } from './register-partner.dto';

@ApiTags('partners')
@ApiBearerAuth()
@Controller('partners')
@UseGuards(OperatorAuthGuard)
@UseFilters(PartnerErrorsFilter, EventStoreErrorsFilter)
export class PartnersController {
  constructor(
    @Inject(PartnerCommandHandler) private readonly commands: PartnerCommandHandler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DeliveryUrlCheck) private readonly urls: DeliveryUrlCheck,
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
  ): Promise<{ id: string; warnings: { code: string; message: string }[] }> {
    const urlWarnings = await this.urls.check(
      body.delivery?.internet?.url,
      'delivery.internet.url',
    );
    const partnerId = randomUUID();
    const command = {
      type: 'RegisterPartner',
      data: { ...body, partnerId },
      metadata: operatorMetadata(operator),
    } as RegisterPartner;
    const outcome = await this.commands.execute(command, { expectedRevision: 'no_stream' });
    response.setHeader('Location', `/partners/${partnerId}`);
    response.setHeader('ETag', etagOf(outcome.revision));
    const { state } = outcome;
    const warnings =
      state.status === 'unregistered'
        ? []
        : deliveryLimitWarnings(state.settings.limits, state.settings.schedule);
    return { id: partnerId, warnings: [...warnings, ...urlWarnings] };
  }

  /** Read from the partner's stream, not the directory: what a client reads is exactly what its If-Match will be checked against. */
  @Get(':id')
  @ApiOperation({ summary: "One partner's full settings; the ETag is its revision" })
  async get(
    @Param('id', PartnerIdPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const { state, revision } = await loadPartner(this.store, id);
    if (revision === undefined) {
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `no partner ${id}`,
      });
    }
    response.setHeader('ETag', etagOf(revision));
    return state;
  }

  @Get()
  @ApiOperation({ summary: 'List partners, filtered' })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'inactive'] })
  @ApiQuery({ name: 'role', required: false, enum: ['introducer', 'partner'] })
  @ApiQuery({ name: 'paused', required: false, type: Boolean })
  @ApiQuery({ name: 'name', required: false, description: 'Part of the name, any case' })
  async list(
    @Query('status') status?: string,
    @Query('role') role?: string,
    @Query('paused') paused?: string,
    @Query('name') name?: string,
  ): Promise<unknown[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (status === 'active' || status === 'inactive') {
      add('status = ?', status);
    }
    if (role === 'introducer' || role === 'partner') {
      conditions.push(role === 'introducer' ? 'introducer' : 'partner');
    }
    if (paused === 'true' || paused === 'false') {
      add('paused = ?', paused === 'true');
    }
    if (name) {
      // The name is text to find, not a pattern: % and _ match only themselves.
      add("lower(name) LIKE '%' || lower(?) || '%' ESCAPE '\\'", name.replace(/[\\%_]/g, '\\$&'));
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.dataSource.query<{ state: unknown; revision: string }[]>(
      `SELECT state, revision FROM partner_directory ${where} ORDER BY lower(name) LIMIT 500`,
      params,
    );
    return rows.map((row) => ({ ...(row.state as object), revision: Number(row.revision) }));
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every change to a partner: what, who, when and why' })
  async history(@Param('id', PartnerIdPipe) id: string): Promise<unknown[]> {
    const history = await this.dataSource.query<unknown[]>(
      'SELECT revision::int AS revision, type, data, actor, reason, occurred_at AS "occurredAt", recorded_at AS "recordedAt" FROM partner_history WHERE partner_id = $1 ORDER BY revision',
      [id],
    );
    // The read model may not have caught up with a new partner: the stream says whether it exists.
    if (history.length === 0 && (await loadPartner(this.store, id)).revision === undefined) {
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `no partner ${id}`,
      });
    }
    return history;
  }
}
