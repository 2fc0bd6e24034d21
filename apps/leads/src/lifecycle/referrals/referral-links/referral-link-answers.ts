import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type ReferralLinkAction,
  type ReferralLinkClaims,
  checkReferralLinkToken,
} from '@leadrail/delivery-contracts';
import {
  LeadError,
  LeadErrorCode,
  type LeadState,
  type ReferralRecord,
} from '@leadrail/leads-domain';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { LeadCommands } from '../../../lead/lead-commands';
import type { ReferralLinkPage } from './referral-link-page';
import { REFERRAL_LINK_SETTINGS, type ReferralLinkSettings } from './referral-links.env';

const INVALID: ReferralLinkPage = {
  status: 400,
  title: 'This link is not valid',
  paragraphs: [
    'The link may be incomplete: some email programs break long links. Open it again from the email, or answer the offer in the LeadRail partner portal, under Referrals.',
  ],
};

const OFF: ReferralLinkPage = {
  status: 404,
  title: 'Referral links are not enabled',
  paragraphs: ['Answer the offer in the LeadRail partner portal, under Referrals.'],
};

/** An offer's time in UTC, as people read it: `Wed, 25 Nov 2026, 10:00 UTC`. */
function readable(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(instant));
}

/**
 * The referral links' pages (docs/leads-service.md, "Referral links"): a
 * link's token is checked (signature with REFERRAL_LINK_SECRET, action,
 * expiry), the offer it names is found in the lead's stream, and then the
 * page asks to confirm, or says what happened to the offer. Confirming
 * issues the portal's own `AcceptReferral` / `DeclineReferral`, as the
 * partner the link was made for.
 */
@Injectable()
export class ReferralLinkAnswers {
  private readonly logger = new Logger(ReferralLinkAnswers.name);

  constructor(
    @Inject(LeadCommands) private readonly leads: LeadCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REFERRAL_LINK_SETTINGS) private readonly settings: ReferralLinkSettings,
  ) {}

  /** The page a link opens: the question, or what already happened. Changes nothing. */
  async page(action: ReferralLinkAction, token: unknown): Promise<ReferralLinkPage> {
    const checked = this.check(action, token);
    if ('status' in checked) {
      return checked;
    }
    const { claims, expired } = checked;
    const { state } = await this.leads.load(claims.leadId);
    const offer = offerOf(state, claims);
    if (offer === undefined) {
      return earlierOrInvalid(state, claims);
    }
    if (offer.outcome !== 'pending' || expired) {
      return outcomePage(offer, claims);
    }
    return question(claims, typeOf(state), typeof token === 'string' ? token : '');
  }

  /** The answer, confirmed: issued once (a repeat says what happened), or refused with a page. */
  async answer(
    action: ReferralLinkAction,
    token: unknown,
    reason: unknown,
  ): Promise<ReferralLinkPage> {
    const checked = this.check(action, token);
    if ('status' in checked) {
      return checked;
    }
    const { claims, expired } = checked;
    const { state } = await this.leads.load(claims.leadId);
    const offer = offerOf(state, claims);
    if (offer === undefined) {
      return earlierOrInvalid(state, claims);
    }
    if (offer.outcome !== 'pending' || expired) {
      return outcomePage(offer, claims);
    }
    const why = reasonOf(reason);
    if (why === null) {
      return {
        status: 400,
        title: 'The reason is too long',
        paragraphs: ['Give at most 500 characters, or none. Go back to change it.'],
      };
    }
    const actor = { type: 'partner', id: claims.partnerId } as const;
    try {
      const outcome =
        action === 'accept'
          ? await this.leads.issue(
              'AcceptReferral',
              claims.leadId,
              { partnerId: claims.partnerId },
              { actor },
            )
          : await this.leads.issue(
              'DeclineReferral',
              claims.leadId,
              { partnerId: claims.partnerId, ...(why === undefined ? {} : { reason: why }) },
              { actor },
            );
      this.logger.log(
        `referral of lead ${claims.leadId} ${action === 'accept' ? 'accepted' : 'declined'} by partner ${claims.partnerId} through its email link (${outcome.events.join(', ') || 'no change'})`,
      );
      return done(action);
    } catch (error) {
      if (!(error instanceof LeadError)) {
        throw error;
      }
      if (error.code === LeadErrorCode.INVALID_COMMAND) {
        return { status: 400, title: 'The answer cannot be recorded', paragraphs: [error.message] };
      }
      // Answered or expired meanwhile (another click, the portal, the timer): say what happened.
      const after = offerOf((await this.leads.load(claims.leadId)).state, claims);
      return after === undefined ? INVALID : outcomePage(after, claims);
    }
  }

  private check(
    action: ReferralLinkAction,
    token: unknown,
  ): ReferralLinkPage | { claims: ReferralLinkClaims; expired: boolean } {
    if (this.settings.secrets === null) {
      return OFF;
    }
    const checked = checkReferralLinkToken(token, this.settings.secrets, this.clock.now());
    if (!checked.ok && checked.reason !== 'expired') {
      this.logger.warn(`referral link refused: ${checked.reason}`);
      return INVALID;
    }
    if (checked.claims.action !== action) {
      this.logger.warn(`referral link refused: a ${checked.claims.action} link used to ${action}`);
      return INVALID;
    }
    return { claims: checked.claims, expired: !checked.ok };
  }
}

/** The offer the link was made for: the partner's referral of the lead ending at the token's expiry. */
function offerOf(state: LeadState, claims: ReferralLinkClaims): ReferralRecord | undefined {
  if (state.stage === 'new' || state.stage === 'rejected') {
    return undefined;
  }
  return state.referrals.find(
    (referral) =>
      referral.partnerId === claims.partnerId &&
      Date.parse(referral.expiresAt) === Date.parse(claims.expiresAt),
  );
}

function typeOf(state: LeadState): string {
  return state.stage === 'new' ? '' : (state.details?.leadType ?? '');
}

function earlierOrInvalid(state: LeadState, claims: ReferralLinkClaims): ReferralLinkPage {
  const offered =
    state.stage !== 'new' &&
    state.stage !== 'rejected' &&
    state.referrals.some((referral) => referral.partnerId === claims.partnerId);
  return offered
    ? {
        status: 410,
        title: 'This link is for an earlier offer',
        paragraphs: ['Use the links of the latest email about this lead, or the partner portal.'],
      }
    : INVALID;
}

function question(claims: ReferralLinkClaims, leadType: string, token: string): ReferralLinkPage {
  const details = [
    { term: 'Lead type', value: leadType },
    { term: 'Answer by', value: readable(claims.expiresAt) },
    { term: 'Lead id', value: claims.leadId },
  ];
  return claims.action === 'accept'
    ? {
        status: 200,
        title: 'Accept this lead?',
        paragraphs: [
          "Once you accept, the lead is yours: the full lead, with the person's contact details, is delivered to you.",
        ],
        details,
        form: { action: 'accept', token },
      }
    : {
        status: 200,
        title: 'Decline this lead?',
        paragraphs: [
          'Once you decline, the lead is offered elsewhere and you will not receive it.',
        ],
        details,
        form: { action: 'decline', token },
      };
}

function done(action: ReferralLinkAction): ReferralLinkPage {
  return action === 'accept'
    ? {
        status: 200,
        title: 'Lead accepted',
        paragraphs: [
          'The full lead is on its way to you, by the delivery channels set for you. You may close this page.',
        ],
      }
    : {
        status: 200,
        title: 'Lead declined',
        paragraphs: ['The lead will be offered elsewhere. You may close this page.'],
      };
}

/** What became of the offer: the same answer again is fine (200); the other is too late (409, 410). */
function outcomePage(offer: ReferralRecord, claims: ReferralLinkClaims): ReferralLinkPage {
  switch (offer.outcome) {
    case 'accepted':
      return claims.action === 'accept'
        ? { ...done('accept'), title: 'You accepted this lead' }
        : {
            status: 409,
            title: 'You accepted this lead',
            paragraphs: ['It can no longer be declined: it is being delivered to you.'],
          };
    case 'declined':
      return claims.action === 'decline'
        ? { ...done('decline'), title: 'You declined this lead' }
        : {
            status: 409,
            title: 'You declined this lead',
            paragraphs: ['It can no longer be accepted.'],
          };
    case 'expired':
    case 'pending':
      return {
        status: 410,
        title: 'This offer has expired',
        paragraphs: [
          `It ran until ${readable(offer.expiresAt)}. The lead will be offered elsewhere.`,
        ],
      };
    default: {
      const _exhaustive: never = offer.outcome;
      return _exhaustive;
    }
  }
}

/** A decline's reason on one line (a text box sends line breaks): undefined when none, null when too long. */
function reasonOf(reason: unknown): string | undefined | null {
  if (typeof reason !== 'string') {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  const text = reason.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  if (text === '') {
    return undefined;
  }
  return [...text].length > 500 ? null : text;
}
