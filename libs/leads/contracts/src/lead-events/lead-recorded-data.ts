import {
  IsSlug,
  IsText,
  IsUtcTimestamp,
  NestedObject,
  Nullable,
} from '@leadrail/integration-events';
import { IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { AreLeadAnswers, LeadAnswers } from '../lead-received/lead-answers';
import { LeadConsent } from '../lead-received/lead-consent';
import { IsLeadId } from './rules/is-lead-id';
import { LeadArea } from './values/lead-area';
import { HasPublisherIfInternal, LeadSource } from './values/lead-source';
import { SealedPersonalData } from './values/sealed-personal-data';

/**
 * The data of `LeadRecorded` v1: the lead as the leads service recorded it,
 * its contact sealed. Field for field the intake's `LeadReceived` v1, except
 * that the contact is `personal` (sealed) and `area` (coarse, readable), and
 * that optional fields are always present, null when not given.
 */
export class LeadRecordedV1Data {
  @IsLeadId()
  leadId!: string;

  @JSONSchema({
    description:
      "The introducer's id (UUID, lower case): who submitted the lead and is paid for it.",
  })
  @IsUUID()
  introducerId!: string;

  @JSONSchema({
    description: 'The kind of lead, a lower-case slug, e.g. mortgage or home-insurance.',
  })
  @IsSlug(50)
  leadType!: string;

  @Nullable(
    "The introducer's own reference for the lead (1-100 characters), or null when it sent none.",
  )
  @IsText(100)
  externalReference!: string | null;

  @Nullable(
    "Answers from the introducer's form, as submitted (up to 50, keys lower_snake_case, values text, number or boolean), or null when it sent none. Answers are not sealed: introducers must not put personal data in them.",
  )
  @AreLeadAnswers()
  answers!: LeadAnswers | null;

  @JSONSchema({ description: 'What the person agreed to, and when.' })
  @NestedObject(() => LeadConsent)
  consent!: LeadConsent;

  @JSONSchema({
    description: 'When the introducer received the lead (the form was sent): ISO 8601 UTC with Z.',
  })
  @IsUtcTimestamp()
  receivedAt!: string;

  @JSONSchema({ description: 'When LeadRail recorded the lead: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  recordedAt!: string;

  @JSONSchema({ description: 'How the lead reached LeadRail.' })
  @NestedObject(() => LeadSource)
  @HasPublisherIfInternal()
  source!: LeadSource;

  @JSONSchema({
    description:
      "Where the person is, coarsely (country, city, UK postcode district): readable without the lead's key, and after erasure.",
  })
  @NestedObject(() => LeadArea)
  area!: LeadArea;

  @JSONSchema({
    description:
      "The person's contact (name, email, phone, address), sealed with the lead's own key; see SealedPersonalData for how to open it. Unreadable for good once the lead's personal data is erased.",
  })
  @NestedObject(() => SealedPersonalData)
  personal!: SealedPersonalData;
}
