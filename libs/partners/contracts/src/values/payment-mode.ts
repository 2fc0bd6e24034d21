import { Money, NestedObject, Optional } from '@leadrail/integration-events';
import { IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/**
 * How a partner pays for leads. Pre-pay: the balance may not go below zero.
 * Post-pay: it may go down to minus `creditLimit`, which only post-pay has.
 */
export class PaymentMode {
  @JSONSchema({ description: 'pre-pay or post-pay.' })
  @IsIn(['pre-pay', 'post-pay'])
  mode!: 'pre-pay' | 'post-pay';

  @JSONSchema({
    description: 'How far below zero a post-pay balance may go (> 0); absent for pre-pay.',
  })
  @Optional()
  @NestedObject(() => Money)
  creditLimit?: Money;
}
