import { BadRequestException, type PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** PayPal's order ids: upper-case letters and digits (Orders v2 allows up to 36). */
const PAYPAL_ORDER_ID = /^[A-Z0-9]{1,36}$/;

function refuse(field: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message,
    errors: [{ field, messages: [message] }],
  });
}

/** A partner id from the URL: a UUID in any case, in the lower case partners issues it in. */
export class PartnerIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) {
      throw refuse('partnerId', 'partnerId must be a UUID');
    }
    return value.toLowerCase();
  }
}

/** A PayPal order id from the URL, checked before it is put in a URL to PayPal or a query. */
export class PaypalOrderIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PAYPAL_ORDER_ID.test(value)) {
      throw refuse('orderId', 'orderId must be a PayPal order id: upper-case letters and digits');
    }
    return value;
  }
}
