import { Controller, Headers, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiHeader, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { IdGenerator } from '@leadrail/event-store';
import type { LeadSubmission } from '@leadrail/leads-domain';
import { IDS } from '@leadrail/nest-kit';
import type { Request, Response } from 'express';
import {
  type AuthenticatedIntroducer,
  CurrentIntroducer,
  IntroducerApiKeyGuard,
} from '../../introducer-keys';
import { LeadIntake } from '../lead-intake';
import { ACCEPTED_MEDIA_TYPES, type BodyProblem, parseLeadBody } from './formats';
import { IntakeIdempotency, requestFingerprint } from './intake-idempotency';
import { type IntakeResponse, intakeResponse } from './intake-response';

// Visible ASCII, as the IETF draft's examples are; long enough for a UUID or a hash.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

type RawRequest = Request & { rawBody?: Buffer };

function problemsResponse(
  statusCode: number,
  error: string,
  problems: readonly BodyProblem[],
): IntakeResponse {
  return {
    statusCode,
    body: {
      statusCode,
      error,
      message: problems
        .map((problem) => `${problem.field || 'body'}: ${problem.message}`)
        .join('; '),
      errors: problems.map((problem) => ({ field: problem.field, messages: [problem.message] })),
    },
  };
}

/**
 * Introducers post leads here, authenticated by their API key, as JSON, XML or
 * form data. The answer comes once the outcome is in the log: 201 accepted,
 * 422 rejected (code and reasons; a duplicate names the original), 400
 * invalid, 415 for another format. Retries are safe: the same lead id, the
 * same external reference or the same Idempotency-Key get the first answer.
 */
@ApiTags('lead intake')
@ApiSecurity('introducer-api-key')
@Controller('leads')
@UseGuards(IntroducerApiKeyGuard)
export class LeadIntakeController {
  constructor(
    @Inject(LeadIntake) private readonly intake: LeadIntake,
    @Inject(IntakeIdempotency) private readonly idempotency: IntakeIdempotency,
    @Inject(IDS) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit a lead (JSON, XML or form data)' })
  @ApiConsumes(...ACCEPTED_MEDIA_TYPES)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key and body get the first answer.',
  })
  async submit(
    @CurrentIntroducer() introducer: AuthenticatedIntroducer,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: RawRequest,
    @Res() response: Response,
  ): Promise<void> {
    const raw = rawBodyOf(request);
    const contentType = request.headers['content-type'];
    if (idempotencyKey === undefined) {
      send(response, await this.answer(introducer, contentType, raw));
      return;
    }
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      send(
        response,
        problemsResponse(400, 'Bad Request', [
          { field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' },
        ]),
      );
      return;
    }
    const claim = await this.idempotency.claim(
      introducer.introducerId,
      idempotencyKey,
      requestFingerprint(contentType ?? '', raw),
    );
    switch (claim.kind) {
      case 'replay':
        response.setHeader('Idempotent-Replayed', 'true');
        send(response, {
          statusCode: claim.stored.statusCode,
          body: claim.stored.answer as Record<string, unknown>,
        });
        return;
      case 'in-progress':
        send(
          response,
          problemsResponse(409, 'Conflict', [
            {
              field: 'Idempotency-Key',
              message: 'a request with this key is still being processed; retry shortly',
            },
          ]),
        );
        return;
      case 'reused-for-other-request':
        send(
          response,
          problemsResponse(422, 'IDEMPOTENCY_KEY_REUSED', [
            {
              field: 'Idempotency-Key',
              message: 'was used for a different request; use a new key for a new lead',
            },
          ]),
        );
        return;
      case 'new':
        break;
    }
    let answered: IntakeResponse;
    try {
      answered = await this.answer(introducer, contentType, raw);
    } catch (error) {
      await this.idempotency.release(introducer.introducerId, idempotencyKey);
      throw error;
    }
    await this.idempotency.store(introducer.introducerId, idempotencyKey, {
      statusCode: answered.statusCode,
      answer: answered.body,
    });
    send(response, answered);
  }

  private async answer(
    introducer: AuthenticatedIntroducer,
    contentType: string | undefined,
    raw: Buffer,
  ): Promise<IntakeResponse> {
    const parsed = parseLeadBody(contentType, raw.toString('utf8'));
    if (!parsed.ok) {
      return parsed.reason === 'unsupported-media-type'
        ? problemsResponse(415, 'Unsupported Media Type', parsed.problems)
        : problemsResponse(400, 'INVALID_LEAD', parsed.problems);
    }
    const candidate = parsed.candidate;
    const submission = {
      ...candidate,
      leadId: candidate.leadId ?? this.ids.next(),
      introducerId: introducer.introducerId,
    } as LeadSubmission;
    const answer = await this.intake.submit(submission, {
      source: { channel: 'http' },
      actor: { type: 'introducer', id: introducer.introducerId },
      replayByExternalReference: true,
    });
    return intakeResponse(answer);
  }
}

/** The body as sent: JSON and form bodies keep their bytes (`rawBody`), XML arrives as text. */
function rawBodyOf(request: RawRequest): Buffer {
  if (request.rawBody !== undefined) {
    return request.rawBody;
  }
  return typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : Buffer.alloc(0);
}

function send(response: Response, answer: IntakeResponse): void {
  response.status(answer.statusCode).json(answer.body);
}
