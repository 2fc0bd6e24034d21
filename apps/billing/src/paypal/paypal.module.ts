import { type DynamicModule, type ModuleMetadata, Module, type Provider } from '@nestjs/common';
import { OperatorAuthGuard } from '@leadrail/nest-kit';
import {
  PORTAL_TOKEN_VERIFIER,
  PortalSessionGuard,
  remotePortalTokenVerifier,
} from '@leadrail/portal-session';
import { OperatorPaypalController } from './operator-paypal.controller';
import { PartnerOrOperatorGuard } from './partner-or-operator.guard';
import { PaypalCaptureController } from './paypal-capture.controller';
import { PaypalClient } from './paypal-client';
import { PAYPAL_SETTINGS, type PaypalSettings, paypalSettingsProvider } from './paypal.env';
import { PaypalOrders } from './paypal-orders';
import { PAYPAL_CLIENT, PaypalTopUps } from './paypal-top-ups';
import { PaypalWebhookController } from './paypal-webhook.controller';
import { PaypalWebhookTransmissions } from './paypal-webhook-transmissions';
import { PaypalWebhooks } from './paypal-webhooks';
import { PortalPaypalController } from './portal-paypal.controller';

/** What the billing service gives PaypalModule. */
export interface PaypalModuleOptions {
  /** Modules exporting what `providers` does not give (billing core's, with its PaymentRecorder). */
  imports?: ModuleMetadata['imports'];
  /**
   * PAYMENT_RECORDER (billing core's accounts) and PORTAL_ACCESS (billing's
   * view of partners' portal access) unless `imports` export them;
   * PORTAL_TOKEN_VERIFIER only to replace the default, the partners service's
   * public keys from PORTAL_JWKS_URL (declare `requires.portalJwksUrl`).
   */
  providers?: Provider[];
}

function provides(providers: readonly Provider[], token: unknown): boolean {
  return providers.some((provider) => typeof provider === 'object' && provider.provide === token);
}

/**
 * PayPal top-ups of partner accounts (Orders v2): the portal's and operators'
 * routes to start one, the capture, and PayPal's webhook; the pending orders
 * in `billing_paypal_orders` (migration CreatePaypalOrders1764000003500).
 * Needs the service kit's SERVICE_CONFIG, CLOCK and TypeORM DataSource
 * (global in every service), and PAYMENT_RECORDER and PORTAL_ACCESS from
 * billing (see {@link PaypalModuleOptions}). With the PAYPAL_* variables
 * unset every route answers 503 "PayPal top-ups are not configured".
 */
@Module({})
export class PaypalModule {
  static register(options: PaypalModuleOptions = {}): DynamicModule {
    const given = options.providers ?? [];
    return {
      module: PaypalModule,
      imports: options.imports ?? [],
      controllers: [
        PortalPaypalController,
        OperatorPaypalController,
        PaypalCaptureController,
        PaypalWebhookController,
      ],
      providers: [
        ...given,
        ...(provides(given, PORTAL_TOKEN_VERIFIER) ? [] : [remotePortalTokenVerifier]),
        paypalSettingsProvider,
        {
          provide: PAYPAL_CLIENT,
          inject: [PAYPAL_SETTINGS],
          useFactory: (settings: PaypalSettings): PaypalClient | null =>
            settings.paypal === null ? null : new PaypalClient(settings.paypal),
        },
        PaypalOrders,
        PaypalWebhookTransmissions,
        PaypalTopUps,
        PaypalWebhooks,
        PortalSessionGuard,
        OperatorAuthGuard,
        PartnerOrOperatorGuard,
      ],
      exports: [PaypalTopUps],
    };
  }
}
