import { BadRequestException, type PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * A partner id from a URL: a UUID in any case, answered in the lower case it
 * was issued in, so `/partners/ABC…` finds the same partner on every route.
 */
export function parsePartnerId(raw: string | undefined): string {
  const id = raw ?? '';
  if (!UUID.test(id)) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'the partner id must be a UUID',
      errors: [{ field: 'id', messages: ['id must be a UUID'] }],
    });
  }
  return id.toLowerCase();
}

/** {@link parsePartnerId} as a route parameter pipe: `@Param('id', PartnerIdPipe)`. */
export class PartnerIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return parsePartnerId(value);
  }
}
