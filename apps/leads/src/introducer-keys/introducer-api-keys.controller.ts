import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LeadActor } from '@leadrail/leads-domain';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import type { Response } from 'express';
import { ApiKeyIdPipe, IntroducerIdPipe } from './api-key-ids.pipe';
import {
  type IssuedApiKey,
  IssueApiKeyDto,
  type ListedApiKey,
  RevokeApiKeyDto,
} from './api-key.dto';
import { ApiKeySecrets } from './api-key-secrets';
import { IntroducerKeyCommands } from './introducer-key-commands';
import { IntroducerKeyErrorsFilter } from './introducer-key-errors.filter';

/** Operators issue, list and revoke each introducer's intake API keys. */
@ApiTags('introducer API keys')
@ApiBearerAuth()
@Controller('introducers/:introducerId/api-keys')
@UseGuards(OperatorAuthGuard)
@UseFilters(IntroducerKeyErrorsFilter)
export class IntroducerApiKeysController {
  constructor(
    @Inject(IntroducerKeyCommands) private readonly commands: IntroducerKeyCommands,
    @Inject(ApiKeySecrets) private readonly secrets: ApiKeySecrets,
  ) {}

  @Post()
  @RequiresAdmin()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a key; its text is in this answer and nowhere else, ever' })
  async issue(
    @Param('introducerId', IntroducerIdPipe) introducerId: string,
    @Body() body: IssueApiKeyDto,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssuedApiKey> {
    const minted = this.secrets.mint();
    const { state } = await this.commands.issue(
      'IssueApiKey',
      introducerId,
      { keyId: minted.keyId, secretHash: minted.secretHash, label: body.label },
      asActor(operator),
    );
    const key = state.keys.find((candidate) => candidate.keyId === minted.keyId)!;
    // The body holds a credential: no cache on the way may keep it.
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Location', `/introducers/${introducerId}/api-keys/${minted.keyId}`);
    return {
      keyId: key.keyId,
      apiKey: minted.apiKey,
      displayPrefix: key.displayPrefix,
      issuedAt: key.issuedAt,
    };
  }

  /** Read from the introducer's stream, not the table: a key just issued or revoked shows at once. */
  @Get()
  @ApiOperation({ summary: "An introducer's keys, active and revoked, without secrets" })
  async list(
    @Param('introducerId', IntroducerIdPipe) introducerId: string,
  ): Promise<ListedApiKey[]> {
    const { state } = await this.commands.load(introducerId);
    return state.keys.map(({ keyId, label, displayPrefix, issuedAt, issuedBy, revokedAt }) => ({
      keyId,
      label,
      displayPrefix,
      issuedAt,
      issuedBy,
      revokedAt,
    }));
  }

  @Delete(':keyId')
  @RequiresAdmin()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: it authenticates nothing from this answer on' })
  async revoke(
    @Param('introducerId', IntroducerIdPipe) introducerId: string,
    @Param('keyId', ApiKeyIdPipe) keyId: string,
    @Body() body: RevokeApiKeyDto,
    @CurrentOperator() operator: Operator,
  ): Promise<void> {
    await this.commands.issue(
      'RevokeApiKey',
      introducerId,
      { keyId, ...(body.reason === undefined ? {} : { reason: body.reason }) },
      asActor(operator),
    );
  }
}

function asActor(operator: Operator): LeadActor {
  return { type: 'operator', id: operator.id };
}
