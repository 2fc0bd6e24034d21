import { IsUtcTimestamp } from '@leadrail/integration-events';
import { IsEmail, IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/**
 * That a portal login exists. Never a password or hash: credentials stay out of
 * the event log, which is replicated and replayed.
 */
export class PortalLogin {
  @JSONSchema({ description: 'The login email address.' })
  @IsEmail()
  email!: string;

  @JSONSchema({
    description: 'password (the operator set one) or invitation (an invitation was sent).',
  })
  @IsIn(['password', 'invitation'])
  method!: 'password' | 'invitation';

  @JSONSchema({ description: 'When the login was created: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  createdAt!: string;
}
