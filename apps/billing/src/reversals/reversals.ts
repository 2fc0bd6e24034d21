import { Inject, Injectable } from '@nestjs/common';
import { type BillingActor, BillingError, BillingErrorCode } from '@leadrail/billing-domain';
import type { EntityManager } from 'typeorm';
import type { BillingCause } from '../accounts/billing-cause';
import { PartnerAccounts } from '../accounts/partner-accounts';
import { IntroducerPayables } from '../payables/introducer-payables';
import { BillingPartners } from '../partner-view/billing-partners';

export type ReversalSide = 'both' | 'partner' | 'introducer';

export interface ReversalRequest {
  leadId: string;
  /** The partner charged for the lead (the partner side needs it). */
  partnerId: string;
  side: ReversalSide;
  reason: string;
  actor: BillingActor;
}

/** What a reversal did on each side: reversed now, reversed before, or nothing to reverse. */
export interface ReversalOutcome {
  partner: 'reversed' | 'already-reversed' | 'not-charged' | 'not-asked';
  introducer: 'reversed' | 'already-reversed' | 'nothing-owed' | 'not-asked';
}

/**
 * Gives back what a lead moved: the partner's charge (a credit of kind
 * charge-reversal) and what its introducer is owed, either or both, each
 * at most once, with the reason and the actor.
 */
@Injectable()
export class Reversals {
  constructor(
    @Inject(BillingPartners) private readonly partners: BillingPartners,
    @Inject(PartnerAccounts) private readonly accounts: PartnerAccounts,
    @Inject(IntroducerPayables) private readonly payables: IntroducerPayables,
  ) {}

  async reverse(
    manager: EntityManager,
    request: ReversalRequest,
    cause: BillingCause,
  ): Promise<ReversalOutcome> {
    const { leadId, reason, actor } = request;
    const outcome: ReversalOutcome = { partner: 'not-asked', introducer: 'not-asked' };
    if (request.side !== 'introducer') {
      const partner = await this.partners.find(manager, request.partnerId);
      if (partner === null) {
        throw new BillingError(
          BillingErrorCode.NO_SUCH_CHARGE,
          `partner ${request.partnerId} is unknown to billing`,
          'partnerId',
        );
      }
      outcome.partner = await attempt(
        () => this.accounts.reverseCharge(partner, { leadId, reason, actor }, cause),
        BillingErrorCode.NO_SUCH_CHARGE,
        'not-charged',
      );
    }
    if (request.side !== 'partner') {
      const rows = await manager.query<{ introducer_id: string }[]>(
        'SELECT introducer_id FROM billing_leads WHERE lead_id = $1',
        [leadId],
      );
      const introducerId = rows[0]?.introducer_id;
      outcome.introducer =
        introducerId === undefined
          ? 'nothing-owed'
          : await attempt(
              () => this.payables.reverse(introducerId, { leadId, reason, actor }, cause),
              BillingErrorCode.NO_SUCH_PAYABLE,
              'nothing-owed',
            );
    }
    return outcome;
  }
}

async function attempt<Absent extends string>(
  run: () => Promise<{ events: unknown[] }>,
  absentCode: BillingErrorCode,
  absent: Absent,
): Promise<'reversed' | 'already-reversed' | Absent> {
  try {
    const { events } = await run();
    return events.length > 0 ? 'reversed' : 'already-reversed';
  } catch (error) {
    if (error instanceof BillingError && error.code === absentCode) {
      return absent;
    }
    throw error;
  }
}
