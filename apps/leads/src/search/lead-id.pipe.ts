import { type PipeTransform, Injectable } from '@nestjs/common';
import { invalidRequest } from './search-request-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A lead id in the path: a UUID (any case), read in lower case as streams name leads. */
@Injectable()
export class LeadIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) {
      throw invalidRequest([{ field: 'leadId', messages: ['leadId must be a UUID'] }]);
    }
    return value.toLowerCase();
  }
}
