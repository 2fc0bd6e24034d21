import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { isApiKeyId } from '@leadrail/leads-domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function invalid(field: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'the request is invalid',
    errors: [{ field, messages: [`${field} ${message}`] }],
  });
}

/** An introducer id from a URL (its partner id, a UUID) in any case, used in the lower case it was issued in. */
export class IntroducerIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) {
      throw invalid('introducerId', 'must be a UUID');
    }
    return value.toLowerCase();
  }
}

/** A key id from a URL: 32 hexadecimal characters in any case, used in lower case. */
export class ApiKeyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const keyId = value.toLowerCase();
    if (!isApiKeyId(keyId)) {
      throw invalid('keyId', 'must be 32 hexadecimal characters');
    }
    return keyId;
  }
}
