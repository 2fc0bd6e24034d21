import { Matches } from 'class-validator';

/**
 * Unpadded base64url (RFC 4648 §5) of exactly `bytes` bytes, or of at least
 * one byte when `bytes` is omitted: the spelling of every binary field of
 * sealed personal data, safe in JSON, URLs and headers alike.
 */
export function IsBase64Url(bytes?: number): PropertyDecorator {
  const characters = bytes === undefined ? undefined : Math.ceil((bytes * 4) / 3);
  const pattern =
    characters === undefined ? /^[A-Za-z0-9_-]{2,}$/ : new RegExp(`^[A-Za-z0-9_-]{${characters}}$`);
  const size = bytes === undefined ? '' : ` of ${bytes} bytes`;
  return Matches(pattern, { message: `$property must be unpadded base64url${size}` });
}
