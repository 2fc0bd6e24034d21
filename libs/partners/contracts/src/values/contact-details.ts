import { IsE164PhoneNumber, Nullable } from '@leadrail/integration-events';
import { IsEmail, MaxLength } from 'class-validator';

/** How to reach the partner; each field is null when not set. */
export class ContactDetails {
  @Nullable('Phone for SMS notifications, E.164 (e.g. +447700900123), or null.')
  @IsE164PhoneNumber()
  phone!: string | null;

  @Nullable('Email address for notifications (at most 254 characters), or null.')
  @IsEmail()
  @MaxLength(254)
  email!: string | null;

  @Nullable('Phone Hot Key Transfers ring, E.164, or null.')
  @IsE164PhoneNumber()
  transferPhone!: string | null;
}
