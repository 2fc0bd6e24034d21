import type {
  ChangePartnerType,
  RenamePartner,
  SetLeadCost,
  SetLeadValue,
} from '../commands/partner-commands';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type {
  LeadCostSet,
  LeadValueSet,
  PartnerRenamed,
  PartnerTypeChanged,
} from '../events/partner-events';
import type { ActivePartner } from '../model/partner-state';
import { eventIfChanged } from '../rules/unchanged';
import { normalizedName } from '../validation/identity';
import { toMoney } from '../validation/money';
import { toPartnerType } from '../validation/partner-type';

/** Renames the partner. */
export function decideRename(command: RenamePartner, partner: ActivePartner): PartnerRenamed[] {
  const name = normalizedName(command.data.name, 'name');
  return eventIfChanged(partner.name, name, {
    type: 'PartnerRenamed',
    data: { partnerId: partner.id, name },
  });
}

/** Changes the partner's roles; prices of kept roles stay unless given. */
export function decidePartnerType(
  command: ChangePartnerType,
  partner: ActivePartner,
): PartnerTypeChanged[] {
  const current = partner.settings.partnerType;
  const partnerType = toPartnerType(
    command.data.partnerType,
    partner.currency,
    current,
    'partnerType',
  );
  return eventIfChanged(current, partnerType, {
    type: 'PartnerTypeChanged',
    data: { partnerId: partner.id, partnerType },
  });
}

/** Sets the lead cost; only an introducer has one. */
export function decideLeadCost(command: SetLeadCost, partner: ActivePartner): LeadCostSet[] {
  const current = partner.settings.partnerType;
  if (!current.introducer) {
    throw new PartnerError(
      PartnerErrorCode.LEAD_COST_ONLY_FOR_INTRODUCERS,
      'only an introducer has a lead cost; change the partner type first',
      'leadCost',
    );
  }
  const leadCost = toMoney(command.data.leadCost, partner.currency, 'leadCost');
  return eventIfChanged(current.leadCost, leadCost, {
    type: 'LeadCostSet',
    data: { partnerId: partner.id, leadCost },
  });
}

/** Sets the lead value; only a partner (a buyer of leads) has one. */
export function decideLeadValue(command: SetLeadValue, partner: ActivePartner): LeadValueSet[] {
  const current = partner.settings.partnerType;
  if (!current.partner) {
    throw new PartnerError(
      PartnerErrorCode.LEAD_VALUE_ONLY_FOR_PARTNERS,
      'only a partner has a lead value; change the partner type first',
      'leadValue',
    );
  }
  const leadValue = toMoney(command.data.leadValue, partner.currency, 'leadValue');
  return eventIfChanged(current.leadValue, leadValue, {
    type: 'LeadValueSet',
    data: { partnerId: partner.id, leadValue },
  });
}
