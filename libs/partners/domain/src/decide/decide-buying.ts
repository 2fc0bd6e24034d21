import type { SetLeadTypesBought, SetSelectionPriority } from '../commands/partner-commands';
import type { LeadTypesBoughtChanged, SelectionPriorityChanged } from '../events/partner-events';
import type { ActivePartner } from '../model/partner-state';
import { eventIfChanged } from '../rules/unchanged';
import { toLeadTypesBought, toSelectionPriority } from '../validation/lead-buying';

/**
 * Replaces what the partner buys. Each lead type must be one the leads
 * service defined and keeps active, as the command's catalogue says: a
 * setting naming a type routing can never see would silently buy nothing.
 */
export function decideLeadTypesBought(
  command: SetLeadTypesBought,
  partner: ActivePartner,
): LeadTypesBoughtChanged[] {
  const leadTypes = toLeadTypesBought(
    command.data.leadTypes,
    command.data.catalogue,
    partner,
    'leadTypes',
  );
  return eventIfChanged(partner.settings.leadTypesBought, leadTypes, {
    type: 'LeadTypesBoughtChanged',
    data: { partnerId: partner.id, leadTypes },
  });
}

/** Sets the selection priority (0-100; routing tries higher first). */
export function decideSelectionPriority(
  command: SetSelectionPriority,
  partner: ActivePartner,
): SelectionPriorityChanged[] {
  const selectionPriority = toSelectionPriority(
    command.data.selectionPriority,
    'selectionPriority',
  );
  return eventIfChanged(partner.settings.selectionPriority, selectionPriority, {
    type: 'SelectionPriorityChanged',
    data: { partnerId: partner.id, selectionPriority },
  });
}
