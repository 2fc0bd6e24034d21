import { IsIn, IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsBase64Url } from '../rules/base64url';

/** The one envelope format of v1. */
export const SEALED_PERSONAL_DATA_VERSION = 1;
/** AES-256 in Galois/Counter Mode, as JOSE names it. */
export const SEALED_PERSONAL_DATA_ALGORITHM = 'A256GCM';

/**
 * How a consumer opens sealed personal data; the schema repeats it, since
 * consumers in other languages read the schema, not this code.
 */
export const OPENING_SEALED_PERSONAL_DATA = [
  "The lead's personal data (its contact: firstName, lastName, email, phone, address; the shape of LeadReceived v1's contact) as UTF-8 JSON, encrypted with AES-256-GCM under a key of this lead alone, held by the leads service outside its event log.",
  "To open it: GET /leads/{leadId}/personal-data-key on the leads service with a service token; its answer carries the lead's 32-byte key (shape: the leads service's OpenAPI document). Decrypt ciphertext with that key, iv as the nonce, tag as the 16-byte authentication tag and the UTF-8 bytes of keyId as additional authenticated data (AAD); refuse the result if authentication fails.",
  'Erasure (UK GDPR) deletes the key: the endpoint then answers 410 Gone, every copy of this ciphertext is unreadable for good, and LeadPersonalDataErased v1 is published. Do not store the key or the opened data longer than you need them, and drop both on LeadPersonalDataErased.',
].join(' ');

/**
 * A lead's personal data as the event log and Kafka hold it: crypto-shredded,
 * so erasing one key makes every copy unreadable at once.
 */
@JSONSchema({ description: OPENING_SEALED_PERSONAL_DATA })
export class SealedPersonalData {
  @JSONSchema({ description: 'Format version of this envelope: 1.' })
  @IsIn([SEALED_PERSONAL_DATA_VERSION])
  v!: typeof SEALED_PERSONAL_DATA_VERSION;

  @JSONSchema({ description: 'The cipher: A256GCM (AES-256 in Galois/Counter Mode).' })
  @IsIn([SEALED_PERSONAL_DATA_ALGORITHM])
  alg!: typeof SEALED_PERSONAL_DATA_ALGORITHM;

  @JSONSchema({
    description:
      "Which key opens it: the lead's id in lower case (one key per lead). Its UTF-8 bytes are the AAD.",
  })
  @IsUUID()
  keyId!: string;

  @JSONSchema({ description: 'The 12-byte GCM nonce, unpadded base64url (16 characters).' })
  @IsBase64Url(12)
  iv!: string;

  @JSONSchema({
    description: 'The 16-byte GCM authentication tag, unpadded base64url (22 characters).',
  })
  @IsBase64Url(16)
  tag!: string;

  @JSONSchema({
    description: 'The contact as UTF-8 JSON, encrypted, unpadded base64url.',
  })
  @IsBase64Url()
  ciphertext!: string;
}
