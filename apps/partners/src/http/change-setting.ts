import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { etagOf, type Operator, revisionFromIfMatch } from '@leadrail/nest-kit';
import type { PartnerCommand } from '@leadrail/partners-domain';
import { truncateText } from '@leadrail/integration-events';
import type { Response } from 'express';
import type { CommandOf, PartnerCommands } from '../partner/partner-commands';
import { limitWarnings } from './limit-warnings';
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
export async function changeSetting<Type extends PartnerCommand['type']>(
  commands: PartnerCommands,
  request: SettingChangeRequest,
  command: { type: Type; data: Omit<CommandOf<Type>['data'], 'partnerId'> },
  options: { withLimitWarnings?: boolean; reason?: string } = {},
): Promise<Change> {
  const expectedRevision = revisionFromIfMatch(request.ifMatch);
  // Any change may say why (X-Change-Reason); auditors read it in the event's metadata.
  const header = request.response.req.headers['x-change-reason'];
  const reason =
    options.reason ??
    (typeof header === 'string' && header.trim() !== '' ? header.trim() : undefined);
  const outcome = await commands.issue(command.type, request.id, command.data, {
    actor: { type: 'operator', id: request.operator.id },
    expectedRevision,
    reason: reason && truncateText(reason, 500),
  });
  request.response.setHeader('ETag', etagOf(outcome.revision));
  return {
    revision: Number(outcome.revision),
    changed: outcome.events.length > 0,
    ...(options.withLimitWarnings ? { warnings: limitWarnings(outcome.state) } : {}),
  };
}
