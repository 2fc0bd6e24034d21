import { IsUtcTimestamp, NestedObject } from '@leadrail/integration-events';
import { IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsNonBlankText } from '../rules/non-blank';

/** Who paused deliveries: an operator user or the partner itself. */
export class DeliveryPauseActor {
  @JSONSchema({ description: 'operator or partner.' })
  @IsIn(['operator', 'partner'])
  type!: 'operator' | 'partner';

  @JSONSchema({ description: "The actor's id in LeadRail." })
  @IsNonBlankText()
  id!: string;
}

/** Who paused a partner's deliveries, and when. */
export class DeliveryPause {
  @JSONSchema({ description: 'Who paused the deliveries.' })
  @NestedObject(() => DeliveryPauseActor)
  by!: DeliveryPauseActor;

  @JSONSchema({ description: 'When deliveries were paused: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  at!: string;
}
