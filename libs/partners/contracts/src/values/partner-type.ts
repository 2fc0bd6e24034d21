import { Money, NestedObject, Nullable } from '@leadrail/integration-events';
import { IsBoolean } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/**
 * Whether the operator buys leads from the partner (introducer, at `leadCost`),
 * sells leads to it (partner, at `leadValue`), or both. A price is null exactly
 * when its role is off; at least one role is on.
 */
export class PartnerType {
  @JSONSchema({ description: 'The operator buys leads from this partner.' })
  @IsBoolean()
  introducer!: boolean;

  @JSONSchema({ description: 'The operator sells leads to this partner.' })
  @IsBoolean()
  partner!: boolean;

  @Nullable('What the operator pays per lead bought; null when not an introducer.')
  @NestedObject(() => Money)
  leadCost!: Money | null;

  @Nullable('What the partner pays per lead sold; null when not a partner.')
  @NestedObject(() => Money)
  leadValue!: Money | null;
}
