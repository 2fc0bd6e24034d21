import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsLeadReference } from '../rules/is-partner-ref';

/** What a de-duplication rule can match two leads on. */
export const LEAD_MATCH_KEY_KINDS = [
  'email',
  'phone',
  'name-postcode',
  'external-reference',
] as const;

/** One kind of match key. */
export type LeadMatchKeyKind = (typeof LEAD_MATCH_KEY_KINDS)[number];

/** The earlier lead a lead repeats, and the de-duplication rule that found it. */
export class DuplicateLink {
  @JSONSchema({
    description: "The original lead's id (UUID, lower case): the lead this one repeats.",
  })
  @IsUUID()
  originalLeadId!: string;

  @IsLeadReference("The id of the operator's de-duplication rule that matched.")
  ruleId!: string;

  @JSONSchema({
    description:
      'What matched, each kind once: email (case-insensitive), phone (E.164), name-postcode (first and last name with postcode) or external-reference (the same introducer reference).',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(LEAD_MATCH_KEY_KINDS, { each: true })
  matchedOn!: readonly LeadMatchKeyKind[];
}
