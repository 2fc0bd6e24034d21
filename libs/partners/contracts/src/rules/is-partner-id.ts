import { IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** `data.partnerId`: the partner's id (UUID), also the Kafka message key. */
export function IsPartnerId(): PropertyDecorator {
  return (target, propertyKey) => {
    JSONSchema({
      description: "The partner's id (UUID), minted at registration; also the Kafka message key.",
    })(target, propertyKey as string);
    IsUUID()(target, propertyKey);
  };
}
