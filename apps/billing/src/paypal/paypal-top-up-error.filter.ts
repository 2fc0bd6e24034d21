import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { sendDomainRefusal } from '@leadrail/nest-kit';
import type { Response } from 'express';
import { PaypalTopUpError } from './paypal-top-up-error';

/** PayPal top-up refusals as LeadRail answers every domain refusal, plus PayPal's issue when it refused. */
@Catch(PaypalTopUpError)
export class PaypalTopUpErrorFilter implements ExceptionFilter<PaypalTopUpError> {
  catch(error: PaypalTopUpError, host: ArgumentsHost): void {
    if (error.paypal !== undefined) {
      const response = host.switchToHttp().getResponse<Response>();
      response.status(error.status).json({
        statusCode: error.status,
        error: error.code,
        message: error.message,
        paypal: error.paypal,
      });
      return;
    }
    sendDomainRefusal(
      host,
      { code: error.code, message: error.message, problems: error.problems },
      error.status,
    );
  }
}
