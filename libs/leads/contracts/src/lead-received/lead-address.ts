import { IsCountryCode, IsText, Optional } from '@leadrail/integration-events';
import { JSONSchema } from 'class-validator-jsonschema';

/** A postal address of the person a lead is about. */
export class LeadAddress {
  @JSONSchema({ description: 'First line, e.g. house number and street (1-200 characters).' })
  @IsText(200)
  line1!: string;

  @JSONSchema({ description: 'Second line, if any (1-200 characters).' })
  @Optional()
  @IsText(200)
  line2?: string;

  @JSONSchema({ description: 'Town or city (1-100 characters).' })
  @IsText(100)
  city!: string;

  @JSONSchema({ description: 'Postcode or ZIP code as written locally (1-20 characters).' })
  @IsText(20)
  postcode!: string;

  @JSONSchema({ description: 'ISO 3166-1 alpha-2 country code in upper case, e.g. GB.' })
  @IsCountryCode()
  country!: string;
}
