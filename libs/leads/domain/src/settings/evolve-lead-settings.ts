import type { LeadSettings, LeadSettingsEvent } from './lead-settings-model';

/** Folds one settings event. */
export function evolveLeadSettings(state: LeadSettings, event: LeadSettingsEvent): LeadSettings {
  switch (event.type) {
    case 'LeadTypeDefined':
      return {
        ...state,
        leadTypes: [
          ...state.leadTypes,
          { slug: event.data.slug, name: event.data.name, active: true },
        ],
      };
    case 'LeadTypeChanged':
      return {
        ...state,
        leadTypes: state.leadTypes.map((entry) =>
          entry.slug === event.data.slug
            ? { slug: entry.slug, name: event.data.name, active: event.data.active }
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
