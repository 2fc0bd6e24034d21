import { Inject, Injectable } from '@nestjs/common';
import type { PartnerDeliverySwitch } from '../../ports/partner-directory';
import { TWILIO_SETTINGS, type PartnersApi, type TwilioSettings } from '../twilio.env';

/** How long one request to the partners service may take. */
const TIMEOUT_MS = 5_000;
/** Changes racing ours on the same partner (412) are met by reading its ETag again, this many times. */
const MOST_TRIES = 4;

/** The partners service did not pause or resume the partner; `status` is its HTTP answer, if any. */
export class PartnerSwitchError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'PartnerSwitchError';
  }
}

/**
 * Pauses and resumes a partner's deliveries through the partners service's
 * admin API (`POST /partners/{id}/pause|resume`), as an administrator
 * (PARTNERS_TOKEN), the way an operator would: the partner's current ETag
 * (`GET /partners/{id}`) as If-Match, and the reason in X-Change-Reason,
 * which the partners service keeps in the event's metadata. A partner
 * already paused (or not paused) answers 200 with nothing changed: success.
 * A 412 means someone changed the partner meanwhile; the change is made
 * again on the ETag it names, since pausing is the same whatever changed.
 */
@Injectable()
export class PartnersApiSwitch implements PartnerDeliverySwitch {
  constructor(@Inject(TWILIO_SETTINGS) private readonly settings: TwilioSettings) {}

  pause(partnerId: string, reason: string): Promise<void> {
    return this.change(partnerId, 'pause', reason);
  }

  resume(partnerId: string): Promise<void> {
    return this.change(partnerId, 'resume', 'the partner texted LEADS ON');
  }

  private async change(partnerId: string, action: 'pause' | 'resume', reason: string) {
    const api = this.settings.partners;
    if (api === null) {
      throw new PartnerSwitchError('PARTNERS_URL and PARTNERS_TOKEN are not set', null);
    }
    const path = `/partners/${encodeURIComponent(partnerId)}`;
    let etag = await this.etagOf(api, path);
    for (let tries = 1; ; tries += 1) {
      const response = await this.call(api, 'POST', `${path}/${action}`, {
        'if-match': etag,
        // Header values are Latin-1: anything else would make fetch throw.
        'x-change-reason': reason.replace(/[^\x20-\x7e]/g, '?').slice(0, 500),
      });
      if (response.ok) {
        return;
      }
      if (response.status === 412 && tries < MOST_TRIES) {
        etag = response.headers.get('etag') ?? (await this.etagOf(api, path));
        continue;
      }
      throw await refusal(response, `${action} partner ${partnerId}`);
    }
  }

  private async etagOf(api: PartnersApi, path: string): Promise<string> {
    const response = await this.call(api, 'GET', path, {});
    const etag = response.headers.get('etag');
    if (!response.ok || etag === null) {
      throw await refusal(response, `read ${path}`);
    }
    return etag;
  }

  private async call(
    api: PartnersApi,
    method: string,
    path: string,
    headers: Record<string, string>,
  ): Promise<Response> {
    try {
      return await fetch(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${api.token}`, ...headers },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new PartnerSwitchError(
        `the partners service did not answer ${method} ${path}: ${(error as Error).message}`,
        null,
      );
    }
  }
}

async function refusal(response: Response, what: string): Promise<PartnerSwitchError> {
  const text = await response.text().catch(() => '');
  return new PartnerSwitchError(
    `the partners service answered ${response.status} to ${what}: ${text.slice(0, 300)}`,
    response.status,
  );
}
