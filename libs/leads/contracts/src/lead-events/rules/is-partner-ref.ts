import { Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/**
 * The alphabet the lead aggregate allows for ids it does not mint (partners,
 * de-duplication rules): they end up in events and stream names. Partners'
 * ids are UUIDs today, but the contract must accept whatever the log holds.
 */
export const LEAD_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** An id of something outside the lead: 1-128 letters, digits, `.`, `_`, `:` or `-`. */
export function IsLeadReference(description: string): PropertyDecorator {
  return (target, propertyKey) => {
    JSONSchema({ description })(target, propertyKey as string);
    Matches(LEAD_REFERENCE_PATTERN, {
      message:
        '$property must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
    })(target, propertyKey);
  };
}

/** `partnerId`: the partner the lead event is about (its id in the partners context). */
export function IsLeadPartnerId(): PropertyDecorator {
  return IsLeadReference(
    "The partner's id as the partners context publishes it (a UUID for partners registered in LeadRail).",
  );
}
