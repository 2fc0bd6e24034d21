import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { IntroducerKeyError, IntroducerKeyErrorCode } from '@leadrail/leads-domain';
import { sendDomainRefusal } from '@leadrail/nest-kit';

/** Refusals that are not about a field's value. */
const STATUS: Partial<Record<IntroducerKeyErrorCode, number>> = {
  [IntroducerKeyErrorCode.KEY_NOT_FOUND]: 404,
  [IntroducerKeyErrorCode.KEY_ALREADY_ISSUED]: 409,
  [IntroducerKeyErrorCode.TOO_MANY_ACTIVE_KEYS]: 409,
  [IntroducerKeyErrorCode.ACTOR_NOT_ALLOWED]: 403,
};

/** The one place API-key error codes become HTTP: a refused value is a 400 with its field; state conflicts 404/409/403. */
@Catch(IntroducerKeyError)
export class IntroducerKeyErrorsFilter implements ExceptionFilter {
  catch(error: IntroducerKeyError, host: ArgumentsHost): void {
    const status = STATUS[error.code] ?? 400;
    // A conflict is about the key's state, not a value: no field list then.
    sendDomainRefusal(
      host,
      status === 400 ? error : { code: error.code, message: error.message },
      status,
    );
  }
}
