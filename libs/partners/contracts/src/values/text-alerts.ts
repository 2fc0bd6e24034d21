import { IsBoolean } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** SMS alerts to the partner, each charged at the operator's SMS rate. */
export class TextAlerts {
  @JSONSchema({ description: 'Text the partner when it is sent a referral.' })
  @IsBoolean()
  onReferral!: boolean;

  @JSONSchema({ description: 'Text the partner when its funds fall to the low-funds threshold.' })
  @IsBoolean()
  onLowFunds!: boolean;
}
