import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_MJML_LENGTH, MAX_SUBJECT_TEMPLATE_LENGTH } from '@leadrail/delivery-domain';
import { IsText, Optional } from '@leadrail/integration-events';
import { IsString, Matches, MaxLength } from 'class-validator';

const SUBJECT_DESCRIPTION =
  'One line with template variables, e.g. "New lead: {{ lead.type }} {{ lead.id }}" (docs/delivery-service.md, "Email delivery").';
const MJML_DESCRIPTION =
  'An <mjml> document with template variables in element text, alt, title, and links after their scheme (href="mailto:{{ lead.email }}"); {{ lead.answers_table }} and {{ lead.address }} are email-only.';

export class EmailTemplateDto {
  @ApiProperty({
    description: SUBJECT_DESCRIPTION,
    example: 'New lead: {{ lead.type }} {{ lead.id }}',
  })
  @IsText(MAX_SUBJECT_TEMPLATE_LENGTH)
  subject!: string;

  @ApiProperty({ description: MJML_DESCRIPTION, maxLength: MAX_MJML_LENGTH })
  @IsString()
  @MaxLength(MAX_MJML_LENGTH, {
    message: `$property must be at most ${MAX_MJML_LENGTH} characters`,
  })
  @Matches(/\S/, { message: '$property must not be blank' })
  mjml!: string;

  @ApiPropertyOptional({ description: 'Why the template changes; recorded with the change.' })
  @Optional()
  @IsText(500)
  reason?: string;
}

export class ResetEmailTemplateDto {
  @ApiPropertyOptional({ description: 'Why the default comes back; recorded with the change.' })
  @Optional()
  @IsText(500)
  reason?: string;
}

/** A draft to preview; what is left out is taken from the template in force. */
export class PreviewEmailTemplateDto {
  @ApiPropertyOptional({ description: SUBJECT_DESCRIPTION })
  @Optional()
  @IsText(MAX_SUBJECT_TEMPLATE_LENGTH)
  subject?: string;

  @ApiPropertyOptional({ description: MJML_DESCRIPTION, maxLength: MAX_MJML_LENGTH })
  @Optional()
  @IsString()
  @MaxLength(MAX_MJML_LENGTH, {
    message: `$property must be at most ${MAX_MJML_LENGTH} characters`,
  })
  @Matches(/\S/, { message: '$property must not be blank' })
  mjml?: string;
}
