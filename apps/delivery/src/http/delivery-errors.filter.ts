import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { DeliveryError, DeliveryErrorCode } from '@leadrail/delivery-domain';
import { sendDomainRefusal } from '@leadrail/nest-kit';

/** Refusals about a delivery's state, not a field's value. */
const STATUS: Partial<Record<DeliveryErrorCode, number>> = {
  [DeliveryErrorCode.NOT_REQUESTED]: 404,
  [DeliveryErrorCode.NOT_DELIVERED]: 409,
};

/** The one place delivery error codes become HTTP: 400 naming the field, 404, or 409. */
@Catch(DeliveryError)
export class DeliveryErrorsFilter implements ExceptionFilter {
  catch(error: DeliveryError, host: ArgumentsHost): void {
    sendDomainRefusal(host, error, STATUS[error.code] ?? 400);
  }
}
