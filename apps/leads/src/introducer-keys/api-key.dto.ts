import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsText } from '@leadrail/integration-events';
import { IsOptional } from 'class-validator';

/** A new key: what it is for, so operators can tell an introducer's keys apart when rotating. */
export class IssueApiKeyDto {
  @ApiProperty({ example: 'CRM production' })
  @IsText(100)
  label!: string;
}

/** Why a key is revoked, if the operator says. */
export class RevokeApiKeyDto {
  @ApiPropertyOptional({ example: 'Rotated after the CRM migration' })
  @IsOptional()
  @IsText(500)
  reason?: string;
}

/** The answer to an issue: the only time the key's text is ever shown. */
export interface IssuedApiKey {
  keyId: string;
  apiKey: string;
  displayPrefix: string;
  issuedAt: string;
}

/** A key in a list: nothing secret, nor its hash. */
export interface ListedApiKey {
  keyId: string;
  label: string;
  displayPrefix: string;
  issuedAt: string;
  issuedBy: { type: string; id: string };
  revokedAt: string | null;
}
