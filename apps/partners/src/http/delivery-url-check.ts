import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { OutboundAddressPolicy } from '@leadrail/nest-kit';
import { OutboundAddressErrorCode } from '@leadrail/outbound-guard';

/** A warning an accepted change carries (the same shape as the limit warnings). */
export interface Warning {
  code: string;
  message: string;
}

/** What the guard refuses outright at save time; the URL's shape is the domain's to judge. */
const REFUSED = new Set([
  OutboundAddressErrorCode.INTERNAL_ADDRESS,
  OutboundAddressErrorCode.INTERNAL_HOST_NAME,
]);

/**
 * Checks a delivery URL against the outbound-address policy when it is saved:
 * an internal host (literal, internal name, or a name resolving inside the
 * network) is a 400 on the field, unless OUTBOUND_ALLOWED_HOSTS allows it. A
 * name that does not resolve yet is accepted with a warning: a partner may
 * set up DNS after the operator, and delivery checks again at send time.
 */
@Injectable()
export class DeliveryUrlCheck {
  constructor(@Inject(OutboundAddressPolicy) private readonly policy: OutboundAddressPolicy) {}

  async check(url: string | undefined, field: string): Promise<Warning[]> {
    if (typeof url !== 'string') {
      return [];
    }
    const verdict = await this.policy.check(url);
    if (verdict.allowed) {
      return [];
    }
    if (REFUSED.has(verdict.code)) {
      throw new BadRequestException({
        statusCode: 400,
        error: verdict.code,
        message: verdict.message,
        errors: [{ field, messages: [verdict.message] }],
      });
    }
    return verdict.code === OutboundAddressErrorCode.UNRESOLVABLE_HOST
      ? [{ code: verdict.code, message: verdict.message }]
      : [];
  }
}
