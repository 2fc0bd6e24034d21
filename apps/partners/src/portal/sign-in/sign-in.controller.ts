import {
  Body,
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { IssuedSession } from '../session/portal-session-issuer';
import { PortalSignIn } from './portal-sign-in';
import { SignInDto } from './sign-in.dto';

@ApiTags('partner portal')
@Controller('portal/session')
export class SignInController {
  constructor(@Inject(PortalSignIn) private readonly signIn: PortalSignIn) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Sign in to the partner portal: a short-lived bearer token for the portal routes',
  })
  @ApiCreatedResponse({ description: '{ token, tokenType: "Bearer", expiresAt, partnerId }' })
  async create(
    @Body() body: SignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssuedSession> {
    // The socket's address (Express without `trust proxy`): a header could be forged to dodge the count.
    const result = await this.signIn.signIn(body.email, body.password, request.ip);
    switch (result.outcome) {
      case 'signed-in':
        return result.session;
      case 'refused':
        throw new UnauthorizedException({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'the email or the password is wrong',
        });
      case 'locked':
        response.setHeader('Retry-After', String(result.retryAfterSeconds));
        throw new HttpException(
          {
            statusCode: 429,
            error: 'Too Many Requests',
            message: `too many failed sign-ins; try again in ${result.retryAfterSeconds} s`,
          },
          HttpStatus.TOO_MANY_REQUESTS,
        );
    }
  }
}
