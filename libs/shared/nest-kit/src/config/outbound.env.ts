import { AllowList, OUTBOUND_ALLOWED_HOSTS } from '@leadrail/outbound-guard';
import { Expose } from 'class-transformer';
import { IsOptional, type ValidationArguments, ValidateBy } from 'class-validator';

/**
 * Hosts the service may send to although they are internal (tests, on-premise
 * partners): host names, host:port, IP addresses or CIDR ranges, comma-separated.
 * Unset: only public hosts (docs/outbound-addresses.md).
 */
export class OutboundEnv {
  @Expose()
  @IsOptional()
  @ValidateBy({
    name: 'outboundAllowedHosts',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && AllowList.parse(value).problems.length === 0,
      defaultMessage: (args?: ValidationArguments) =>
        `${OUTBOUND_ALLOWED_HOSTS}: ${AllowList.parse(String(args?.value ?? '')).problems.join('; ')}`,
    },
  })
  OUTBOUND_ALLOWED_HOSTS?: string;
}
