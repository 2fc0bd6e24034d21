import { isJsonObject, JsonObject, Optional } from '@leadrail/integration-events';
import {
  IsIn,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** How a lead reached LeadRail. */
export const LEAD_CHANNELS = ['http', 'internal'] as const;

// The envelope's `source` rule: the publisher is the intake message's source.
const PUBLISHER = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/** How a lead reached LeadRail: an introducer's HTTP request, or an internal publisher on Kafka. */
export class LeadSource {
  @JSONSchema({
    description:
      'http (an introducer posted it to the leads API) or internal (an internal service published LeadReceived v1 on leadrail.leads.intake.v1).',
  })
  @IsIn(LEAD_CHANNELS)
  channel!: (typeof LEAD_CHANNELS)[number];

  @JSONSchema({
    description:
      'For channel internal only, and then always: the publishing service, the intake message envelope source, e.g. acme.crm.',
  })
  @Optional()
  @Matches(PUBLISHER, { message: '$property must be a lower-case dotted name, e.g. acme.crm' })
  @MaxLength(100)
  publisher?: string;
}

/**
 * The constraint behind {@link HasPublisherIfInternal}: on the property that
 * holds the source, since class-validator has no class-level rules.
 */
@ValidatorConstraint({ name: 'hasPublisherIfInternal' })
export class PublisherIfInternalConstraint implements ValidatorConstraintInterface {
  static jsonSchema(): JsonObject {
    return {
      oneOf: [
        { properties: { channel: { const: 'http' } }, not: { required: ['publisher'] } },
        { properties: { channel: { const: 'internal' } }, required: ['publisher'] },
      ],
    };
  }

  validate(value: unknown): boolean {
    // A source that is not an object, or of another channel, is reported by its own rules.
    if (!isJsonObject(value) || !LEAD_CHANNELS.some((channel) => channel === value.channel)) {
      return true;
    }
    return (value.channel === 'internal') === (value.publisher !== undefined);
  }

  defaultMessage(): string {
    return '$property must name its publisher when the channel is internal, and only then';
  }
}

/** The source held by this property names a publisher exactly when its channel is internal. */
export function HasPublisherIfInternal(): PropertyDecorator {
  return Validate(PublisherIfInternalConstraint);
}
