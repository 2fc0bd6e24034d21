import { HttpException, HttpStatus } from '@nestjs/common';

/** A stream's revision as an HTTP entity tag: `"<revision>"`. */
export function etagOf(revision: bigint): string {
  return `"${revision}"`;
}

/**
 * The revision an If-Match names. Changes to an existing resource require it,
 * so that two operators cannot overwrite each other silently: 428 without it,
 * 400 when it is not one of our tags.
 */
export function revisionFromIfMatch(header: string | undefined): bigint {
  if (!header) {
    throw new HttpException(
      {
        statusCode: HttpStatus.PRECONDITION_REQUIRED,
        error: 'Precondition Required',
        message:
          'send If-Match with the ETag you last read, so that concurrent changes are not overwritten',
      },
      HttpStatus.PRECONDITION_REQUIRED,
    );
  }
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) {
    throw new HttpException(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: `If-Match must be an ETag of this resource, like "3"; got ${header}`,
      },
      HttpStatus.BAD_REQUEST,
    );
  }
  return BigInt(match[1]!);
}
