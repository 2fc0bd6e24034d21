import { Body, Controller, Get, HttpCode, Inject, Logger, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ReferralLinkAction } from '@leadrail/delivery-contracts';
import type { Response } from 'express';
import { ReferralLinkAnswers } from './referral-link-answers';
import {
  REFERRAL_LINK_PAGE_HEADERS,
  type ReferralLinkPage,
  referralLinkPageHtml,
} from './referral-link-page';

const TOKEN_QUERY = {
  name: 'token',
  required: true,
  description: 'The signed token of the link, as the referral email gives it',
};
const FORM_BODY = {
  schema: {
    type: 'object',
    required: ['token'],
    properties: {
      token: { type: 'string', description: "The link's signed token" },
      reason: { type: 'string', maxLength: 500, description: 'Decline only: why (optional)' },
    },
  },
};
const PAGES = [
  { status: 200, description: 'The question, or the offer answered (also when answered before)' },
  { status: 400, description: 'The link is not valid (tampered, incomplete, the wrong action)' },
  { status: 404, description: 'Referral links are not enabled (REFERRAL_LINK_SECRET unset)' },
  { status: 409, description: 'The offer got the other answer already' },
  { status: 410, description: 'The offer expired, or the link is for an earlier offer' },
];

/** Describes a page route: HTML in every case, never JSON. */
function pageRoute(summary: string): MethodDecorator {
  return (target, key, descriptor) => {
    ApiOperation({ summary })(target, key, descriptor);
    ApiProduces('text/html')(target, key, descriptor);
    for (const page of PAGES) {
      ApiResponse(page)(target, key, descriptor);
    }
  };
}

/**
 * The pages the Accept and Decline links of a referral email open
 * (docs/leads-service.md, "Referral links"). No session: the link's signed
 * token says which partner answers which offer. A GET only shows the
 * question (mail scanners fetch links; nothing may happen then), and the
 * page's button POSTs the answer. Plain HTML, no script, no external
 * resource, a strict Content-Security-Policy.
 */
@ApiTags('referral links')
@Controller('referral-links')
export class ReferralLinksController {
  private readonly logger = new Logger(ReferralLinksController.name);

  constructor(@Inject(ReferralLinkAnswers) private readonly answers: ReferralLinkAnswers) {}

  @Get('accept')
  @ApiQuery(TOKEN_QUERY)
  @pageRoute('The page of an Accept link: asks the partner to confirm (changes nothing)')
  async acceptPage(@Query('token') token: unknown, @Res() response: Response): Promise<void> {
    await this.show(response, () => this.answers.page('accept', token));
  }

  @Get('decline')
  @ApiQuery(TOKEN_QUERY)
  @pageRoute('The page of a Decline link: asks the partner to confirm (changes nothing)')
  async declinePage(@Query('token') token: unknown, @Res() response: Response): Promise<void> {
    await this.show(response, () => this.answers.page('decline', token));
  }

  @Post('accept')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody(FORM_BODY)
  @pageRoute('Accept the offer the token names, as its partner (AcceptReferral)')
  async accept(@Body() body: unknown, @Res() response: Response): Promise<void> {
    await this.confirm(response, 'accept', body);
  }

  @Post('decline')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody(FORM_BODY)
  @pageRoute('Decline the offer the token names, as its partner (DeclineReferral)')
  async decline(@Body() body: unknown, @Res() response: Response): Promise<void> {
    await this.confirm(response, 'decline', body);
  }

  private async confirm(
    response: Response,
    action: ReferralLinkAction,
    body: unknown,
  ): Promise<void> {
    const form = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    await this.show(response, () => this.answers.answer(action, form.token, form.reason));
  }

  /** Sends the page; LeadRail's own trouble is a page too (503: try again), never JSON. */
  private async show(response: Response, page: () => Promise<ReferralLinkPage>): Promise<void> {
    let shown: ReferralLinkPage;
    try {
      shown = await page();
    } catch (error) {
      this.logger.error(`referral link page failed: ${(error as Error).message}`);
      shown = {
        status: 503,
        title: 'Something went wrong',
        paragraphs: [
          'Try again in a minute: opening the link again shows whether an answer was recorded. Or answer in the LeadRail partner portal.',
        ],
      };
    }
    response.status(shown.status).set(REFERRAL_LINK_PAGE_HEADERS).send(referralLinkPageHtml(shown));
  }
}
