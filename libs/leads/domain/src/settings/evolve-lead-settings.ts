import { DEFAULT_LEAD_TYPE_ROUTING_METHOD } from '@leadrail/leads-contracts';
import type { LeadSettings, LeadSettingsEvent } from './lead-settings-model';

/** Folds one settings event. */
export function evolveLeadSettings(state: LeadSettings, event: LeadSettingsEvent): LeadSettings {
  switch (event.type) {
    case 'LeadTypeDefined':
      return {
        ...state,
        leadTypes: [
          ...state.leadTypes,
          {
            slug: event.data.slug,
            name: event.data.name,
            active: true,
            routingMethod: event.data.routingMethod ?? DEFAULT_LEAD_TYPE_ROUTING_METHOD,
          },
        ],
      };
    case 'LeadTypeChanged':
      return {
        ...state,
        leadTypes: state.leadTypes.map((entry) =>
          entry.slug === event.data.slug
            ? {
                slug: entry.slug,
                name: event.data.name,
                active: event.data.active,
                // Events from before the setting carry none: the type kept the method it had.
                routingMethod: event.data.routingMethod ?? entry.routingMethod,
              }
            : entry,
        ),
      };
    case 'DuplicateRulesChanged':
      return { ...state, duplicateRules: event.data.rules };
    case 'StatusCatalogueChanged':
      return { ...state, statuses: event.data.statuses };
    case 'ReferralTimeoutChanged':
      return { ...state, referralTimeoutMinutes: event.data.minutes };
    case 'ReturnWindowChanged':
      return { ...state, returnWindowDays: event.data.days };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
