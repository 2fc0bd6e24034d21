import { Expose } from 'class-transformer';
import { IsOptional, type ValidationArguments, ValidateBy } from 'class-validator';
import { parseOperatorTokens } from '../auth/operator-token';

/** Operators' API tokens, as SHA-256 hashes: `<operator-id>:<admin|read-only>:<sha256-hex>`, comma-separated. */
export class OperatorsEnv {
  @Expose()
  @IsOptional()
  @ValidateBy({
    name: 'operatorTokens',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && parseOperatorTokens(value).problems.length === 0,
      defaultMessage: (args?: ValidationArguments) =>
        `OPERATOR_TOKENS: ${parseOperatorTokens(String(args?.value ?? '')).problems.join('; ')} (npm run operator-token mints one)`,
    },
  })
  OPERATOR_TOKENS?: string;
}
