import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Put,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DEFAULT_EMAIL_TEMPLATE,
  type EmailTemplateSetting,
  sampleEmailInput,
} from '@leadrail/delivery-domain';
import {
  CLOCK,
  type Clock,
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
  etagOf,
  revisionFromIfMatch,
} from '@leadrail/nest-kit';
import type { Response } from 'express';
import { EmailRenderer, type RenderedEmail, assertNoProblems } from './email-renderer';
import { EmailTemplateErrorFilter } from './email-template-error.filter';
import { type EmailTemplateChange, EmailTemplateSettings } from './email-template-settings';
import {
  EmailTemplateDto,
  PreviewEmailTemplateDto,
  ResetEmailTemplateDto,
} from './email-template.dto';

/** The email template as operators read it. */
export interface EmailTemplateView {
  /** 0 until the first change, then one more per change. */
  version: number;
  /** Whether LeadRail's default applies (never changed, or reset). */
  isDefault: boolean;
  subject: string;
  mjml: string;
  changedAt: string | null;
  changedBy: { type: string; id: string } | null;
  reason: string | null;
}

/** What a change answers: the new revision (also the ETag), whether anything changed, the template now. */
export interface EmailTemplateChangeView {
  revision: number | null;
  changed: boolean;
  template: EmailTemplateView;
}

/**
 * Settings > Configuration > Email: the template of lead emails. Reads carry
 * an ETag; a change may send If-Match to refuse overwriting someone else's
 * (412). Read-only operators may read and preview; changes need an administrator.
 */
@ApiTags('email template')
@ApiBearerAuth()
@Controller('delivery/email-template')
@UseGuards(OperatorAuthGuard)
@UseFilters(EmailTemplateErrorFilter)
export class EmailTemplateController {
  constructor(
    @Inject(EmailTemplateSettings) private readonly settings: EmailTemplateSettings,
    @Inject(EmailRenderer) private readonly renderer: EmailRenderer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The email template in force, with its ETag' })
  async read(@Res({ passthrough: true }) response: Response): Promise<EmailTemplateView> {
    const { state, revision } = await this.settings.load();
    if (revision !== undefined) {
      response.setHeader('ETag', etagOf(revision));
    }
    return view(state);
  }

  @Put()
  @RequiresAdmin()
  @ApiOperation({ summary: 'Replace the template: subject and MJML body, checked in full' })
  @ApiHeader({ name: 'If-Match', required: false })
  async replace(
    @Body() body: EmailTemplateDto,
    @CurrentOperator() operator: Operator,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EmailTemplateChangeView> {
    const change = await this.settings.replace(
      { subject: body.subject, mjml: body.mjml },
      changeOptions(operator, ifMatch, body.reason),
    );
    return answer(change, response);
  }

  @Delete()
  @RequiresAdmin()
  @ApiOperation({ summary: "Back to LeadRail's default template" })
  @ApiHeader({ name: 'If-Match', required: false })
  async reset(
    @Body() body: ResetEmailTemplateDto,
    @CurrentOperator() operator: Operator,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EmailTemplateChangeView> {
    const change = await this.settings.reset(changeOptions(operator, ifMatch, body?.reason));
    return answer(change, response);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Render the template in force, or a draft (subject and/or MJML), with a sample lead: subject, HTML and text',
  })
  async preview(@Body() body: PreviewEmailTemplateDto): Promise<RenderedEmail> {
    const current = await this.settings.current();
    const template = { subject: body.subject ?? current.subject, mjml: body.mjml ?? current.mjml };
    if (body.subject !== undefined || body.mjml !== undefined) {
      assertNoProblems(await this.renderer.check(template));
    }
    return this.renderer.render(template, sampleEmailInput(this.clock.now()));
  }
}

function changeOptions(
  operator: Operator,
  ifMatch: string | undefined,
  reason: string | undefined,
) {
  return {
    actor: { type: 'operator' as const, id: operator.id },
    ...(ifMatch === undefined ? {} : { expectedRevision: revisionFromIfMatch(ifMatch) }),
    ...(reason === undefined ? {} : { reason }),
  };
}

function answer(change: EmailTemplateChange, response: Response): EmailTemplateChangeView {
  if (change.revision !== undefined) {
    response.setHeader('ETag', etagOf(change.revision));
  }
  return {
    revision: change.revision === undefined ? null : Number(change.revision),
    changed: change.changed,
    template: view(change.setting),
  };
}

function view(setting: EmailTemplateSetting): EmailTemplateView {
  const template = setting.custom ?? DEFAULT_EMAIL_TEMPLATE;
  return {
    version: setting.version,
    isDefault: setting.custom === null,
    subject: template.subject,
    mjml: template.mjml,
    changedAt: setting.changedAt,
    changedBy: setting.changedBy === null ? null : { ...setting.changedBy },
    reason: setting.reason,
  };
}
