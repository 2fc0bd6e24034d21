import type { AllocateLead, ReferLead } from '../commands/lead-commands';
import { LeadError, LeadErrorCode } from '../errors/lead-error';
import type { LeadAllocated, LeadReferred } from '../events/lead-events';
import type { LiveLead } from '../model/lead-state';
import { assertPartnerId, assertUtcInstant } from '../validation/fields';
import { notAwaitingRouting } from './guards';

/**
 * Allocates a lead waiting for routing to the partner routing chose. The same
 * allocation again changes nothing; another partner is refused.
 */
export function decideAllocate(command: AllocateLead, lead: LiveLead): LeadAllocated[] {
  const { partnerId } = command.data;
  assertPartnerId(partnerId, 'partnerId');
  if (lead.stage === 'allocated' && lead.allocation.partnerId === partnerId) {
    return [];
  }
  if (lead.stage !== 'received') {
    throw notAwaitingRouting(lead);
  }
  return [
    {
      type: 'LeadAllocated',
      data: { leadId: lead.id, partnerId, allocatedAt: command.metadata.occurredAt },
    },
  ];
}

/**
 * Offers a lead waiting for routing to a partner until `expiresAt`, which must
 * lie ahead. The same offer again (even after it was answered) changes nothing.
 */
export function decideRefer(command: ReferLead, lead: LiveLead): LeadReferred[] {
  const { partnerId, expiresAt } = command.data;
  const { occurredAt } = command.metadata;
  assertPartnerId(partnerId, 'partnerId');
  assertUtcInstant(expiresAt, 'expiresAt');
  const sameOffer = lead.referrals.some(
    (referral) => referral.partnerId === partnerId && referral.expiresAt === expiresAt,
  );
  if (sameOffer) {
    return [];
  }
  if (lead.stage !== 'received') {
    throw notAwaitingRouting(lead);
  }
  if (Date.parse(expiresAt) <= Date.parse(occurredAt)) {
    throw new LeadError(
      LeadErrorCode.INVALID_COMMAND,
      `must be after the referral (${occurredAt})`,
      'expiresAt',
    );
  }
  return [
    {
      type: 'LeadReferred',
      data: { leadId: lead.id, partnerId, referredAt: occurredAt, expiresAt },
    },
  ];
}
