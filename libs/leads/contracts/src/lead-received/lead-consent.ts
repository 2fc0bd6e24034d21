import { IsUtcTimestamp } from '@leadrail/integration-events';
import { IsBoolean } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** What the person agreed to when the introducer captured the lead. */
export class LeadConsent {
  @JSONSchema({ description: 'The person agreed to be called or texted about this enquiry.' })
  @IsBoolean()
  contactByPhone!: boolean;

  @JSONSchema({ description: 'The person agreed to be emailed about this enquiry.' })
  @IsBoolean()
  contactByEmail!: boolean;

  @JSONSchema({ description: 'When consent was captured: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  capturedAt!: string;
}
