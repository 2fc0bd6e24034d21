import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { PartnerError, PartnerErrorCode } from '@leadrail/partners-domain';
import { sendDomainRefusal } from '@leadrail/nest-kit';

/** Domain refusals that are not about a field's value. */
const STATUS: Partial<Record<PartnerErrorCode, number>> = {
  [PartnerErrorCode.PARTNER_NOT_REGISTERED]: 404,
  [PartnerErrorCode.PARTNER_ALREADY_REGISTERED]: 409,
  [PartnerErrorCode.PARTNER_INACTIVE]: 409,
  [PartnerErrorCode.PORTAL_LOGIN_ALREADY_EXISTS]: 409,
  [PartnerErrorCode.ACTOR_NOT_ALLOWED]: 403,
};

/**
 * The one place partner error codes become HTTP: a refused value is a 400 with
 * its field, like any validation error; state conflicts are 404/409/403.
 */
@Catch(PartnerError)
export class PartnerErrorsFilter implements ExceptionFilter {
  catch(error: PartnerError, host: ArgumentsHost): void {
    sendDomainRefusal(host, error, STATUS[error.code] ?? 400);
  }
}
