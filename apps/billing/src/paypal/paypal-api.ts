import type { PaypalMoney } from './paypal-money';

/**
 * The parts of PayPal's REST shapes LeadRail sends or reads (Orders v2,
 * OAuth 2.0, Webhooks v1). PayPal sends far more; only what is read is typed,
 * and every field read from an answer is checked before use (paypal-answers.ts).
 */

/** A HATEOAS link: `rel` "approve" is where the payer approves an order. */
export interface PaypalLink {
  href: string;
  rel: string;
  method?: string;
}

/** POST /v1/oauth2/token (grant_type=client_credentials). */
export interface PaypalAccessToken {
  access_token: string;
  token_type: string;
  /** Seconds the token stays valid (PayPal: about nine hours). */
  expires_in: number;
}

/** POST /v2/checkout/orders: one purchase unit, paid at once (intent CAPTURE). */
export interface CreateOrderRequest {
  intent: 'CAPTURE';
  purchase_units: [
    {
      amount: PaypalMoney;
      /** LeadRail's partner id: comes back on the capture and in reports. */
      custom_id: string;
      description?: string;
    },
  ];
}

/** PayPal's order statuses (Orders v2 `order_status`). */
export type PaypalOrderStatus =
  'CREATED' | 'SAVED' | 'APPROVED' | 'VOIDED' | 'COMPLETED' | 'PAYER_ACTION_REQUIRED';

/** A captured payment's status: only COMPLETED means the money arrived. */
export type PaypalCaptureStatus =
  'COMPLETED' | 'DECLINED' | 'PARTIALLY_REFUNDED' | 'PENDING' | 'REFUNDED' | 'FAILED';

/** A capture as LeadRail reads it, from a capture answer, an order or a webhook event. */
export interface PaypalCapture {
  id: string;
  /** A {@link PaypalCaptureStatus}, or one PayPal adds later (never credited). */
  status: string;
  amount: PaypalMoney;
  custom_id?: string;
  supplementary_data?: { related_ids?: { order_id?: string } };
}

/** An order as LeadRail reads it. */
export interface PaypalOrder {
  id: string;
  /** A {@link PaypalOrderStatus}, or one PayPal adds later. */
  status: string;
  links: PaypalLink[];
  purchase_units?: {
    amount?: PaypalMoney;
    custom_id?: string;
    payments?: { captures?: PaypalCapture[] };
  }[];
}

/** PayPal's error body (`error`, `error_400`, `error_422`…). */
export interface PaypalErrorBody {
  name?: string;
  message?: string;
  debug_id?: string;
  details?: { field?: string; value?: string; issue?: string; description?: string }[];
  /** OAuth errors use these instead. */
  error?: string;
  error_description?: string;
}

/** The PAYPAL-* headers of a webhook delivery, verbatim, as verify-webhook-signature wants them. */
export interface WebhookTransmission {
  authAlgo: string;
  certUrl: string;
  transmissionId: string;
  transmissionSig: string;
  transmissionTime: string;
}

/** A webhook event as LeadRail reads it once verified. */
export interface PaypalWebhookEvent {
  id: string;
  event_type: string;
  resource_type?: string;
  resource?: unknown;
}

/** The event LeadRail credits on. */
export const CAPTURE_COMPLETED = 'PAYMENT.CAPTURE.COMPLETED';
