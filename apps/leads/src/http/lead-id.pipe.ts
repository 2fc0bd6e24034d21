import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/** A lead id from the path: a UUID in any case, lower-cased as the log keeps it; else 400 naming it. */
export class LeadIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'leadId must be a UUID',
        errors: [{ field: 'leadId', messages: ['leadId must be a UUID'] }],
      });
    }
    return value.toLowerCase();
  }
}
