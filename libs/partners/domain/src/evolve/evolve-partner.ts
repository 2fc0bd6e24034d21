import type { PartnerEvent } from '../events/partner-events';
import { DEFAULT_SELECTION_PRIORITY } from '../model/lead-buying';
import type { Money } from '../model/money';
import type { PartnerSettings, PartnerType } from '../model/partner-settings';
import type { ActivePartner, PartnerState, RegisteredPartner } from '../model/partner-state';

/**
 * Folds one event into the partner's state. Pure and total: recorded events
 * are facts, so evolve never refuses one. An event that needs a registered
 * partner but meets none (a stream decide could not have written) changes nothing.
 */
export function evolvePartner(state: PartnerState, event: PartnerEvent): PartnerState {
  switch (event.type) {
    case 'PartnerRegistered': {
      const { partnerId, name, currency, registeredAt, settings } = event.data;
      return {
        status: 'active',
        id: partnerId,
        name,
        currency,
        registeredAt,
        // Not in the registration (its v1 contract predates them): nothing bought, default priority.
        settings: {
          ...settings,
          leadTypesBought: [],
          selectionPriority: DEFAULT_SELECTION_PRIORITY,
        },
        paused: null,
      };
    }
    case 'PartnerRenamed':
      return update(state, (partner) => ({ ...partner, name: event.data.name }));
    case 'PartnerTypeChanged':
      return withSettings(state, () => ({ partnerType: event.data.partnerType }));
    case 'LeadCostSet':
      return withSettings(state, ({ partnerType }) => ({
        partnerType: withLeadCost(partnerType, event.data.leadCost),
      }));
    case 'LeadValueSet':
      return withSettings(state, ({ partnerType }) => ({
        partnerType: withLeadValue(partnerType, event.data.leadValue),
      }));
    case 'PortalAccessChanged':
      return withSettings(state, () => ({ portalAccess: event.data.portalAccess }));
    case 'PortalLoginCreated':
      return withSettings(state, () => ({ portalLogin: event.data.portalLogin }));
    case 'PaymentModeChanged':
      return withSettings(state, () => ({ payment: event.data.payment }));
    case 'BillingPointChanged':
      return withSettings(state, () => ({ billingPoint: event.data.billingPoint }));
    case 'DeliveryConfigured':
      return withSettings(state, () => ({ delivery: event.data.delivery }));
    case 'DeliveryLimitsChanged':
      return withSettings(state, () => ({ limits: event.data.limits }));
    case 'DeliveryScheduleChanged':
      return withSettings(state, () => ({ schedule: event.data.schedule }));
    case 'ContactDetailsChanged':
      return withSettings(state, () => ({ contact: event.data.contact }));
    case 'TextAlertsChanged':
      return withSettings(state, () => ({ textAlerts: event.data.textAlerts }));
    case 'LowFundsThresholdChanged':
      return withSettings(state, () => ({ lowFundsThreshold: event.data.lowFundsThreshold }));
    case 'LeadTypesBoughtChanged':
      return withSettings(state, () => ({ leadTypesBought: event.data.leadTypes }));
    case 'SelectionPriorityChanged':
      return withSettings(state, () => ({ selectionPriority: event.data.selectionPriority }));
    case 'DeliveriesPaused':
      return update(state, (partner) => ({ ...partner, paused: event.data.pause }));
    case 'DeliveriesResumed':
      return update(state, (partner) => ({ ...partner, paused: null }));
    case 'PartnerDeactivated': {
      const deactivation = { reason: event.data.reason, at: event.data.deactivatedAt };
      return update(state, (partner) => ({
        ...activated(partner),
        status: 'inactive',
        deactivation,
      }));
    }
    case 'PartnerReactivated':
      return update(state, activated);
    default: {
      // A new event type fails to compile here until it is folded.
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function update(
  state: PartnerState,
  change: (partner: RegisteredPartner) => RegisteredPartner,
): PartnerState {
  return state.status === 'unregistered' ? state : change(state);
}

function withSettings(
  state: PartnerState,
  change: (settings: PartnerSettings) => Partial<PartnerSettings>,
): PartnerState {
  return update(state, (partner) => ({
    ...partner,
    settings: { ...partner.settings, ...change(partner.settings) },
  }));
}

/** The partner as active, without the record of its deactivation. */
function activated(partner: RegisteredPartner): ActivePartner {
  const { id, name, currency, registeredAt, settings, paused } = partner;
  return { status: 'active', id, name, currency, registeredAt, settings, paused };
}

// A price only lands on a role the partner holds; decide refuses the rest.
function withLeadCost(partnerType: PartnerType, leadCost: Money): PartnerType {
  return partnerType.introducer ? { ...partnerType, leadCost } : partnerType;
}

function withLeadValue(partnerType: PartnerType, leadValue: Money): PartnerType {
  return partnerType.partner ? { ...partnerType, leadValue } : partnerType;
}
