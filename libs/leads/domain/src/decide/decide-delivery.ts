import type { RecordDelivery, RecordDeliveryFailure } from '../commands/lead-commands';
import { LeadError, LeadErrorCode } from '../errors/lead-error';
import type { LeadDelivered, LeadDeliveryFailed } from '../events/lead-events';
import type { LiveLead } from '../model/lead-state';
import { assertPartnerId, optionalText, requiredText } from '../validation/fields';

function notAllocatedTo(lead: LiveLead, partnerId: string): LeadError {
  return new LeadError(
    LeadErrorCode.NOT_ALLOCATED_TO_PARTNER,
    `lead ${lead.id} is not allocated to partner ${partnerId}`,
    'partnerId',
  );
}

/**
 * Records that the lead reached the partner it is allocated to. The same
 * delivery reported again changes nothing; a different one is refused.
 */
export function decideDelivery(command: RecordDelivery, lead: LiveLead): LeadDelivered[] {
  const { partnerId } = command.data;
  assertPartnerId(partnerId, 'partnerId');
  const partnerReference = optionalText(command.data.partnerReference, 200, 'partnerReference');
  if (lead.stage === 'delivered' || lead.stage === 'returned') {
    const same =
      lead.allocation.partnerId === partnerId &&
      lead.delivery.partnerReference === partnerReference;
    if (same) {
      return [];
    }
    throw new LeadError(
      LeadErrorCode.ALREADY_DELIVERED,
      `lead ${lead.id} was delivered to partner ${lead.allocation.partnerId} already`,
    );
  }
  if (lead.stage !== 'allocated' || lead.allocation.partnerId !== partnerId) {
    throw notAllocatedTo(lead, partnerId);
  }
  return [
    {
      type: 'LeadDelivered',
      data: {
        leadId: lead.id,
        partnerId,
        deliveredAt: command.metadata.occurredAt,
        partnerReference,
      },
    },
  ];
}

/**
 * Records that delivery to the allocated partner gave up (its retries are
 * delivery's business); the lead goes back to routing. Reported again: no event.
 */
export function decideDeliveryFailure(
  command: RecordDeliveryFailure,
  lead: LiveLead,
): LeadDeliveryFailed[] {
  const { partnerId } = command.data;
  assertPartnerId(partnerId, 'partnerId');
  const reason = requiredText(command.data.reason, 500, 'reason');
  if (lead.stage === 'allocated' && lead.allocation.partnerId === partnerId) {
    return [
      {
        type: 'LeadDeliveryFailed',
        data: { leadId: lead.id, partnerId, failedAt: command.metadata.occurredAt, reason },
      },
    ];
  }
  if (lead.stage === 'delivered' || lead.stage === 'returned') {
    throw new LeadError(
      LeadErrorCode.ALREADY_DELIVERED,
      `lead ${lead.id} was delivered to partner ${lead.allocation.partnerId}`,
    );
  }
  // Not allocated to it now: a repeat of a failure already recorded, or a mistake.
  if (lead.stage !== 'allocated' && lead.deliveryFailures.some((f) => f.partnerId === partnerId)) {
    return [];
  }
  throw notAllocatedTo(lead, partnerId);
}
