import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NestedObject } from '@leadrail/integration-events';
import {
  MAX_OUTCOME_EXPRESSION_LENGTH,
  MAX_PARTNER_OUTCOME_RULES,
  OUTCOME_RULE_MEANINGS,
  OUTCOME_RULE_TESTS,
  RESPONSE_CAPTURE_SOURCES,
} from '@leadrail/partners-contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString } from 'class-validator';

// Shapes and types only: what each pattern and expression must be (a status
// pattern that parses, a safe regular expression, a JSONPath, an XPath) is the
// domain's check, which names every problem's field at once.

export class OutcomeRuleDto {
  @ApiProperty({
    enum: OUTCOME_RULE_TESTS,
    description:
      'status (HTTP status), contains (text in the body), equals (the whole trimmed body, * and ? wildcards), regex (JavaScript regular expression; a leading (?i) ignores case), json-path (JSONPath over the body as JSON), xpath (XPath 1.0 over the body as XML; names match by local name in any namespace)',
  })
  @IsIn(OUTCOME_RULE_TESTS)
  test!: (typeof OUTCOME_RULE_TESTS)[number];

  @ApiProperty({
    maxLength: MAX_OUTCOME_EXPRESSION_LENGTH,
    example: '//SubmitLeadResult/Status',
    description:
      'By test: 200, 2xx, 400-499 or a comma list of them; the text; the wildcard pattern; the regular expression; the JSONPath ($…); the XPath',
  })
  @IsString()
  pattern!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_OUTCOME_EXPRESSION_LENGTH,
    example: 'Rejected',
    description:
      'json-path and xpath only: what the selected value must equal (* and ? wildcards); none: any selection matches',
  })
  @IsOptional()
  @IsString()
  equals?: string | null;

  @ApiProperty({
    enum: OUTCOME_RULE_MEANINGS,
    description: 'What the answer means when the rule matches',
  })
  @IsIn(OUTCOME_RULE_MEANINGS)
  means!: (typeof OUTCOME_RULE_MEANINGS)[number];
}

export class ResponseCaptureDto {
  @ApiProperty({
    enum: RESPONSE_CAPTURE_SOURCES,
    description:
      'json-path or xpath (the first value selected), regex (its first capture group) or header (a response header by name)',
  })
  @IsIn(RESPONSE_CAPTURE_SOURCES)
  from!: (typeof RESPONSE_CAPTURE_SOURCES)[number];

  @ApiProperty({ maxLength: MAX_OUTCOME_EXPRESSION_LENGTH, example: '$.reference' })
  @IsString()
  expression!: string;
}

export class OutcomeRulesDto {
  @ApiProperty({
    type: [OutcomeRuleDto],
    maxItems: MAX_PARTNER_OUTCOME_RULES,
    description: 'Tried in order before the default rules; the first that matches decides',
  })
  @IsArray()
  @ArrayMaxSize(MAX_PARTNER_OUTCOME_RULES)
  @NestedObject(() => OutcomeRuleDto, { each: true })
  rules!: OutcomeRuleDto[];

  @ApiPropertyOptional({
    type: ResponseCaptureDto,
    nullable: true,
    description:
      "Where the partner's reference for the lead is in its answer (kept to 200 characters)",
  })
  @IsOptional()
  @NestedObject(() => ResponseCaptureDto)
  partnerReference?: ResponseCaptureDto | null;

  @ApiPropertyOptional({
    type: ResponseCaptureDto,
    nullable: true,
    description:
      'Where the reason for a rejection is in its answer (kept to 500 characters); none: LeadRail describes it',
  })
  @IsOptional()
  @NestedObject(() => ResponseCaptureDto)
  rejectionReason?: ResponseCaptureDto | null;
}
