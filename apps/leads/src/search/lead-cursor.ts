/** A position in a newest-first list of leads: the last row a page showed. */
export interface LeadCursor {
  /** ISO 8601 UTC, millisecond precision, as lead timestamps are recorded. */
  recordedAt: string;
  leadId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * `after` of the next page: opaque to clients (base64url of a small JSON
 * array), so its shape can change without breaking them. It names the last
 * row shown, not an offset, so rows added meanwhile cause no duplicates or gaps.
 */
export function encodeLeadCursor(cursor: LeadCursor): string {
  return Buffer.from(JSON.stringify([cursor.recordedAt, cursor.leadId]), 'utf8').toString(
    'base64url',
  );
}

/** The cursor an `after` stands for, or null when it is not one this service made. */
export function decodeLeadCursor(text: string): LeadCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) {
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) {
    return null;
  }
  const [recordedAt, leadId] = parsed as unknown[];
  if (typeof recordedAt !== 'string' || typeof leadId !== 'string') {
    return null;
  }
  // The instant must read back exactly as written: no 30 February, no rounding.
  const instant = new Date(recordedAt);
  const exact = !Number.isNaN(instant.getTime()) && instant.toISOString() === recordedAt;
  if (!ISO_UTC.test(recordedAt) || !exact || !UUID.test(leadId)) {
    return null;
  }
  return { recordedAt, leadId };
}
