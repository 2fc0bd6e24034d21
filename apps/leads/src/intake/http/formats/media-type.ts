/** The body formats intake reads. */
export type LeadBodyFormat = 'json' | 'xml' | 'form';

const FORMATS: Record<string, LeadBodyFormat> = {
  'application/json': 'json',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/x-www-form-urlencoded': 'form',
};

/** The media types intake accepts, for messages and the 415's explanation. */
export const ACCEPTED_MEDIA_TYPES = Object.keys(FORMATS);

const UTF8 = new Set(['utf-8', 'utf8', 'us-ascii']);

/**
 * The format a Content-Type names (`application/xml; charset=utf-8`), or why
 * it names none. Bodies are read as UTF-8: another declared charset would be
 * decoded wrongly, so it is refused rather than guessed at.
 */
export function formatOf(
  contentType: string | undefined,
): { format: LeadBodyFormat } | { unsupported: string } {
  const [type = '', ...parameters] = (contentType ?? '').split(';');
  const format = FORMATS[type.trim().toLowerCase()];
  if (!format) {
    return {
      unsupported: `send the lead as ${ACCEPTED_MEDIA_TYPES.join(', ')} (Content-Type ${contentType === undefined ? 'is missing' : `was ${JSON.stringify(contentType)}`})`,
    };
  }
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim());
    const charset = value.replace(/^"(.*)"$/, '$1').toLowerCase();
    if (name.toLowerCase() === 'charset' && !UTF8.has(charset)) {
      return {
        unsupported: `send the body in UTF-8 (charset=utf-8), not ${charset || 'an empty charset'}`,
      };
    }
  }
  return { format };
}
