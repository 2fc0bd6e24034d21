import {
  IsSlug,
  IsText,
  IsUtcTimestamp,
  NestedObject,
  Optional,
} from '@leadrail/integration-events';
import { IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { HasEmailOrPhone } from './has-email-or-phone';
import { AreLeadAnswers, LeadAnswers } from './lead-answers';
import { LeadConsent } from './lead-consent';
import { LeadContact } from './lead-contact';

/** The data of `LeadReceived` v1: a lead an internal publisher hands to LeadRail. */
export class LeadReceivedV1Data {
  @JSONSchema({
    description:
      "The lead's id (UUID), minted once by the publisher and reused on every retry; also the Kafka message key.",
  })
  @IsUUID()
  leadId!: string;

  @JSONSchema({ description: "The introducer's id in LeadRail (UUID): who is paid for the lead." })
  @IsUUID()
  introducerId!: string;

  @JSONSchema({
    description:
      'The kind of lead, a lower-case slug known to LeadRail, e.g. mortgage or home-insurance.',
  })
  @IsSlug(50)
  leadType!: string;

  @JSONSchema({
    description:
      "The introducer's own reference for the lead (1-100 characters); a lead sent again under the same reference is recognised as a duplicate.",
  })
  @Optional()
  @IsText(100)
  externalReference?: string;

  @JSONSchema({ description: 'The person the lead is about. Needs an email or a phone.' })
  @NestedObject(() => LeadContact)
  @HasEmailOrPhone()
  contact!: LeadContact;

  @JSONSchema({
    description:
      "Answers from the introducer's form: up to 50, keys lower_snake_case (at most 64 characters), values text (at most 1000 characters), number or boolean.",
  })
  @Optional()
  @AreLeadAnswers()
  answers?: LeadAnswers;

  @JSONSchema({ description: 'What the person agreed to.' })
  @NestedObject(() => LeadConsent)
  consent!: LeadConsent;

  @JSONSchema({
    description: 'When the introducer received the lead (the form was sent): ISO 8601 UTC with Z.',
  })
  @IsUtcTimestamp()
  receivedAt!: string;
}
