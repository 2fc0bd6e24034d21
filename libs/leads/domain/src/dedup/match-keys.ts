import { createHash } from 'node:crypto';
import type { LeadDetails } from '../model/lead-details';
import type { DuplicateRule, MatchKeyKind } from './duplicate-rule';
import { normaliseEmail } from './normalise-email';
import { toE164, type NationalNumberingPlan } from './normalise-phone';
import { normalisePostcode } from './normalise-postcode';
import { foldText } from './normalise-text';

/**
 * The category of claim streams, one per match key. Not `lead-key`: a stream
 * name's category is the text before its first dash, so `lead-key-…` would
 * read as a stream of the `lead` category and reach every lead subscription.
 */
export const LEAD_KEY_STREAM_CATEGORY = 'leadKey';

/** One normalised key a lead can be matched on. */
export interface MatchKey {
  kind: MatchKeyKind;
  /**
   * The key as text: a JSON array of the kind, the scope and the normalised
   * parts. JSON keeps parts apart whatever they contain (`|`, quotes), so
   * different parts never make the same key.
   */
  value: string;
  /** SHA-256 of `value`, in hex. */
  hash: string;
  /** The claim stream of this key: `leadKey-<hash>`. */
  stream: string;
}

/** The claim stream of a key's text. */
export function leadKeyStream(value: string): string {
  return `${LEAD_KEY_STREAM_CATEGORY}-${sha256(value)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The normalised parts of one kind of key, or null when the lead has nothing to match on. */
function partsOf(
  kind: MatchKeyKind,
  lead: LeadDetails,
  plan: NationalNumberingPlan,
): string[] | null {
  const { contact } = lead;
  switch (kind) {
    case 'email':
      return contact.email === undefined ? null : [normaliseEmail(contact.email)];
    case 'phone': {
      const phone = contact.phone === undefined ? null : toE164(contact.phone, plan);
      return phone === null ? null : [phone];
    }
    case 'name-postcode': {
      const address = contact.address;
      if (address === undefined) {
        return null;
      }
      const country = address.country.toUpperCase();
      return [
        foldText(contact.firstName),
        foldText(contact.lastName),
        country,
        normalisePostcode(address.postcode, country),
      ];
    }
    case 'external-reference':
      // The reference is the introducer's own id, so it is only ever unique per introducer.
      return lead.externalReference === undefined
        ? null
        : [lead.introducerId.toLowerCase(), lead.externalReference.trim()];
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

/**
 * The keys `rule` matches `lead` on: one per kind the rule names and the lead
 * has (no email, no email key). Scoped per introducer, the introducer id is
 * part of every key; the window and action are the rule's to apply to what a
 * claim stream holds, not part of the key, so rules sharing kinds and scope
 * share claim streams.
 */
export function matchKeys(
  lead: LeadDetails,
  rule: Pick<DuplicateRule, 'keys' | 'scope'>,
  plan: NationalNumberingPlan = 'GB',
): MatchKey[] {
  const scope = rule.scope === 'per-introducer' ? lead.introducerId.toLowerCase() : '*';
  return [...new Set(rule.keys)].flatMap((kind) => {
    const parts = partsOf(kind, lead, plan);
    if (parts === null) {
      return [];
    }
    const value = JSON.stringify([kind, scope, ...parts]);
    const hash = sha256(value);
    return [{ kind, value, hash, stream: `${LEAD_KEY_STREAM_CATEGORY}-${hash}` }];
  });
}
