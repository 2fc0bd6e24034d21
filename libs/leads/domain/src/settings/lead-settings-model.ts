import type { LeadTypeRoutingMethod } from '@leadrail/leads-contracts';
import type { DuplicateRule } from '../dedup/duplicate-rule';
import type { LeadTypeEntry } from '../intake/intake-checks';
import type { LeadStatusDefinition } from '../model/billing-points';
import type { LeadActor } from '../model/command-metadata';

/** The one stream of the operators' lead settings. */
export const LEAD_SETTINGS_STREAM_ID = 'current';

/** The leads settings stream: `leadSettings-current`. */
export function leadSettingsStream(id: string = LEAD_SETTINGS_STREAM_ID): string {
  return `leadSettings-${id}`;
}

/**
 * What operators set for leads as a whole: the lead types intake accepts, the
 * de-duplication rules in the order they are tried, the statuses partners may
 * give leads, how long a referral waits for an answer and how long after
 * delivery a lead may be returned. One small stream: operators change it
 * rarely, and one revision orders every change.
 */
export interface LeadSettings {
  leadTypes: readonly LeadTypeEntry[];
  duplicateRules: readonly DuplicateRule[];
  statuses: readonly LeadStatusDefinition[];
  referralTimeoutMinutes: number;
  returnWindowDays: number;
}

/** Until operators say otherwise: no types (so no lead is accepted), no rules beyond the built-in one. */
export const DEFAULT_LEAD_SETTINGS: LeadSettings = {
  leadTypes: [],
  duplicateRules: [],
  statuses: [
    { status: 'new', billingPoint: null },
    { status: 'accepted', billingPoint: 'accepted' },
    { status: 'contacted', billingPoint: null },
    { status: 'qualified', billingPoint: 'qualified' },
    { status: 'converted', billingPoint: 'converted' },
    { status: 'lost', billingPoint: null },
  ],
  referralTimeoutMinutes: 60,
  returnWindowDays: 7,
};

/** Who changed a setting and when (UTC, `Z`). */
export interface SettingsMetadata {
  actor: LeadActor;
  occurredAt: string;
}

export type LeadSettingsCommand =
  | {
      type: 'DefineLeadType';
      /** `routingMethod` omitted: round-robin. */
      data: { slug: string; name: string; routingMethod?: LeadTypeRoutingMethod };
      metadata: SettingsMetadata;
    }
  | {
      type: 'ChangeLeadType';
      /** What is omitted stays as it is. */
      data: {
        slug: string;
        name?: string;
        active?: boolean;
        routingMethod?: LeadTypeRoutingMethod;
      };
      metadata: SettingsMetadata;
    }
  | {
      type: 'SetDuplicateRules';
      data: { rules: readonly DuplicateRule[] };
      metadata: SettingsMetadata;
    }
  | {
      type: 'SetStatusCatalogue';
      data: { statuses: readonly LeadStatusDefinition[] };
      metadata: SettingsMetadata;
    }
  | { type: 'SetReferralTimeout'; data: { minutes: number }; metadata: SettingsMetadata }
  | { type: 'SetReturnWindow'; data: { days: number }; metadata: SettingsMetadata };

/**
 * The settings events as stored. `routingMethod` is recorded in every lead-type
 * event since the setting exists; events recorded before lack it (round-robin).
 */
export type LeadSettingsEvent =
  | {
      type: 'LeadTypeDefined';
      data: {
        slug: string;
        name: string;
        routingMethod?: LeadTypeRoutingMethod;
        definedAt: string;
      };
    }
  | {
      type: 'LeadTypeChanged';
      data: {
        slug: string;
        name: string;
        active: boolean;
        routingMethod?: LeadTypeRoutingMethod;
        changedAt: string;
      };
    }
  | { type: 'DuplicateRulesChanged'; data: { rules: DuplicateRule[]; changedAt: string } }
  | {
      type: 'StatusCatalogueChanged';
      data: { statuses: LeadStatusDefinition[]; changedAt: string };
    }
  | { type: 'ReferralTimeoutChanged'; data: { minutes: number; changedAt: string } }
  | { type: 'ReturnWindowChanged'; data: { days: number; changedAt: string } };

export const LEAD_SETTINGS_EVENT_TYPES = [
  'LeadTypeDefined',
  'LeadTypeChanged',
  'DuplicateRulesChanged',
  'StatusCatalogueChanged',
  'ReferralTimeoutChanged',
  'ReturnWindowChanged',
] as const satisfies readonly LeadSettingsEvent['type'][];
