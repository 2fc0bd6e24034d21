import { IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** `data.leadId`: the lead's id, also the Kafka message key. */
export function IsRoutedLeadId(): PropertyDecorator {
  return (target, propertyKey) => {
    JSONSchema({
      description:
        "The lead's id (UUID, lower case), as its publisher minted it; also the Kafka message key.",
    })(target, propertyKey as string);
    IsUUID()(target, propertyKey);
  };
}
