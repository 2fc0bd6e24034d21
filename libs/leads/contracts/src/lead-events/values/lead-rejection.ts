import { IsText, NestedObject, Nullable } from '@leadrail/integration-events';
import { ArrayMaxSize, IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsFieldPath } from '../rules/field-path';
import { DuplicateLink } from './duplicate-link';

/** Why a lead was refused. */
export const LEAD_REJECTION_CODES = [
  'INVALID_LEAD',
  'DUPLICATE_LEAD',
  'UNKNOWN_LEAD_TYPE',
  'INTRODUCER_NOT_ACTIVE',
  'NO_CONSENT',
] as const;

/** One code of {@link LEAD_REJECTION_CODES}. */
export type LeadRejectionCodeV1 = (typeof LEAD_REJECTION_CODES)[number];

/** What is wrong with one field of a refused lead. */
export class LeadFieldProblem {
  @JSONSchema({
    description:
      'The path of the field inside the submitted lead, e.g. contact.email; empty when the problem is the lead as a whole.',
  })
  @IsFieldPath()
  field!: string;

  @JSONSchema({ description: 'What is wrong, e.g. "must be an email address" (1-300 characters).' })
  @IsText(300)
  message!: string;
}

/** Why a lead was refused, exactly as its introducer or publisher is told. */
export class LeadRejection {
  @JSONSchema({
    description:
      'INVALID_LEAD (see reasons), DUPLICATE_LEAD (see duplicateOf), UNKNOWN_LEAD_TYPE, INTRODUCER_NOT_ACTIVE or NO_CONSENT.',
  })
  @IsIn(LEAD_REJECTION_CODES)
  code!: LeadRejectionCodeV1;

  @JSONSchema({
    description:
      'Field-level reasons, at most 50; at least one for INVALID_LEAD, possibly none for the other codes.',
  })
  @ArrayMaxSize(50)
  @NestedObject(() => LeadFieldProblem, { each: true })
  reasons!: readonly LeadFieldProblem[];

  @Nullable(
    'For DUPLICATE_LEAD, the lead this one repeats and the rule that matched; otherwise null.',
  )
  @NestedObject(() => DuplicateLink)
  duplicateOf!: DuplicateLink | null;
}
