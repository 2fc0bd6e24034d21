import type { LeadRecordedV1Data } from '@leadrail/leads-contracts';
import type { StoredLeadReceivedData } from '../personal-data/sealed-personal-data';

/**
 * The `LeadRecorded` v1 data of a stored `LeadReceived`: its details lifted
 * to the top, optional fields made null. Every field is copied by name, never
 * spread, so nothing the log holds besides them (a contact in clear from a
 * bug or an older format) can reach the topic.
 */
export function leadRecordedData(stored: StoredLeadReceivedData): LeadRecordedV1Data {
  const { details, area, personal, source } = stored;
  return {
    leadId: stored.leadId,
    introducerId: details.introducerId,
    leadType: details.leadType,
    externalReference: details.externalReference ?? null,
    answers: details.answers === undefined ? null : { ...details.answers },
    consent: {
      contactByPhone: details.consent.contactByPhone,
      contactByEmail: details.consent.contactByEmail,
      capturedAt: details.consent.capturedAt,
    },
    receivedAt: details.receivedAt,
    recordedAt: stored.recordedAt,
    source:
      source.channel === 'internal'
        ? { channel: 'internal', publisher: source.publisher }
        : { channel: 'http' },
    area: { country: area.country, city: area.city, postcodeDistrict: area.postcodeDistrict },
    personal: {
      v: personal.v,
      alg: personal.alg,
      keyId: personal.keyId,
      iv: personal.iv,
      tag: personal.tag,
      ciphertext: personal.ciphertext,
    },
  };
}
