import { Inject, Injectable } from '@nestjs/common';
import {
  OutboundAddressGuard,
  type OutboundCheckOptions,
  type OutboundVerdict,
  createDnsResolver,
} from '@leadrail/outbound-guard';
import type { LookupFunction } from 'node:net';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';

/**
 * The outbound-address guard of `@leadrail/outbound-guard` with the service's
 * OUTBOUND_ALLOWED_HOSTS and the system DNS resolver: may this service send to
 * a URL an operator typed? Partners checks delivery URLs when they are saved;
 * delivery checks them again when it sends (docs/outbound-addresses.md).
 */
@Injectable()
export class OutboundAddressPolicy {
  private readonly guard: OutboundAddressGuard;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.guard = new OutboundAddressGuard({
      allowedHosts: config.outbound.allowedHosts,
      resolver: createDnsResolver(),
    });
  }

  /**
   * The verdict on `url`: `{ allowed: true, … }`, or `{ allowed: false, code,
   * message, host?, address? }` with an `OutboundAddressErrorCode` and a message
   * for the operator. Never rejects. Resolves the host (save time) unless
   * `{ resolve: false }` (send time, with `lookupFor`).
   */
  check(url: string, options?: OutboundCheckOptions): Promise<OutboundVerdict> {
    return this.guard.check(url, options);
  }

  /** Like `check`, but rejects with an `OutboundAddressError` (code, host, address, message). */
  assertAllowed(url: string, options?: OutboundCheckOptions): Promise<void> {
    return this.guard.assertAllowed(url, options);
  }

  /**
   * A `lookup` for node's http/https request to `url` that only connects to
   * addresses this policy allows, so DNS answers cannot change between check
   * and connection (DNS rebinding).
   */
  lookupFor(url: string): LookupFunction {
    return this.guard.lookupFor(url);
  }
}
