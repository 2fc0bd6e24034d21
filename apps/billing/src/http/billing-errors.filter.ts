import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { BillingError, BillingErrorCode } from '@leadrail/billing-domain';
import { sendDomainRefusal } from '@leadrail/nest-kit';

/** Refusals about what exists, not a field's value. */
const STATUS: Partial<Record<BillingErrorCode, number>> = {
  [BillingErrorCode.NO_SUCH_CHARGE]: 404,
  [BillingErrorCode.NO_SUCH_PAYABLE]: 404,
};

/** The one place billing error codes become HTTP: 400 naming the field, or 404. */
@Catch(BillingError)
export class BillingErrorsFilter implements ExceptionFilter {
  catch(error: BillingError, host: ArgumentsHost): void {
    sendDomainRefusal(host, error, STATUS[error.code] ?? 400);
  }
}
