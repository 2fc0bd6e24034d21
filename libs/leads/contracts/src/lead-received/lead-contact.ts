import { IsE164PhoneNumber, IsText, NestedObject, Optional } from '@leadrail/integration-events';
import { IsEmail, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { LeadAddress } from './lead-address';

/**
 * How to reach the person a lead is about. At least one of `email` and `phone`
 * is required; the property holding a contact carries that rule
 * (`HasEmailOrPhone`), so the problem is reported on the contact as a whole.
 */
export class LeadContact {
  @JSONSchema({ description: 'Given name (1-100 characters).' })
  @IsText(100)
  firstName!: string;

  @JSONSchema({ description: 'Family name (1-100 characters).' })
  @IsText(100)
  lastName!: string;

  @JSONSchema({
    description: 'Email address (at most 254 characters). Email or phone is required.',
  })
  @Optional()
  @IsEmail({}, { message: '$property must be an email address, e.g. jane@example.com' })
  @MaxLength(254)
  email?: string;

  @JSONSchema({
    description: 'Phone number in E.164, e.g. +447700900123. Email or phone is required.',
  })
  @Optional()
  @IsE164PhoneNumber()
  phone?: string;

  @JSONSchema({ description: 'Postal address, if the introducer has one.' })
  @Optional()
  @NestedObject(() => LeadAddress)
  address?: LeadAddress;
}
