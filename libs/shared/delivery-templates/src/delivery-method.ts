/**
 * How a partner receives a lead over the internet (spec: Internet Delivery). Each
 * method has its own body syntax, escaping and content type. The values are the
 * partner settings' own (`InternetDeliveryMethod` in the partners domain), so a
 * partner's method can be passed as it is stored.
 */
export const DeliveryMethod = {
  XML: 'xml',
  JSON: 'json',
  SOAP_1_1: 'soap-1.1',
  SOAP_1_2: 'soap-1.2',
  /** An HTML form post: `application/x-www-form-urlencoded` pairs. */
  POST: 'post',
} as const;

/** One of the {@link DeliveryMethod} values. */
export type DeliveryMethod = (typeof DeliveryMethod)[keyof typeof DeliveryMethod];
