import { IsInt, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** Lead caps; 0 turns a cap off. */
export class DeliveryLimits {
  @JSONSchema({ description: 'Most leads per day in the schedule time zone; 0 for no cap.' })
  @IsInt()
  @Min(0)
  daily!: number;

  @JSONSchema({ description: 'Most leads per calendar month; 0 for no cap.' })
  @IsInt()
  @Min(0)
  monthly!: number;
}
