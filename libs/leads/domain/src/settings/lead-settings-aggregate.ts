import { decideLeadSettings } from './decide-lead-settings';
import { evolveLeadSettings } from './evolve-lead-settings';
import {
  DEFAULT_LEAD_SETTINGS,
  LEAD_SETTINGS_EVENT_TYPES,
  type LeadSettings,
  type LeadSettingsCommand,
  type LeadSettingsEvent,
  leadSettingsStream,
} from './lead-settings-model';

const KNOWN = new Set<string>(LEAD_SETTINGS_EVENT_TYPES);

/** The operators' lead settings as an aggregate (`leadSettings-current`), in the event store's `Aggregate` shape. */
export const leadSettingsAggregate = {
  initialState: (): LeadSettings => DEFAULT_LEAD_SETTINGS,
  decide: decideLeadSettings,
  evolve: evolveLeadSettings,
  streamName: leadSettingsStream,
  isEvent: (event: { type: string; data: unknown }): event is LeadSettingsEvent =>
    KNOWN.has(event.type),
} satisfies {
  initialState(): LeadSettings;
  decide(command: LeadSettingsCommand, state: LeadSettings): LeadSettingsEvent[];
  evolve(state: LeadSettings, event: LeadSettingsEvent): LeadSettings;
  streamName(id: string): string;
  isEvent(event: { type: string; data: unknown }): event is LeadSettingsEvent;
};
