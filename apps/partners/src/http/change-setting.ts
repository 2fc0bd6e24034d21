import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { etagOf, type Operator, revisionFromIfMatch } from '@leadrail/nest-kit';
import {
  type PartnerCommand,
  type PartnerState,
  deliveryLimitWarnings,
} from '@leadrail/partners-domain';
import type { Response } from 'express';
import { type PartnerCommandHandler, operatorMetadata } from '../commands/partner-command-handler';
import { parsePartnerId } from './partner-id.pipe';

/** What every settings route answers: the new revision (also the ETag), and whether anything changed. */
export type Change = {
  revision: number;
  changed: boolean;
  warnings?: { code: string; message: string }[];
};

/** Who changes which partner, against which revision: gathered once for every settings route. */
export interface SettingChangeRequest {
  id: string;
  ifMatch: string | undefined;
  operator: Operator;
  response: Response;
}

/** The partner id (a UUID in any case, or 400), If-Match, the operator (set by the auth guard) and the response. */
export const SettingChange = createParamDecorator(
  (_: unknown, context: ExecutionContext): SettingChangeRequest => {
    const http = context.switchToHttp();
    const request = http.getRequest<{
      params: { id?: string };
      headers: Record<string, string | undefined>;
      operator: Operator;
    }>();
    return {
      id: parsePartnerId(request.params.id),
      ifMatch: request.headers['if-match'],
      operator: request.operator,
      response: http.getResponse<Response>(),
    };
  },
);

/**
 * Applies one setting change as the operator, against the revision they last
 * read (If-Match, required), and sets the new ETag.
 */
export async function changeSetting(
  commands: PartnerCommandHandler,
  request: SettingChangeRequest,
  command: { type: PartnerCommand['type']; data: object },
  options: { withLimitWarnings?: boolean; reason?: string } = {},
): Promise<Change> {
  const expectedRevision = revisionFromIfMatch(request.ifMatch);
  // Any change may say why (X-Change-Reason); auditors read it in the event's metadata.
  const header = request.response.req.headers['x-change-reason'];
  const reason =
    options.reason ??
    (typeof header === 'string' && header.trim() !== '' ? header.trim().slice(0, 500) : undefined);
  const outcome = await commands.execute(
    {
      type: command.type,
      data: { ...command.data, partnerId: request.id },
      metadata: operatorMetadata(request.operator, reason),
    } as PartnerCommand,
    { expectedRevision },
  );
  request.response.setHeader('ETag', etagOf(outcome.revision));
  return {
    revision: Number(outcome.revision),
    changed: outcome.events.length > 0,
    ...(options.withLimitWarnings ? { warnings: limitWarnings(outcome.state) } : {}),
  };
}

function limitWarnings(state: PartnerState): { code: string; message: string }[] {
  return state.status === 'unregistered'
    ? []
    : deliveryLimitWarnings(state.settings.limits, state.settings.schedule);
}
