import {
  DEFAULT_LEAD_TYPE_ROUTING_METHOD,
  LEAD_TYPE_ROUTING_METHODS,
  type LeadTypeRoutingMethod,
} from '@leadrail/leads-contracts';
import { MATCH_KEY_KINDS, type DuplicateRule } from '../dedup/duplicate-rule';
import { LeadError, LeadErrorCode } from '../errors/lead-error';
import { assertValidCatalogue } from '../validation/status-catalogue';
import { assertPartnerId, assertUtcInstant, requiredText } from '../validation/fields';
import type { LeadSettings, LeadSettingsCommand, LeadSettingsEvent } from './lead-settings-model';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_RULES = 20;
const MAX_LEAD_TYPES = 500;
// A referral waits at least a minute and at most a fortnight; returns are asked for within a year.
const MAX_REFERRAL_MINUTES = 14 * 24 * 60;
const MAX_RETURN_DAYS = 365;
const MAX_WINDOW_DAYS = 3650;

function invalid(message: string, field: string): LeadError {
  return new LeadError(LeadErrorCode.INVALID_COMMAND, message, field);
}

function assertWholeNumber(value: unknown, min: number, max: number, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`must be a whole number from ${min} to ${max}`, field);
  }
  return value;
}

function assertSlug(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > 50 || !SLUG.test(value)) {
    throw invalid('must be a lower-case slug of at most 50 characters, e.g. home-insurance', field);
  }
  return value;
}

function assertRoutingMethod(value: unknown, field: string): LeadTypeRoutingMethod {
  const methods: readonly unknown[] = LEAD_TYPE_ROUTING_METHODS;
  if (!methods.includes(value)) {
    throw invalid(`must be one of ${LEAD_TYPE_ROUTING_METHODS.join(', ')}`, field);
  }
  return value as LeadTypeRoutingMethod;
}

/** A rule checked and copied: known keys, a scope, a window, an action. */
function checkedRule(rule: DuplicateRule, field: string): DuplicateRule {
  assertPartnerId(rule?.id, `${field}.id`);
  const kinds: readonly string[] = MATCH_KEY_KINDS;
  const keys: readonly unknown[] = Array.isArray(rule.keys) ? rule.keys : [];
  if (
    keys.length === 0 ||
    keys.some((key) => typeof key !== 'string' || !kinds.includes(key)) ||
    new Set(keys).size !== keys.length
  ) {
    throw invalid(`must list distinct keys from ${kinds.join(', ')}`, `${field}.keys`);
  }
  if (rule.scope !== 'all-introducers' && rule.scope !== 'per-introducer') {
    throw invalid('must be all-introducers or per-introducer', `${field}.scope`);
  }
  const window = rule.window;
  if (window?.type === 'days') {
    assertWholeNumber(window.days, 1, MAX_WINDOW_DAYS, `${field}.window.days`);
  } else if (window?.type !== 'all-time') {
    throw invalid('must be {"type":"all-time"} or {"type":"days","days":N}', `${field}.window`);
  }
  if (rule.action !== 'reject' && rule.action !== 'accept-and-link') {
    throw invalid('must be reject or accept-and-link', `${field}.action`);
  }
  return {
    id: rule.id,
    keys: [...rule.keys],
    scope: rule.scope,
    window: window.type === 'days' ? { type: 'days', days: window.days } : { type: 'all-time' },
    action: rule.action,
  };
}

function checkedRules(rules: readonly DuplicateRule[]): DuplicateRule[] {
  if (!Array.isArray(rules) || rules.length > MAX_RULES) {
    throw invalid(`must list at most ${MAX_RULES} rules`, 'rules');
  }
  const checked = rules.map((rule: DuplicateRule, index) => checkedRule(rule, `rules[${index}]`));
  const ids = checked.map((rule) => rule.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) {
    throw invalid(`rule id ${repeated} is used twice`, 'rules');
  }
  return checked;
}

/**
 * Decides the operators' changes to lead settings. Only operators change
 * them; a change to what is already so decides nothing, so a retried request
 * records nothing twice.
 */
export function decideLeadSettings(
  command: LeadSettingsCommand,
  state: LeadSettings,
): LeadSettingsEvent[] {
  const { actor, occurredAt } = command.metadata;
  if (actor?.type !== 'operator') {
    throw new LeadError(LeadErrorCode.ACTOR_NOT_ALLOWED, 'only operators change lead settings');
  }
  assertUtcInstant(occurredAt, 'metadata.occurredAt');
  switch (command.type) {
    case 'DefineLeadType': {
      const slug = assertSlug(command.data.slug, 'slug');
      const name = requiredText(command.data.name, 100, 'name');
      const routingMethod =
        command.data.routingMethod === undefined
          ? DEFAULT_LEAD_TYPE_ROUTING_METHOD
          : assertRoutingMethod(command.data.routingMethod, 'routingMethod');
      const existing = state.leadTypes.find((entry) => entry.slug === slug);
      if (existing !== undefined) {
        // The same definition again (a retried request) decides nothing; anything else is a change.
        if (existing.name === name && existing.active && existing.routingMethod === routingMethod) {
          return [];
        }
        throw new LeadError(LeadErrorCode.LEAD_TYPE_EXISTS, `lead type ${slug} exists`, 'slug');
      }
      if (state.leadTypes.length >= MAX_LEAD_TYPES) {
        throw invalid(`at most ${MAX_LEAD_TYPES} lead types`, 'slug');
      }
      return [
        { type: 'LeadTypeDefined', data: { slug, name, routingMethod, definedAt: occurredAt } },
      ];
    }
    case 'ChangeLeadType': {
      const slug = assertSlug(command.data.slug, 'slug');
      const existing = state.leadTypes.find((entry) => entry.slug === slug);
      if (existing === undefined) {
        throw new LeadError(LeadErrorCode.LEAD_TYPE_NOT_FOUND, `lead type ${slug} was not found`);
      }
      const name =
        command.data.name === undefined
          ? existing.name
          : requiredText(command.data.name, 100, 'name');
      const active = command.data.active ?? existing.active;
      if (typeof active !== 'boolean') {
        throw invalid('must be true or false', 'active');
      }
      const routingMethod =
        command.data.routingMethod === undefined
          ? existing.routingMethod
          : assertRoutingMethod(command.data.routingMethod, 'routingMethod');
      if (
        name === existing.name &&
        active === existing.active &&
        routingMethod === existing.routingMethod
      ) {
        return [];
      }
      return [
        {
          type: 'LeadTypeChanged',
          data: { slug, name, active, routingMethod, changedAt: occurredAt },
        },
      ];
    }
    case 'SetDuplicateRules': {
      const rules = checkedRules(command.data.rules);
      if (JSON.stringify(rules) === JSON.stringify(state.duplicateRules)) {
        return [];
      }
      return [{ type: 'DuplicateRulesChanged', data: { rules, changedAt: occurredAt } }];
    }
    case 'SetStatusCatalogue': {
      const statuses = command.data.statuses;
      assertValidCatalogue({ statuses }, 'statuses');
      const copied = statuses.map(({ status, billingPoint }) => ({ status, billingPoint }));
      if (JSON.stringify(copied) === JSON.stringify(state.statuses)) {
        return [];
      }
      return [
        { type: 'StatusCatalogueChanged', data: { statuses: copied, changedAt: occurredAt } },
      ];
    }
    case 'SetReferralTimeout': {
      const minutes = assertWholeNumber(command.data.minutes, 1, MAX_REFERRAL_MINUTES, 'minutes');
      return minutes === state.referralTimeoutMinutes
        ? []
        : [{ type: 'ReferralTimeoutChanged', data: { minutes, changedAt: occurredAt } }];
    }
    case 'SetReturnWindow': {
      const days = assertWholeNumber(command.data.days, 0, MAX_RETURN_DAYS, 'days');
      return days === state.returnWindowDays
        ? []
        : [{ type: 'ReturnWindowChanged', data: { days, changedAt: occurredAt } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
