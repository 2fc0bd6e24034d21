import {
  Body,
  ConflictException,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
  etagOf,
  revisionFromIfMatch,
} from '@leadrail/nest-kit';
import type { Response } from 'express';
import { DataSource, QueryFailedError } from 'typeorm';
import { PartnerCommands } from '../partner/partner-commands';
import { type CreatedCredentials, PortalCredentials } from './portal-credentials';
import { PartnerIdPipe } from '../http/partner-id.pipe';
import { PortalLoginDto } from './portal-login.dto';

@ApiTags('partner portal')
@ApiBearerAuth()
@ApiHeader({
  name: 'If-Match',
  required: true,
  description: 'The ETag of the partner as last read',
})
@Controller('partners/:id/portal-login')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class PortalLoginController {
  constructor(
    @Inject(PartnerCommands) private readonly commands: PartnerCommands,
    @Inject(PortalCredentials) private readonly credentials: PortalCredentials,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /**
   * The credentials are stored in a transaction that commits only once the
   * PortalLoginCreated event is appended: a refused command leaves none behind.
   */
  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Give the partner portal access: a password the operator sets, or an invitation',
  })
  async create(
    @Param('id', PartnerIdPipe) id: string,
    @Body() body: PortalLoginDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedCredentials & { revision: number }> {
    const expectedRevision = revisionFromIfMatch(ifMatch);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const created = await this.credentials.create(manager, id, body.email, body.password);
        const outcome = await this.commands.issue(
          'RecordPortalLogin',
          id,
          { portalLogin: { email: body.email, method: created.method } },
          { actor: { type: 'operator', id: operator.id }, expectedRevision },
        );
        response.setHeader('ETag', etagOf(outcome.revision));
        return { ...created, revision: Number(outcome.revision) };
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === '23505'
      ) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: 'this partner, or this email, already has a portal login',
        });
      }
      throw error;
    }
  }
}
